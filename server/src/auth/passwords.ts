/**
 * argon2id with @node-rs/argon2's defaults (argon2id, OWASP's 19 MiB and 2 passes): hashing is the slow part
 * of a login, on purpose. A test checks the stored hashes start with `$argon2id$`.
 */
import { hash, verify } from '@node-rs/argon2';

export const MIN_PASSWORD_LENGTH = 12;

export const hashPassword = (password: string): Promise<string> => hash(password);

/** A hash of nothing anybody knows, verified when the email is unknown so both answers take as long. */
const DECOY = hash(`decoy-${Math.random()}`);

export async function checkPassword(storedHash: string | undefined, password: string): Promise<boolean> {
  if (!storedHash) {
    await verify(await DECOY, password).catch(() => false);
    return false;
  }
  return verify(storedHash, password).catch(() => false);
}
