/**
 * Sending the recap: the `.eml` file, the `mailto:` link, and the timeline record of each step. The agent's
 * own mail client does the sending, so a download, a copy or an opened mail draft is only the recap
 * *prepared* (an `email` activity with outcome `prepared`); it is *sent* (outcome `sent`, the recap task
 * done) when the agent says so, in one action.
 */
import { writeEml, type EmailAddress } from '../../../domain/export/eml';
import { plainTextToHtml } from '../../../domain/export/html';
import { buildMailto } from '../../../domain/export/mailto';
import { ACTIVITY_SCHEMA_VERSION, type Activity, type Task } from '../../../domain/entities';

export const RECAP_CHANNELS = ['clipboard', 'mailto', 'eml'] as const;
export type RecapChannel = (typeof RECAP_CHANNELS)[number];

export interface RecapMessage {
  to: string;
  toName: string;
  subject: string;
  body: string;
}

// The same strict check as every contact e-mail: an address with `?`, `&` or `%` never reaches a header or a link.
export { isEmailAddress } from '../../../domain/input/contact-format';

/** The unique left part of the Message-ID: time, then randomness, so two sends never share one. */
export function newMessageId(now: number, random: string): string {
  return `recap.${now.toString(36)}.${random.replace(/[^A-Za-z0-9]/g, '').slice(0, 24)}`;
}

/** `recapitulatif-boulangerie-martin-sarl-2026-11-18.eml`: readable, safe on every file system. */
export function emlFileName(debtorName: string, date: string): string {
  const slug = debtorName
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
  return `recapitulatif-${slug || 'debiteur'}-${date}.eml`;
}

export interface EmlParams {
  message: RecapMessage;
  from: EmailAddress;
  at: string;
  messageId: string;
  /** The language the recap is written in (the HTML part's `lang`). */
  lang?: string;
}

/**
 * A draft (`X-Unsent: 1`): the mail client opens it ready to send from the agent's own account. The text as
 * typed, plus an HTML part made from it, where the invoice grid is a real table.
 */
export function recapEml({ message, from, at, messageId, lang = 'fr' }: EmlParams): string {
  return writeEml({
    from,
    to: [{ name: message.toName, address: message.to.trim() }],
    subject: message.subject,
    text: message.body,
    html: plainTextToHtml(message.body, { lang, title: message.subject }),
    date: at,
    messageId,
    draft: true,
  });
}

/** The `mailto:` link, or null when it is too long for a URL (the caller copies the text instead). */
export function recapMailto(message: RecapMessage): string | null {
  return buildMailto({ to: message.to.trim() ? [message.to.trim()] : [], subject: message.subject, body: message.body });
}

/** The full Message-ID as the header carries it (without the angle brackets): left part @ sender's domain. */
export function fullMessageId(messageId: string, from: EmailAddress): string {
  return `${messageId}@${from.address.split('@')[1] || 'cadence.invalid'}`;
}

/** `prepared`: the draft left Cadence (copy, mailto, .eml); `sent`: the agent confirmed it went out. */
export type RecapStage = 'prepared' | 'sent';

export interface SentParams {
  id: string;
  debtorId: string;
  at: string;
  agent: string;
  channel: RecapChannel;
  message: RecapMessage;
  messageId: string;
  /** The call activity the recap confirms. */
  callActivityId: string;
  /** `sent` only once the agent confirmed it. */
  stage: RecapStage;
}

export function sentActivity(p: SentParams): Activity {
  return {
    schemaVersion: ACTIVITY_SCHEMA_VERSION,
    id: p.id,
    debtorId: p.debtorId,
    type: 'email',
    at: p.at,
    outcome: p.stage,
    summary: p.message.subject,
    agent: p.agent,
    details: { kind: 'call_recap', channel: p.channel, subject: p.message.subject, to: p.message.to.trim(), messageId: p.messageId, callActivityId: p.callActivityId },
  };
}

/** The send_recap task marked done, or null when there is none left to do. */
export function recapTaskDone(tasks: readonly Task[], taskId: string | null, at: string): Task | null {
  const task = taskId ? tasks.find((t) => t.id === taskId) : undefined;
  return task && !task.done ? { ...task, done: true, doneAt: at } : null;
}

/**
 * Where the recap of a call stands in the dossier: nothing yet, prepared (with the channel last used), or
 * confirmed sent. Read from the timeline, so a recap prepared yesterday still asks to be confirmed today.
 */
export function recapStage(activities: readonly Activity[], callActivityId: string): { stage: RecapStage | null; channel: RecapChannel | null } {
  let stage: RecapStage | null = null;
  let channel: RecapChannel | null = null;
  let latest = '';
  for (const a of activities) {
    const d = a.details;
    if (a.type !== 'email' || d?.['kind'] !== 'call_recap' || d['callActivityId'] !== callActivityId) continue;
    if (a.outcome === 'sent') return { stage: 'sent', channel: isChannel(d['channel']) ? d['channel'] : null };
    if (a.outcome === 'prepared' && a.at >= latest) {
      latest = a.at;
      stage = 'prepared';
      channel = isChannel(d['channel']) ? d['channel'] : channel;
    }
  }
  return { stage, channel };
}

const isChannel = (value: unknown): value is RecapChannel => (RECAP_CHANNELS as readonly unknown[]).includes(value);
