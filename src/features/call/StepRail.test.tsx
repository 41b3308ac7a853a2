import { cleanup, render } from '@solidjs/testing-library';
import { createSignal } from 'solid-js';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { initI18n, loadNamespaces } from '../../i18n';
import { stepRail } from '../../machines/call.selectors';
import { startCall } from '../../machines/call.testing';
import type { CallEvent } from '../../machines/call.types';
import { StepRail } from './StepRail';
import type { CallView } from './use-call-session';

beforeAll(async () => {
  await initI18n('fr');
  await loadNamespaces(['call', 'callscreen']);
});
afterEach(cleanup);

/** The rail on a real call machine, with only what the rail reads from the view. */
function renderRail() {
  const { actor } = startCall();
  const [snapshot, setSnapshot] = createSignal(actor.getSnapshot());
  actor.subscribe((s) => setSnapshot(s));
  const view = {
    step: () => snapshot().context.step,
    rail: () => stepRail(snapshot().context),
    can: (e: CallEvent) => snapshot().can(e),
    send: (e: CallEvent) => actor.send(e),
  } as unknown as CallView;
  const { container } = render(() => <StepRail view={view} title={(id) => `T-${id}`} />);
  const items = () => [...container.querySelectorAll('li')];
  return { actor, items };
}

describe('StepRail', () => {
  it('shows done steps as buttons back to them, the others as text, and keeps each item’s markup across moves', () => {
    const { actor, items } = renderRail();
    const [first, second] = items();
    const firstText = first!.firstElementChild;
    expect(firstText?.tagName).toBe('SPAN');
    expect(first!.getAttribute('aria-current')).toBe('step');
    actor.send({ type: 'NEXT' });
    const firstButton = first!.firstElementChild;
    expect(firstButton?.tagName).toBe('BUTTON');
    expect(first!.className).toContain('rail__item--done');
    expect(first!.textContent).toContain('T-presentation');
    expect(second!.getAttribute('aria-current')).toBe('step');
    const secondText = second!.firstElementChild;
    actor.send({ type: 'NEXT' });
    expect(second!.firstElementChild?.tagName).toBe('BUTTON');
    actor.send({ type: 'BACK' });
    // Back on step 2: its text form comes back, the same element as before, with its status.
    expect(second!.firstElementChild).toBe(secondText);
    expect(second!.textContent).toContain('2');
    expect(first!.firstElementChild).toBe(firstButton);
    (first!.firstElementChild as HTMLButtonElement).click();
    expect(actor.getSnapshot().context.step).toBe('presentation');
    expect(first!.firstElementChild).toBe(firstText);
  });
});
