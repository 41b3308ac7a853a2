/**
 * Settings → Team's sign-in and invitation forms, checked before anything is sent: the server URL through the
 * team client's own parser (the address it will call), the email's shape, a password present. Error codes
 * name the field; the form words them (locales team.json) beside each field.
 */
import { z } from 'zod/mini';
import { parseServerUrl } from '../../sync/http-auth';
import { TeamRole } from '../../sync/protocol';

export type SignInField = 'serverUrl' | 'email' | 'password';
export type SignInErrorCode = 'invalid_url' | 'email' | 'password';
export type FieldErrors<F extends string> = Partial<Record<F, SignInErrorCode>>;

const Email = z.string().check(z.trim(), z.maxLength(254), z.regex(/^[^\s@]+@[^\s@]+$/));

export function checkSignIn(input: Record<SignInField, string>): { ok: true; serverUrl: string; email: string } | { ok: false; errors: FieldErrors<SignInField> } {
  const errors: FieldErrors<SignInField> = {};
  const url = parseServerUrl(input.serverUrl);
  if (!url.ok) errors.serverUrl = 'invalid_url';
  const email = Email.safeParse(input.email);
  if (!email.success) errors.email = 'email';
  if (input.password === '') errors.password = 'password';
  if (!url.ok || !email.success || errors.password) return { ok: false, errors };
  return { ok: true, serverUrl: url.value, email: email.data };
}

export function checkInvite(input: { email: string; role: string }): { ok: true; email: string; role: TeamRole } | { ok: false } {
  const email = Email.safeParse(input.email);
  const role = TeamRole.safeParse(input.role);
  return email.success && role.success ? { ok: true, email: email.data, role: role.data } : { ok: false };
}

/** The link an invitee opens: this app's /join page, with the server to join and the one-time token. */
export function invitationLink(appOrigin: string, serverUrl: string, token: string): string {
  const url = new URL('/join', appOrigin);
  url.searchParams.set('server', serverUrl);
  url.searchParams.set('token', token);
  return url.href;
}
