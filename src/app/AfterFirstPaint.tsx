/**
 * What the shell needs only once the first screen is painted: the offline-ready and update notices (the service
 * worker is not ready before then) and the listener that keeps a focused control clear of fixed bars (nothing is
 * focused before then). One chunk, fetched after that paint: in the entry they made the worklist's critical
 * scripts ~0.5 KB larger, and Lighthouse's simulated first paint one round trip later (about 1.25 → 1.42 s).
 */
import { onCleanup, onMount, type JSX } from 'solid-js';
import { PwaNotices } from '../features/pwa/PwaNotices';
import { keepFocusClear } from '../ui/keep-focus-clear';

export default function AfterFirstPaint(): JSX.Element {
  onMount(() => onCleanup(keepFocusClear()));
  return <PwaNotices />;
}
