/**
 * The team session through Solid's context. It is created after the first screen painted (its code, the
 * device record's schema and the team client are not part of the first load), so screens read it as an
 * accessor that turns from undefined to the session. Screens rendered without a provider (screen tests,
 * previews, training sandboxes) are simply not connected: the local role decides, as on a device that never
 * joined a team.
 */
import { createContext, createEffect, createSignal, onCleanup, onMount, useContext, type Accessor, type JSX } from 'solid-js';
import { useServices } from './store-context';
import type { Cell } from './team-locks';
import type { TeamSession } from './team-session';

interface TeamContextValue {
  team: Accessor<TeamSession | undefined>;
  /** Resolves with the session once it exists (undefined when there is none). */
  ready: Promise<TeamSession | undefined>;
}

/** The team session's values as Solid signals (its `cell` dependency): screens re-render on every change. */
export function solidCell<T>(initial: T): Cell<T> {
  const [get, set] = createSignal(initial);
  return [get, (value) => void set(() => value)];
}

const NONE: TeamContextValue = { team: () => undefined, ready: Promise.resolve(undefined) };
const TeamContext = createContext<TeamContextValue>(NONE);

/** `load` makes the session (a lazy chunk) once the shell is on screen; a given `team` is used as is. */
export function TeamProvider(props: { team?: TeamSession; load?: () => Promise<TeamSession>; children: JSX.Element }): JSX.Element {
  const [team, setTeam] = createSignal<TeamSession | undefined>(props.team);
  let settle!: (t: TeamSession | undefined) => void;
  const ready = props.team ? Promise.resolve(props.team) : new Promise<TeamSession | undefined>((resolve) => (settle = resolve));
  onMount(() => {
    if (props.team || !props.load) return settle?.(props.team);
    props
      .load()
      .then((session) => {
        setTeam(session);
        settle(session);
      })
      // Without its chunk (offline before it was cached) the device works alone until the next start.
      .catch(() => settle(undefined));
  });
  return <TeamContext.Provider value={{ team, ready }}>{props.children}</TeamContext.Provider>;
}

export function useTeam(): Accessor<TeamSession | undefined> {
  return useContext(TeamContext).team;
}

/** The session once it exists: for work that starts now but must not miss it (opening a call). */
export function useTeamReady(): Promise<TeamSession | undefined> {
  return useContext(TeamContext).ready;
}

/** Whether lead-only controls (approve plans, publish scripts) show: the server's role once connected. */
export function useCanLead(): () => boolean {
  const services = useServices();
  const team = useTeam();
  return () => {
    const session = team();
    return session ? session.canLead(services.settings().role) : services.settings().role === 'lead';
  };
}

/** Keeps the team's call locks fresh while the calling screen is shown and the device is connected. */
export function useCallLocksWhileShown(): void {
  const team = useTeam();
  createEffect(() => {
    const session = team();
    if (!session?.connected()) return;
    onCleanup(session.locks.watch());
  });
}

/** Who (another device) is on a call with this debtor, by name; undefined when nobody or not connected. */
export function useCallLockHolder(): (debtorId: string) => string | undefined {
  const team = useTeam();
  return (debtorId) => {
    const session = team();
    return session?.connected() ? session.locks.holders().get(debtorId)?.displayName : undefined;
  };
}
