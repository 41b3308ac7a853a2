import { describe, expect, it } from 'vitest';
import { checkInvite, checkSignIn, invitationLink } from './team-form';

describe('Settings → Team forms', () => {
  it('accepts a server URL, an email and a password, normalised', () => {
    expect(checkSignIn({ serverUrl: 'https://team.example.fr/', email: ' Camille@Example.fr ', password: 'x' })).toEqual({
      ok: true,
      serverUrl: 'https://team.example.fr',
      email: 'Camille@Example.fr',
    });
  });

  it('names every wrong field at once', () => {
    expect(checkSignIn({ serverUrl: 'team.example.fr', email: 'camille', password: '' })).toEqual({
      ok: false,
      errors: { serverUrl: 'invalid_url', email: 'email', password: 'password' },
    });
  });

  it('checks an invitation and builds its link', () => {
    expect(checkInvite({ email: 'sam@example.fr', role: 'agent' })).toEqual({ ok: true, email: 'sam@example.fr', role: 'agent' });
    expect(checkInvite({ email: 'sam@example.fr', role: 'owner' })).toEqual({ ok: false });
    const link = new URL(invitationLink('http://127.0.0.1:4173', 'http://127.0.0.1:8787', 'tok&=/'));
    expect(link.pathname).toBe('/join');
    expect(link.searchParams.get('server')).toBe('http://127.0.0.1:8787');
    expect(link.searchParams.get('token')).toBe('tok&=/');
  });
});
