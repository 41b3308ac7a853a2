import type { HistorySegment } from '../domain/segmentation/history-segment';

/**
 * The badge class of each history segment, the same on the worklist and the dossier. The colour repeats what
 * the words say (green, amber, red), never replaces them.
 */
export const HISTORY_BADGE: Readonly<Record<HistorySegment, string>> = { reliable: 'badge--ok', watch: 'badge--warning', bad_payer: 'badge--alert' };
