/**
 * This device's place in a team, kept in the `settings` store under TEAM_KEY beside the device settings: the
 * team server's address, this install's client id (named in call locks), who signed in (never the password)
 * with the role the server gave, and whether the first connection's choice (upload or start from the team's
 * data) was made. A device record, not team data: backups leave it out and a restore keeps it (./backup.ts).
 * Read through zod like every record; an unreadable one counts as "not connected" rather than stopping the app.
 */
import { z } from 'zod/mini';
import { IsoDateTime } from '../domain/primitives';
import { validateForWrite } from './codec';
import type { Records } from './records';
import { TEAM_KEY } from './schema';

export const TEAM_DEVICE_SCHEMA_VERSION = 1;

export const TeamDeviceUser = z.object({
  id: z.uuid(),
  name: z.string().check(z.maxLength(200)),
  email: z.string().check(z.maxLength(254)),
  role: z.enum(['agent', 'lead', 'admin']),
  team: z.uuid(),
});
export type TeamDeviceUser = z.infer<typeof TeamDeviceUser>;

export const TeamDevice = z.object({
  schemaVersion: z.literal(TEAM_DEVICE_SCHEMA_VERSION),
  serverUrl: z.nullable(z.string().check(z.maxLength(2000))),
  clientId: z.uuid(),
  user: z.nullable(TeamDeviceUser),
  /** When the role was last confirmed by the server. */
  checkedAt: z.nullable(IsoDateTime),
  /** The first-connection question was answered on this device (for this team). */
  firstConnectionDone: z.nullable(z.uuid()),
});
export type TeamDevice = z.infer<typeof TeamDevice>;

export interface TeamDeviceStorage {
  /** Undefined when the device never joined a team (or the record is unreadable). */
  load(): Promise<TeamDevice | undefined>;
  save(device: TeamDevice): Promise<void>;
}

export function teamDeviceStorage(records: Records): TeamDeviceStorage {
  return {
    async load() {
      const raw = await records.read(['settings'], (tx) => tx.get('settings', TEAM_KEY));
      const parsed = TeamDevice.safeParse(raw);
      return parsed.success ? parsed.data : undefined;
    },
    async save(device) {
      const valid = validateForWrite(TeamDevice, 'settings', device);
      await records.write(['settings'], (tx) => tx.put('settings', valid, TEAM_KEY));
    },
  };
}

/** Kept in memory only: screen tests and sandboxes. */
export function memoryTeamDeviceStorage(initial?: TeamDevice): TeamDeviceStorage {
  let kept = initial;
  return {
    load: async () => kept,
    save: async (device) => {
      kept = validateForWrite(TeamDevice, 'settings', device);
    },
  };
}
