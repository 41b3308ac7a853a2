import { cleanup, fireEvent, render, screen, waitFor } from '@solidjs/testing-library';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../domain/entities';
import { initI18n, loadNamespaces } from '../../i18n';
import { createAppServices, ServicesProvider } from '../../session/store-context';
import { solidCell, TeamProvider } from '../../session/team-context';
import { createTeamSession, type TeamSession, type TeamSyncPort } from '../../session/team-session';
import { createMemoryStore } from '../../storage/memory-store';
import { memoryTeamDeviceStorage } from '../../storage/team-device';
import type { ServerUser, TeamAuthClient, TeamResult } from '../../sync/http-auth';
import type { LostEdit } from '../../sync/protocol';
import { ProfileForm } from './ProfileForm';
import { TeamSection } from './TeamSection';

const USER: ServerUser = { id: '0190f1a2-0000-7000-8000-000000000001', teamId: '0190f1a2-0000-7000-8000-0000000000aa', role: 'agent', email: 'sam@team.fr', displayName: 'Sam Durand' };
const ok = <T,>(value: T): TeamResult<T> => ({ ok: true, value });
const EDIT: LostEdit = { mutationId: '0190f1a2-0000-7000-8000-0000000000e1', kind: 'contact', recordId: 'c1', field: 'phone', lost: '01 42 68 53 00', kept: '06 12 34 56 78', version: 3 };

function client(serverUrl: string, seen: string[]): TeamAuthClient {
  return {
    serverUrl,
    login: async (email, password) => (seen.push(`login ${serverUrl} ${email}`), password === 'right' ? ok({ ...USER, email }) : { ok: false, error: { kind: 'bad_credentials' } }),
    logout: async () => ok(undefined),
    me: async () => ok(USER),
    acceptInvitation: async () => ok(USER),
    invite: async (email, role) => ok({ token: 'token-0123456789', email, role, expiresAt: '2026-12-10T10:00:00.000Z' }),
    users: async () => ok([]),
    audit: async () => ok([]),
    locks: async () => ok([]),
    acquireLock: async () => ({ ok: false, error: { kind: 'unreachable' } }),
    releaseLock: async () => ok(true),
    trainingScores: async () => ok([]),
  };
}

function engineWith(lost: LostEdit[], dismissed: string[]): TeamSyncPort {
  return {
    status: { subscribe: (fn) => (fn({ kind: 'syncing', pending: 2, lastSync: null }), () => {}) },
    lostEdits: { subscribe: (fn) => (fn(lost), () => {}) },
    start() {},
    stop() {},
    syncNow: async () => {},
    firstConnection: async () => {},
    dismissLostEdit: async (edit) => void dismissed.push(edit.mutationId),
    shareTrainingScore: async () => {},
  };
}

let team: TeamSession | undefined;
beforeAll(async () => {
  await initI18n('fr');
  await loadNamespaces(['settings', 'team']);
});
afterEach(() => {
  cleanup();
  team?.dispose();
});

function renderTeam(over: { syncFactory?: () => TeamSyncPort; seen?: string[] } = {}) {
  const seen = over.seen ?? [];
  team = createTeamSession({
    storage: memoryTeamDeviceStorage(),
    createClient: async (url) => client(url, seen),
    hasLocalData: async () => false,
    openEvents: null,
    syncFactory: over.syncFactory ?? null,
    cell: solidCell,
  });
  const services = createAppServices(createMemoryStore(), { ...DEFAULT_SETTINGS, role: 'lead' });
  render(() => (
    <ServicesProvider services={services}>
      <TeamProvider team={team}>
        <ProfileForm />
        <TeamSection />
      </TeamProvider>
    </ServicesProvider>
  ));
  return { seen, team: team! };
}

describe('Settings → Team', () => {
  it('says in words what is wrong with each field, and sends nothing', async () => {
    const { seen } = renderTeam();
    const url = (await screen.findByLabelText("Adresse du serveur d’équipe")) as HTMLInputElement;
    fireEvent.input(url, { target: { value: 'equipe.example.fr' } });
    fireEvent.click(screen.getByRole('button', { name: 'Se connecter' }));
    await waitFor(() => expect(url.getAttribute('aria-invalid')).toBe('true'));
    expect(document.activeElement).toBe(url);
    expect(url.getAttribute('aria-describedby')).toContain('team-serverUrl-error');
    expect(document.getElementById('team-serverUrl-error')?.textContent).toContain('https://');
    expect(document.getElementById('team-email-error')?.textContent).toBe('Saisissez votre adresse e-mail.');
    expect(seen).toEqual([]);
  });

  it('signs in, shows the server role and hides the local role switch, and words a wrong password', async () => {
    const { seen } = renderTeam();
    expect(await screen.findByLabelText('Rôle')).toBeTruthy();
    fireEvent.input(await screen.findByLabelText("Adresse du serveur d’équipe"), { target: { value: 'https://equipe.example.fr/' } });
    fireEvent.input(screen.getByLabelText('E-mail'), { target: { value: 'sam@team.fr' } });
    fireEvent.input(screen.getByLabelText('Mot de passe'), { target: { value: 'wrong' } });
    fireEvent.click(screen.getByRole('button', { name: 'Se connecter' }));
    await waitFor(() => expect(screen.getByTestId('team-signin-error').textContent).toBe('E-mail ou mot de passe incorrect.'));
    fireEvent.input(screen.getByLabelText('Mot de passe'), { target: { value: 'right' } });
    fireEvent.click(screen.getByRole('button', { name: 'Se connecter' }));
    await screen.findByTestId('team-account');
    expect(seen.at(-1)).toBe('login https://equipe.example.fr sam@team.fr');
    expect(screen.getByTestId('team-role').textContent).toBe("Rôle dans l’équipe\u00a0: Chargé de recouvrement.");
    expect(screen.queryByLabelText('Rôle')).toBeNull();
    expect(screen.getByTestId('role-from-team').textContent).toContain('Chargé de recouvrement');
    expect(screen.getByTestId('team-status').textContent).toContain('En ligne');
    // An agent gets no invitation form.
    expect(screen.queryByTestId('team-invite')).toBeNull();
    fireEvent.click(screen.getByTestId('team-signout'));
    await screen.findByTestId('team-signin');
    expect(await screen.findByLabelText('Rôle')).toBeTruthy();
  });

  it("shows the engine's status and the lost edits, and dismisses one", async () => {
    const dismissed: string[] = [];
    const { team } = renderTeam({ syncFactory: () => engineWith([EDIT], dismissed) });
    await waitFor(() => expect(team.ready()).toBe(true));
    await team.signIn('https://equipe.example.fr', 'sam@team.fr', 'right');
    await screen.findByTestId('lost-edits');
    expect(screen.getByTestId('team-status').textContent).toContain('Synchronisation de 2 modifications…');
    const item = screen.getByTestId('lost-edits').querySelector('li')!;
    expect(item.textContent).toContain('téléphone');
    expect(item.textContent).toContain('01 42 68 53 00');
    expect(item.textContent).toContain('06 12 34 56 78');
    fireEvent.click(item.querySelector('button')!);
    await waitFor(() => expect(screen.queryByTestId('lost-edits')).toBeNull());
    expect(dismissed).toEqual([EDIT.mutationId]);
  });
});
