/**
 * Text keys for matching what an agent types against what is stored: "Cœur d'Épinal" must be found by
 * typing "coeur d'epinal". Used for debtor names (summary searchKey) and invoice numbers (numberKey).
 */

/** Ligatures that NFD does not decompose but that French speakers type as two letters. */
const LIGATURES: Record<string, string> = { œ: 'oe', Œ: 'oe', æ: 'ae', Æ: 'ae', ß: 'ss' };
const LIGATURE_RE = /[œŒæÆß]/g;
const COMBINING_MARKS_RE = /[\u0300-\u036f]/g;
const SPACES_RE = /\s+/g;

/** Lower-case, accent-free, ligatures expanded, whitespace collapsed and trimmed. */
export function toSearchKey(text: string): string {
  return text
    .replace(LIGATURE_RE, (c) => LIGATURES[c] ?? c)
    .normalize('NFD')
    .replace(COMBINING_MARKS_RE, '')
    .toLowerCase()
    .replace(SPACES_RE, ' ')
    .trim();
}
