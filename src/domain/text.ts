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

/**
 * Unicode direction controls: embeddings and overrides (U+202A–U+202E) and isolates (U+2066–U+2069). One
 * U+202E typed into a company name reverses every character after it on screen and in print — the legal
 * sentence of a formal notice, the date line — while the stored text looks harmless. Cadence's texts are
 * French and English: nothing legitimate needs them.
 */
const BIDI_CONTROLS_RE = /[\u202A-\u202E\u2066-\u2069]/g;
const HAS_BIDI_CONTROL_RE = /[\u202A-\u202E\u2066-\u2069]/;

export function stripBidiControls(text: string): string {
  return HAS_BIDI_CONTROL_RE.test(text) ? text.replace(BIDI_CONTROLS_RE, '') : text;
}

/**
 * Every string in a JSON-like value (objects, arrays, nested) without direction controls. Returns the very
 * same value when there was nothing to strip, so the storage layer can run it on every record for free.
 */
export function stripBidiDeep<T>(value: T): T {
  if (typeof value === 'string') return stripBidiControls(value) as T;
  if (Array.isArray(value)) {
    let changed = false;
    const out = value.map((item) => {
      const next = stripBidiDeep(item);
      if (next !== item) changed = true;
      return next;
    });
    return (changed ? out : value) as T;
  }
  if (typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype) {
    let out: Record<string, unknown> | undefined;
    for (const [key, item] of Object.entries(value)) {
      const next = stripBidiDeep(item);
      if (next !== item) (out ??= { ...(value as Record<string, unknown>) })[key] = next;
    }
    return (out ?? value) as T;
  }
  return value;
}
