import { cleanup, render } from '@solidjs/testing-library';
import { createSignal } from 'solid-js';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { initI18n, loadNamespaces } from '../../i18n';
import type { SaveState } from '../../session/call-session';
import { SaveStatus } from './CallStatus';

beforeAll(async () => {
  await initI18n('fr');
  await loadNamespaces(['callscreen']);
});
afterEach(() => {
  cleanup();
  performance.clearMarks('cadence:call-saved');
});

const saved = (seq: number, pending = false): SaveState => ({ pending, savedAt: seq > 0 ? 1 : null, savedSeq: seq, error: null, keptAside: false });
const marks = () => performance.getEntriesByName('cadence:call-saved').map((m) => (m as PerformanceMark).detail as number);

describe('SaveStatus', () => {
  it('marks each write on disk once, not each change of the save state', () => {
    const [save, setSave] = createSignal(saved(1));
    const { getByTestId } = render(() => <SaveStatus save={save()} />);
    setSave(saved(1, true));
    expect(getByTestId('save-status').dataset.state).toBe('pending');
    setSave(saved(1, true));
    expect(marks()).toEqual([]);
    setSave(saved(2));
    expect(getByTestId('save-status').dataset.state).toBe('saved');
    setSave(saved(2, true));
    setSave(saved(3));
    expect(marks()).toEqual([2, 3]);
  });
  it('takes the error look from a class, which changes only when an error comes or goes', () => {
    const [save, setSave] = createSignal(saved(1));
    const { getByTestId } = render(() => <SaveStatus save={save()} />);
    const status = getByTestId('save-status');
    setSave(saved(1, true));
    setSave(saved(2));
    expect(status.classList.contains('save-status--error')).toBe(false);
    setSave({ ...saved(2, true), error: new Error('disk') });
    expect(status.dataset.state).toBe('error');
    expect(status.classList.contains('save-status--error')).toBe(true);
    expect(status.querySelector('[role="alert"]')?.textContent).not.toBe('');
    setSave(saved(3));
    expect(status.classList.contains('save-status--error')).toBe(false);
  });
});
