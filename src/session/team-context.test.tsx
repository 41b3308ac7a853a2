import { render, waitFor } from '@solidjs/testing-library';
import type { JSX } from 'solid-js';
import { describe, expect, it, vi } from 'vitest';
import { TeamProvider, useTeam } from './team-context';
import type { TeamSession } from './team-session';

const session = { ready: () => true } as unknown as TeamSession;
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

function AsksForTheSession(): JSX.Element {
  const team = useTeam();
  return <p data-testid="team">{team() ? 'made' : 'none'}</p>;
}

describe('TeamProvider', () => {
  it('makes the session at start on a device that joined a team', async () => {
    const load = vi.fn(async () => session);
    render(() => (
      <TeamProvider load={load} joined={async () => true}>
        <p>worklist</p>
      </TeamProvider>
    ));
    await waitFor(() => expect(load).toHaveBeenCalledTimes(1));
  });

  it('leaves it for later on a device alone, until a screen asks for it, and makes it once', async () => {
    const load = vi.fn(async () => session);
    const joined = vi.fn(async () => false);
    const shown = render(() => (
      <TeamProvider load={load} joined={joined}>
        <p>worklist</p>
      </TeamProvider>
    ));
    await tick();
    await tick();
    expect(joined).toHaveBeenCalledTimes(1);
    expect(load).not.toHaveBeenCalled();
    shown.unmount();

    const asked = render(() => (
      <TeamProvider load={load} joined={joined}>
        <AsksForTheSession />
        <AsksForTheSession />
      </TeamProvider>
    ));
    await waitFor(() => expect(asked.getAllByTestId('team').map((p) => p.textContent)).toEqual(['made', 'made']));
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('makes it anyway when the check fails', async () => {
    const load = vi.fn(async () => session);
    render(() => (
      <TeamProvider load={load} joined={() => Promise.reject(new Error('closed'))}>
        <p>worklist</p>
      </TeamProvider>
    ));
    await waitFor(() => expect(load).toHaveBeenCalledTimes(1));
  });
});
