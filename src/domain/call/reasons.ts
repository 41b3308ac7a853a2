/**
 * Why the debtor pays late: the taxonomy of ../shared/DESIGN.md ("Raison du retard"). A code, never a
 * sentence: the UI translates `call:reasons.<code>`, reports group by it.
 */
import { z } from 'zod/mini';

export const DELAY_REASONS = [
  'forgotten',
  'invoice_not_received',
  'dispute',
  'signatory_absent',
  'bank_details',
  'approval_workflow',
  'cash_flow',
  'bad_faith',
  'other',
] as const;
export type DelayReasonCode = (typeof DELAY_REASONS)[number];
export const DelayReasonCodeSchema = z.enum(DELAY_REASONS);

/** `other` says nothing on its own, so it needs the agent's words. */
export function reasonNeedsDetail(code: DelayReasonCode): boolean {
  return code === 'other';
}
