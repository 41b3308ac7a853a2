/**
 * The dossier's reading of the history segment: what the rule computed, what applies (a team lead's override
 * wins) and the three facts behind it, from the same records the worklist summary digests.
 */
import type { DebtorBundle } from '../../domain/bundle';
import { segmentHistoryOf } from '../../domain/segmentation/bundle-history';
import { effectiveSegment, segmentFacts, segmentOf, type HistorySegment, type SegmentFacts } from '../../domain/segmentation/history-segment';

export interface HistorySegmentView {
  computed: HistorySegment;
  effective: HistorySegment;
  facts: SegmentFacts;
}

export function historySegmentView(bundle: DebtorBundle, today: string): HistorySegmentView {
  const facts = segmentFacts(segmentHistoryOf(bundle), today);
  const computed = segmentOf(facts);
  return { computed, effective: effectiveSegment(computed, bundle.debtor.segmentOverride?.segment), facts };
}

/** Weighted days late as said in words: whole days, rounded, so "42 jours" and never "41,73". */
export const roundedDaysLate = (facts: SegmentFacts): number => Math.round(facts.weightedDaysLate);
