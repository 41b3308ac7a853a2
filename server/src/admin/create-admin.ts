/**
 * `npm run server -- --create-admin --email a@b.fr --team "Name" [--name "Display name"]`: creates the team when
 * it does not exist and its admin, through the owner connection (there is no user yet to scope a request by).
 * The password comes from CADENCE_ADMIN_PASSWORD or is asked on the terminal, never from the command line
 * (which `ps` and shell history would show).
 */
import { createInterface } from 'node:readline';
import pg from 'pg';
import { hashPassword, MIN_PASSWORD_LENGTH } from '../auth/passwords';

export interface AdminSpec {
  email: string;
  team: string;
  displayName: string;
  password: string;
}

export async function createAdmin(ownerUrl: string, spec: AdminSpec): Promise<{ userId: string; teamId: string }> {
  if (spec.password.length < MIN_PASSWORD_LENGTH) throw new Error(`the password needs at least ${MIN_PASSWORD_LENGTH} characters`);
  if (!/^[^\s@]+@[^\s@]+$/.test(spec.email)) throw new Error(`not an email address: ${spec.email}`);
  const passwordHash = await hashPassword(spec.password);
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    await client.query('BEGIN');
    const found = await client.query('SELECT id FROM teams WHERE name = $1 ORDER BY created_at LIMIT 1', [spec.team]);
    const teamId: string = found.rows[0]?.id ?? (await client.query('INSERT INTO teams (name) VALUES ($1) RETURNING id', [spec.team])).rows[0].id;
    const user = await client.query(
      "INSERT INTO users (team_id, email, display_name, role, password_hash) VALUES ($1, lower($2), $3, 'admin', $4) RETURNING id",
      [teamId, spec.email, spec.displayName, passwordHash],
    );
    await client.query('COMMIT');
    return { userId: user.rows[0].id, teamId };
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    if ((err as { code?: string }).code === '23505') throw new Error(`an account already uses ${spec.email}`);
    throw err;
  } finally {
    await client.end();
  }
}

/** Reads a password from the terminal without echoing it. */
export function askPassword(prompt: string): Promise<string> {
  return new Promise((resolve) => {
    const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
    const write = (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput;
    process.stdout.write(prompt);
    (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = (s: string) => {
      if (s.includes('\n')) write.call(rl, '\n');
    };
    rl.question('', (answer) => {
      rl.close();
      resolve(answer);
    });
  });
}
