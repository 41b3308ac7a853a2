import type { JSX } from 'solid-js';

/** The Cadence mark (same drawing as public/favicon.svg); decorative, the name is written beside it. */
export function Logo(): JSX.Element {
  return (
    <svg class="logo" viewBox="0 0 64 64" width="28" height="28" aria-hidden="true">
      <rect width="64" height="64" rx="14" fill="#1f4e79" />
      <path d="M43 21.5a15 15 0 1 0 0 21" fill="none" stroke="#fff" stroke-width="7" stroke-linecap="round" />
      <circle cx="46" cy="32" r="4.5" fill="#f2b134" />
    </svg>
  );
}
