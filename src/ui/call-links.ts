/**
 * Links to the call page. Opening `/debtors/:id/call` resumes the debtor's call in progress, and never
 * starts one on its own: browser Back or a reload must not dial anybody. A new call starts only from a link
 * that says so (`?start=1`, dropped from the address once the call has started) or the page's own button.
 */
export const START_CALL_PARAM = 'start';

const base = (debtorId: string): string => `/debtors/${encodeURIComponent(debtorId)}/call`;

/** Resumes the call in progress; without one, the page offers to start a call. */
export const callHref = (debtorId: string): string => base(debtorId);

/** Starts a call (or resumes the one in progress: a debtor never has two). */
export const startCallHref = (debtorId: string): string => `${base(debtorId)}?${START_CALL_PARAM}=1`;

/** Whether the call page was opened by an explicit "start the call" link. */
export const asksToStart = (value: string | string[] | undefined): boolean => (Array.isArray(value) ? value.includes('1') : value === '1');

/** History state the start link leaves on the call page's entry: the dossier it came from. */
export interface CallEntryState {
  fromDossier: string;
}

export function cameFromDossier(state: unknown, dossierPath: string): boolean {
  return typeof state === 'object' && state !== null && (state as Partial<CallEntryState>).fromDossier === dossierPath;
}
