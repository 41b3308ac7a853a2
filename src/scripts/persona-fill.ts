/**
 * Fills a persona's texts (phrasings, replies) from the simulated dossier: the call scripts' `{variables}`
 * through the same filler as a real call, and the training ones (TRAINING_VARIABLES) here.
 */
import { buildCallFacts, withPromise, type CallFacts } from '../domain/call/facts';
import { fillScript, INTL_LOCALES, type ScriptLocale } from '../domain/call/variables';
import { formatDate, formatMoney } from '../domain/format';
import { builtinScript } from './builtin';
import type { TrainingDossier } from './persona-dossier';
import type { TrainingVariable } from './persona-schema';
import type { ResolvedPersona } from './persona-validate';

export interface PersonaTextContext {
  locale: ScriptLocale;
  facts: CallFacts;
  dossier: TrainingDossier;
  means: ResolvedPersona['means'];
}

export function personaTextContext(persona: ResolvedPersona, dossier: TrainingDossier, agent: { agentName: string; company: string }, today: string): PersonaTextContext {
  const facts = withPromise(buildCallFacts(dossier.bundle, agent, today), dossier.promise);
  return { locale: persona.locale, facts, dossier, means: persona.means };
}

function trainingValue(name: TrainingVariable, ctx: PersonaTextContext): string | null {
  const intl = INTL_LOCALES[ctx.locale];
  const money = (cents: number) => formatMoney(cents, intl);
  const date = (iso: string) => formatDate(iso, intl);
  const { facts, dossier } = ctx;
  const oldest = facts.overdue[0];
  const disputed = dossier.disputed[0];
  const upcoming = facts.upcoming[0];
  const plan = dossier.plan;
  switch (name) {
    case 'oldest.number':
      return oldest?.number ?? null;
    case 'oldest.amount':
      return oldest ? money(oldest.outstandingCents) : null;
    case 'disputed.number':
      return disputed?.number ?? null;
    case 'disputed.amount':
      return disputed ? money(disputed.amountInclVatCents) : null;
    case 'disputed.reason':
      return disputed?.label ?? null;
    case 'upcoming.number':
      return upcoming?.number ?? null;
    case 'upcoming.dueDate':
      return upcoming ? date(upcoming.dueDate) : null;
    case 'rightContact.name':
      return dossier.rightContact?.name ?? null;
    case 'rightContact.phone':
      return dossier.rightContact?.phone ?? null;
    case 'promise.means':
      return ctx.means[dossier.promise.means];
    case 'plan.instalments':
      return plan ? String(plan.length) : null;
    case 'plan.amount':
      return plan?.[0] ? money(plan[0].amountCents) : null;
    case 'plan.firstDate':
      return plan?.[0] ? date(plan[0].date) : null;
  }
}

const TRAINING_VARIABLE = /\{(oldest\.number|oldest\.amount|disputed\.number|disputed\.amount|disputed\.reason|upcoming\.number|upcoming\.dueDate|rightContact\.name|rightContact\.phone|promise\.means|plan\.instalments|plan\.amount|plan\.firstDate)\}/g;

/** The text as the trainee or the debtor says it; a fact the dossier lacks shows as "…". */
export function fillPersonaText(text: string, ctx: PersonaTextContext): string {
  const withTraining = text.replace(TRAINING_VARIABLE, (_, name: TrainingVariable) => trainingValue(name, ctx) ?? '…');
  return fillScript(withTraining, ctx.facts, ctx.locale, builtinScript(ctx.locale));
}
