/**
 * The profile part of the settings (who signs the emails), validated with zod before it reaches the store,
 * with error codes the form turns into translated messages next to each field.
 */
import { z } from 'zod/mini';
import { ROLES, type Settings } from '../../domain/entities';
import { plainText } from '../../domain/plain-text';

export const PROFILE_LIMITS = { agentName: 80, company: 120, signature: 500 } as const;

export const ProfileInput = z.object({
  agentName: z.string().check(z.trim(), plainText, z.minLength(1), z.maxLength(PROFILE_LIMITS.agentName)),
  company: z.string().check(z.trim(), plainText, z.minLength(1), z.maxLength(PROFILE_LIMITS.company)),
  signature: z.string().check(z.trim(), plainText, z.maxLength(PROFILE_LIMITS.signature)),
  role: z.enum(ROLES),
});
export type ProfileInput = z.infer<typeof ProfileInput>;
export type ProfileField = keyof ProfileInput;
export type ProfileErrorCode = 'required' | 'tooLong' | 'invalid';

export type ProfileResult =
  | { ok: true; settings: Settings }
  | { ok: false; errors: Partial<Record<ProfileField, ProfileErrorCode>> };

/** Validates the form and merges it into the current settings (language and schema version untouched). */
export function applyProfile(current: Settings, input: Record<ProfileField, string>): ProfileResult {
  const parsed = ProfileInput.safeParse(input);
  if (!parsed.success) {
    const errors: Partial<Record<ProfileField, ProfileErrorCode>> = {};
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] as ProfileField;
      if (errors[field]) continue;
      errors[field] = issue.code === 'too_small' ? 'required' : issue.code === 'too_big' ? 'tooLong' : 'invalid';
    }
    return { ok: false, errors };
  }
  return { ok: true, settings: { ...current, ...parsed.data } };
}
