/**
 * The team session through Solid's context. Screens rendered without it (screen tests, previews, training
 * sandboxes) are simply not connected: the local role decides, as on a device that never joined a team.
 */
import { createContext, createEffect, onCleanup, useContext, type JSX } from 'solid-js';
import { useServices } from './store-context';
import type { TeamSession } from './team-session';

const TeamContext = createContext<TeamSession>();

export function TeamProvider(props: { team: TeamSession | undefined; children: JSX.Element }): JSX.Element {
  return <TeamContext.Provider value={props.team}>{props.children}</TeamContext.Provider>;
}

export function useTeam(): TeamSession | undefined {
  return useContext(TeamContext);
}

/** Whether lead-only controls (approve plans, publish scripts) show: the server's role once connected. */
export function useCanLead(): () => boolean {
  const services = useServices();
  const team = useTeam();
  return () => (team ? team.canLead(services.settings().role) : services.settings().role === 'lead');
}

/** Keeps the team's call locks fresh while the calling screen is shown and the device is connected. */
export function useCallLocksWhileShown(): void {
  const team = useTeam();
  if (!team) return;
  createEffect(() => {
    if (!team.connected()) return;
    onCleanup(team.locks.watch());
  });
}

/** Who (another device) is on a call with this debtor, by name; undefined when nobody or not connected. */
export function useCallLockHolder(): (debtorId: string) => string | undefined {
  const team = useTeam();
  return (debtorId) => (team?.connected() ? team.locks.holders().get(debtorId)?.displayName : undefined);
}
