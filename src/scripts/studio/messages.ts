/**
 * The i18n key and values for a studio check or a pack error, so the screens only call `t(key, values)`.
 * A pack's invalid script carries the script validator's own message, nested.
 */
import { scriptErrorMessage } from '../validate';
import type { PackError } from '../pack';
import type { ScriptIssue } from './checks';

export interface Message {
  key: string;
  values: Record<string, string | number>;
}

export function checkMessage(issue: ScriptIssue): Message {
  if (issue.code === 'unknown_variable' && issue.values.suggestion) return { key: 'studio:checks.unknown_variable_suggest', values: issue.values };
  return { key: `studio:checks.${issue.code}`, values: issue.values };
}

/** `nested` translates the invalid script's own message (the caller's `t`). */
export function packErrorMessage(error: PackError, nested: (m: Message) => string): Message {
  const key = `studio:pack.${error.error}`;
  switch (error.error) {
    case 'invalid_script':
      return { key, values: { path: error.path, detail: nested(scriptErrorMessage(error.script)) } };
    case 'not_json':
    case 'not_a_pack':
    case 'checksum_mismatch':
      return { key, values: {} };
    default: {
      const { error: _code, ...values } = error;
      return { key, values };
    }
  }
}
