/**
 * `{variables}` in script text, filled from the call facts. Values are formatted with Intl only (money,
 * dates, lists, "il y a 35 jours"), so this stays free of translated words; the one word a script needs
 * from us, the contact's role, comes from the script itself (`words.roles`).
 */
import { formatDate, formatMoney } from '../format';
import type { CallFacts, ContactRoleCode, InvoiceFact } from './facts';

export const SCRIPT_VARIABLES = [
  'agent.name',
  'agent.company',
  'company.name',
  'debtor.name',
  'contact.name',
  'contact.role',
  'invoices.overdue',
  'invoices.overdue.count',
  'total.overdue',
  'oldest.dueDate',
  'oldest.daysLate',
  'invoices.upcoming',
  'invoices.upcoming.count',
  'total.upcoming',
  'promise.amount',
  'promise.date',
  'today',
] as const;
export type ScriptVariable = (typeof SCRIPT_VARIABLES)[number];

export type ScriptLocale = 'fr' | 'en';
export const INTL_LOCALES: Record<ScriptLocale, string> = { fr: 'fr-FR', en: 'en-GB' };

/** Facts the call itself brings (the promise), not the dossier: until captured, they are awaited, not missing. */
export const AWAITED_VARIABLES = ['promise.amount', 'promise.date'] as const;
export type AwaitedVariable = (typeof AWAITED_VARIABLES)[number];
const isAwaited = (name: ScriptVariable): name is AwaitedVariable => (AWAITED_VARIABLES as readonly string[]).includes(name);

/** How the script names each contact role when it says `{contact.role}`, and what a fact still awaited reads as. */
export interface ScriptWords {
  roles: Record<ContactRoleCode, string>;
  /** « montant à convenir »: shown for a promise not made yet; `…` when the script gives no words. */
  awaited?: Partial<Record<AwaitedVariable, string>>;
}

/** Shown in place of a fact the dossier does not hold yet, so the agent sees the gap instead of a blank. */
export const MISSING = '…';

const VARIABLE = /\{([A-Za-z][\w.]*)\}/g;

export function isScriptVariable(name: string): name is ScriptVariable {
  return (SCRIPT_VARIABLES as readonly string[]).includes(name);
}

/** Every `{name}` in `text`, known or not, in order of appearance. */
export function variablesIn(text: string): string[] {
  return [...text.matchAll(VARIABLE)].map((m) => m[1] as string);
}

export type ScriptPart =
  | { kind: 'text'; text: string }
  /** `missing`: the dossier lacks the fact; `awaited`: the call has not captured it yet (text says what is awaited). */
  | { kind: 'value'; variable: ScriptVariable; text: string; missing: boolean; awaited?: true }
  | { kind: 'invoices'; variable: 'invoices.overdue' | 'invoices.upcoming'; invoices: InvoiceFact[]; text: string };

// Intl formatters are costly to build and the script text is refilled at every step: build each once.
const formatters = new Map<string, { relative: Intl.RelativeTimeFormat; list: Intl.ListFormat; number: Intl.NumberFormat }>();
function formattersFor(intl: string) {
  let f = formatters.get(intl);
  if (!f) {
    f = {
      relative: new Intl.RelativeTimeFormat(intl, { numeric: 'auto' }),
      list: new Intl.ListFormat(intl, { type: 'conjunction' }),
      number: new Intl.NumberFormat(intl),
    };
    formatters.set(intl, f);
  }
  return f;
}

function invoiceList(invoices: InvoiceFact[], locale: ScriptLocale): string {
  if (invoices.length === 0) return MISSING;
  const intl = INTL_LOCALES[locale];
  const { relative, list } = formattersFor(intl);
  const items = invoices.map(
    (f) =>
      `${f.number} (${formatMoney(f.outstandingCents, intl)}, ${formatDate(f.dueDate, intl)}, ${relative.format(-f.daysLate, 'day')})`,
  );
  return list.format(items);
}

function valueOf(variable: ScriptVariable, facts: CallFacts, locale: ScriptLocale, words: ScriptWords): string | null {
  const intl = INTL_LOCALES[locale];
  const count = (n: number) => formattersFor(intl).number.format(n);
  const oldest = facts.overdue[0];
  switch (variable) {
    case 'agent.name':
      return facts.agent.name || null;
    case 'agent.company':
      return facts.agent.company || null;
    case 'company.name':
    case 'debtor.name':
      return facts.company.name;
    case 'contact.name':
      return facts.contact?.name ?? null;
    case 'contact.role':
      return facts.contact ? words.roles[facts.contact.role] : null;
    case 'invoices.overdue.count':
      return count(facts.overdue.length);
    case 'total.overdue':
      return formatMoney(facts.totalOverdueCents, intl);
    case 'oldest.dueDate':
      return facts.oldestDueDate ? formatDate(facts.oldestDueDate, intl) : null;
    case 'oldest.daysLate':
      return oldest ? count(oldest.daysLate) : null;
    case 'invoices.upcoming.count':
      return count(facts.upcoming.length);
    case 'total.upcoming':
      return formatMoney(facts.totalUpcomingCents, intl);
    case 'promise.amount':
      return facts.promise ? formatMoney(facts.promise.amountCents, intl) : null;
    case 'promise.date':
      return facts.promise ? formatDate(facts.promise.date, intl) : null;
    case 'today':
      return formatDate(facts.today, intl);
    case 'invoices.overdue':
    case 'invoices.upcoming':
      return null;
  }
}

/**
 * The text cut into literal runs and filled values, for a UI that highlights the facts (4 C: concret)
 * and shows invoice lists as a table. Unknown `{names}` stay literal: `validateScript` rejects them first.
 */
export function scriptParts(text: string, facts: CallFacts, locale: ScriptLocale, words: ScriptWords): ScriptPart[] {
  const parts: ScriptPart[] = [];
  let last = 0;
  for (const match of text.matchAll(VARIABLE)) {
    const name = match[1] as string;
    if (!isScriptVariable(name)) continue;
    const start = match.index;
    if (start > last) parts.push({ kind: 'text', text: text.slice(last, start) });
    last = start + match[0].length;
    if (name === 'invoices.overdue' || name === 'invoices.upcoming') {
      const invoices = name === 'invoices.overdue' ? facts.overdue : facts.upcoming;
      parts.push({ kind: 'invoices', variable: name, invoices, text: invoiceList(invoices, locale) });
      continue;
    }
    const value = valueOf(name, facts, locale, words);
    if (value === null && isAwaited(name)) parts.push({ kind: 'value', variable: name, text: words.awaited?.[name] ?? MISSING, missing: false, awaited: true });
    else parts.push({ kind: 'value', variable: name, text: value ?? MISSING, missing: value === null });
  }
  if (last < text.length) parts.push({ kind: 'text', text: text.slice(last) });
  return parts;
}

export function fillScript(text: string, facts: CallFacts, locale: ScriptLocale, words: ScriptWords): string {
  return scriptParts(text, facts, locale, words)
    .map((p) => p.text)
    .join('');
}
