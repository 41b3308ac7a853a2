/**
 * Field-by-field differences between two versions of a script, for the studio's side-by-side view. Steps
 * pair by id, captures by field id, objections by id, so a reordered or renamed list reads as what it is
 * rather than as everything changed.
 */
import type { CallScript, CaptureField, Objection, ScriptStep } from '../schema';

export type ChangeKind = 'added' | 'removed' | 'changed';

export interface ScriptChange {
  kind: ChangeKind;
  /** What the change is about: the script itself, a step, a capture of a step, an objection, a role word. */
  scope: 'script' | 'step' | 'capture' | 'objection' | 'role';
  /** The step, capture or objection id, or the role code; empty for the script. */
  id: string;
  /** The step a capture belongs to. */
  stepId?: string;
  /** The property that changed (`say`, `tips`, `answers`, `label`…); empty when the whole item came or went. */
  field: string;
  before: string;
  after: string;
}

const show = (value: unknown): string => (value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value));

function compare(out: ScriptChange[], base: Omit<ScriptChange, 'kind' | 'field' | 'before' | 'after'>, a: object, b: object, fields: string[]): void {
  for (const field of fields) {
    const before = show((a as Record<string, unknown>)[field]);
    const after = show((b as Record<string, unknown>)[field]);
    if (before !== after) out.push({ ...base, kind: 'changed', field, before, after });
  }
}

function pairBy<T>(before: readonly T[], after: readonly T[], key: (t: T) => string): { id: string; a?: T; b?: T }[] {
  const ids: string[] = [];
  for (const t of [...before, ...after]) if (!ids.includes(key(t))) ids.push(key(t));
  return ids.map((id) => ({ id, a: before.find((t) => key(t) === id), b: after.find((t) => key(t) === id) }));
}

function captureChanges(out: ScriptChange[], stepId: string, a: CaptureField[], b: CaptureField[]): void {
  for (const pair of pairBy(a, b, (f) => f.id)) {
    const base = { scope: 'capture' as const, id: pair.id, stepId };
    if (!pair.a) out.push({ ...base, kind: 'added', field: '', before: '', after: show(pair.b) });
    else if (!pair.b) out.push({ ...base, kind: 'removed', field: '', before: show(pair.a), after: '' });
    else compare(out, base, pair.a, pair.b, ['type', 'label', 'required', 'options']);
  }
}

function stepChanges(out: ScriptChange[], a: ScriptStep[], b: ScriptStep[]): void {
  for (const pair of pairBy(a, b, (s) => s.id)) {
    const base = { scope: 'step' as const, id: pair.id };
    if (!pair.a) out.push({ ...base, kind: 'added', field: '', before: '', after: pair.b!.title });
    else if (!pair.b) out.push({ ...base, kind: 'removed', field: '', before: pair.a.title, after: '' });
    else {
      compare(out, base, pair.a, pair.b, ['title', 'say']);
      const lines = (s: ScriptStep) => ({ tips: s.tips.join('\n'), fourC: s.fourC.map((r) => `${r.c}: ${r.text}`).join('\n') });
      compare(out, base, lines(pair.a), lines(pair.b), ['tips', 'fourC']);
      captureChanges(out, pair.id, pair.a.captures, pair.b.captures);
    }
  }
}

function objectionChanges(out: ScriptChange[], a: Objection[], b: Objection[]): void {
  for (const pair of pairBy(a, b, (o) => o.id)) {
    const base = { scope: 'objection' as const, id: pair.id };
    if (!pair.a) out.push({ ...base, kind: 'added', field: '', before: '', after: pair.b!.objection });
    else if (!pair.b) out.push({ ...base, kind: 'removed', field: '', before: pair.a.objection, after: '' });
    else {
      const flat = (o: Objection) => ({ objection: o.objection, answers: o.answers.join('\n'), reason: o.reason ?? '' });
      compare(out, base, flat(pair.a), flat(pair.b), ['objection', 'answers', 'reason']);
    }
  }
}

export function diffScripts(before: CallScript, after: CallScript): ScriptChange[] {
  const out: ScriptChange[] = [];
  compare(out, { scope: 'script', id: '' }, before, after, ['name', 'locale']);
  stepChanges(out, before.steps, after.steps);
  objectionChanges(out, before.objections, after.objections);
  const roles = Object.keys({ ...before.roles, ...after.roles }) as (keyof CallScript['roles'])[];
  for (const role of roles) {
    const [a, b] = [before.roles[role] ?? '', after.roles[role] ?? ''];
    if (a !== b) out.push({ kind: 'changed', scope: 'role', id: role, field: 'word', before: a, after: b });
  }
  return out;
}
