/** Small order statistics for benchmark samples. Nearest-rank percentiles: with 5 samples, p95 is the max. */
export function percentile(samples, p) {
  const xs = samples.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (xs.length === 0) return null;
  const rank = Math.ceil((p / 100) * xs.length);
  return xs[Math.min(xs.length, Math.max(1, rank)) - 1];
}

export const median = (samples) => {
  const xs = samples.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (xs.length === 0) return null;
  const mid = xs.length >> 1;
  return xs.length % 2 ? xs[mid] : (xs[mid - 1] + xs[mid]) / 2;
};

export const max = (samples) => {
  const xs = samples.filter((x) => Number.isFinite(x));
  return xs.length ? Math.max(...xs) : null;
};

/** Summary kept in the JSON next to the raw samples, so a reader can judge the spread. */
export function summarize(samples) {
  return { n: samples.length, median: median(samples), p50: percentile(samples, 50), p95: percentile(samples, 95), max: max(samples), samples };
}

/**
 * Issue 15's aims for a keystroke's p95 (a call's step, a worklist search), per CPU rate: rows count the keys
 * over them, so a figure at its aim's edge shows how many keys put it there (and, beside the floor's, whose).
 */
export const KEY_AIM_MS = { 1: 16, 4: 50 };

/** How many samples exceed `limit`. */
export const countOver = (samples, limit) => samples.filter((x) => x > limit).length;
