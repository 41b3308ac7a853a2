import { cleanup, fireEvent, render, screen } from '@solidjs/testing-library';
import { createSignal } from 'solid-js';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { initI18n, loadNamespaces } from '../../i18n';
import type { CallEvent } from '../../machines/call.types';
import { startCall } from '../../machines/call.testing';
import type { CallSnapshot } from '../../machines/call.selectors';
import { builtinScript } from '../../scripts/builtin';
import { ObjectionsPanel } from './ObjectionsPanel';
import type { CallView } from './use-call-session';

beforeAll(async () => {
  await initI18n('fr');
  await loadNamespaces(['call', 'callscreen']);
});
afterEach(cleanup);

/** The panel on a real call machine, with only what it reads from the view. */
function renderPanel() {
  const { actor } = startCall();
  const [snapshot, setSnapshot] = createSignal<CallSnapshot>(actor.getSnapshot(), { equals: false });
  actor.subscribe((s) => setSnapshot(s));
  const sent: CallEvent[] = [];
  const view = {
    snapshot,
    phase: () => 'step' as const,
    mode: () => 'writer' as const,
    reason: () => snapshot().context.reason,
    can: (e: CallEvent) => snapshot().can(e),
    send: (e: CallEvent) => (sent.push(e), actor.send(e)),
  } as unknown as CallView;
  let details!: HTMLDetailsElement;
  render(() => <ObjectionsPanel view={view} script={builtinScript('fr')} ref={(el) => (details = el)} />);
  return { actor, details, sent };
}

describe('ObjectionsPanel', () => {
  it('builds its answers on the first opening, not with the screen', async () => {
    const { details } = renderPanel();
    expect(screen.queryAllByTestId('objection-answer-used')).toHaveLength(0);
    details.open = true;
    fireEvent(details, new Event('toggle'));
    expect(screen.getAllByTestId('objection-answer-used').length).toBeGreaterThan(1);
  });

  it('marks an answer used, and keeps the others as they were', () => {
    const { details, sent } = renderPanel();
    details.open = true;
    fireEvent(details, new Event('toggle'));
    const [first, second] = screen.getAllByTestId('objection-answer-used');
    fireEvent.click(first!);
    expect(sent).toHaveLength(1);
    expect(first!.getAttribute('aria-pressed')).toBe('true');
    expect(second!.getAttribute('aria-pressed')).toBe('false');
  });
});
