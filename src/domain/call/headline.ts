/**
 * What a call in the timeline says happened, in one line: "Appel — promesse 1 234,56 € le 12/12/2026
 * (virement)", "Appel — litige FA-2026-0012", never the bare ending code. Read from the stored activity,
 * which older and demo calls fill only in part: each field is checked on its own.
 */
import { z } from 'zod/mini';
import type { PaymentMeans } from '../entities';
import { CallEnding, Commitment } from './context';

export type CallHeadline =
  /** A promise read back to the debtor and confirmed. */
  | { kind: 'promise'; amountCents: number; date: string; means: PaymentMeans }
  | { kind: 'plan'; instalments: number; totalCents: number }
  /** `invoiceIds` as stored; the view shows their numbers. */
  | { kind: 'dispute'; invoiceIds: string[]; why: string }
  | { kind: 'no_commitment'; why: string }
  /** No commitment: the way the call ended (an activity outcome code, e.g. `no_answer`), when known. */
  | { kind: 'ending'; ending: string | null };

function field<T>(schema: z.ZodMiniType<T>, value: unknown): T | null {
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

export function callHeadline(details: Record<string, unknown> | undefined, outcome: string | undefined): CallHeadline {
  const commitment = field(Commitment, details?.['commitment']);
  const ending = field(CallEnding, details?.['ending']);
  switch (commitment?.kind) {
    case 'promise':
      // An unconfirmed promise was never recorded: the call ended without one.
      if (commitment.restatedConfirmed) return { kind: 'promise', amountCents: commitment.amountCents, date: commitment.date, means: commitment.means };
      break;
    case 'plan':
      if (commitment.instalments.length > 0) {
        const totalCents = commitment.instalments.reduce((sum, i) => sum + i.amountCents, 0);
        return { kind: 'plan', instalments: commitment.instalments.length, totalCents };
      }
      break;
    case 'dispute':
      return { kind: 'dispute', invoiceIds: commitment.invoiceIds, why: commitment.why.trim() };
    case 'none':
      if (commitment.why.trim()) return { kind: 'no_commitment', why: commitment.why.trim() };
      break;
  }
  return { kind: 'ending', ending: ending?.type ?? outcome ?? null };
}
