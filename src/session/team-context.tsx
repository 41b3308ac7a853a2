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
  /** Makes the session now if it was left for later (a device that never joined a team). */
  demand: () => void;
}

/** The team session's values as Solid signals (its `cell` dependency): screens re-render on every change. */
export function solidCell<T>(initial: T): Cell<T> {
  const [get, set] = createSignal(initial);
  return [get, (value) => void set(() => value)];
}

const NONE: TeamContextValue = { team: () => undefined, ready: Promise.resolve(undefined), demand: () => undefined };
const TeamContext = createContext<TeamContextValue>(NONE);

/**
 * `load` makes the session (a lazy chunk); a given `team` is used as is. With `joined`, a device that never
 * joined a team (most of them) does not fetch the session's code with its first screen: nothing on it can
 * change without a team. The session is then made when a screen asks for it (`useTeam`, `useTeamReady`: the
 * team settings, the join link, a call), which is also how a device comes to join.
 */
export function TeamProvider(props: {
  team?: TeamSession;
  load?: () => Promise<TeamSession>;
  joined?: () => Promise<boolean>;
  children: JSX.Element;
}): JSX.Element {
  const [team, setTeam] = createSignal<TeamSession | undefined>(props.team);
  let settle!: (t: TeamSession | undefined) => void;
  const ready = props.team ? Promise.resolve(props.team) : new Promise<TeamSession | undefined>((resolve) => (settle = resolve));
  let started = false;
  const demand = (): void => {
    if (started || props.team || !props.load) return;
    started = true;
    props
      .load()
      .then((session) => {
        setTeam(session);
        settle(session);
      })
      // Without its chunk (offline before it was cached) the device works alone until the next start.
      .catch(() => settle(undefined));
  };
  onMount(() => {
    if (props.team || !props.load) return settle?.(props.team);
    if (!props.joined) return demand();
    // A failed check makes the session anyway, as before the check existed.
    props.joined().then((yes) => yes && demand(), demand);
  });
  return <TeamContext.Provider value={{ team, ready, demand }}>{props.children}</TeamContext.Provider>;
}

/** The session for a screen that works with it (team settings): asking makes it if it was left for later. */
export function useTeam(): Accessor<TeamSession | undefined> {
  const context = useContext(TeamContext);
  context.demand();
  return context.team;
}

/** The session once it exists: for work that starts now but must not miss it (opening a call). */
export function useTeamReady(): Promise<TeamSession | undefined> {
  const context = useContext(TeamContext);
  context.demand();
  return context.ready;
}

/** The session if it was made, without asking for it: what only a connected device shows (locks, the lead's role). */
function useTeamIfMade(): Accessor<TeamSession | undefined> {
  return useContext(TeamContext).team;
}

/** Whether lead-only controls (approve plans, publish scripts) show: the server's role once connected. */
export function useCanLead(): () => boolean {
  const services = useServices();
  const team = useTeamIfMade();
  return () => {
    const session = team();
    return session ? session.canLead(services.settings().role) : services.settings().role === 'lead';
  };
}

/** Keeps the team's call locks fresh while the calling screen is shown and the device is connected. */
export function useCallLocksWhileShown(): void {
  const team = useTeamIfMade();
  createEffect(() => {
    const session = team();
    if (!session?.connected()) return;
    onCleanup(session.locks.watch());
  });
}

/** Who (another device) is on a call with this debtor, by name; undefined when nobody or not connected. */
export function useCallLockHolder(): (debtorId: string) => string | undefined {
  const team = useTeamIfMade();
  return (debtorId) => {
    const session = team();
    return session?.connected() ? session.locks.holders().get(debtorId)?.displayName : undefined;
  };
}
