import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseArgs } from './args.mjs';
import { renderTable } from './format.mjs';
import { countOver, median, percentile } from './stats.mjs';

test('percentile is nearest-rank and skips missing samples', () => {
  const xs = [5, 1, 4, 2, 3, null, NaN];
  assert.equal(percentile(xs, 50), 3);
  assert.equal(percentile(xs, 95), 5);
  assert.equal(percentile([10, 20, 30, 40, 50, 60, 70, 80, 90, 100], 90), 90);
  assert.equal(percentile([], 50), null);
});

test('median averages the two middle samples of an even count', () => {
  assert.equal(median([4, 1, 3, 2]), 2.5);
  assert.equal(median([7]), 7);
  assert.equal(median([]), null);
});

test('parseArgs: --quick lowers repetitions, --only selects suites, unknown input is refused', () => {
  const full = parseArgs([]);
  const quick = parseArgs(['--quick', '--only=size,idb']);
  assert.ok(quick.reps.lighthouse < full.reps.lighthouse && quick.reps.open1x < full.reps.open1x);
  assert.deepEqual([...quick.only], ['size', 'idb']);
  assert.throws(() => parseArgs(['--only=size,nope']), /unknown suite/);
  assert.throws(() => parseArgs(['--fast']), /unknown option/);
});

test('renderTable pads columns so values line up on the right', () => {
  const lines = renderTable([{ title: 'S', rows: [['short', '1 ms', ''], ['a longer figure', '1234 ms', 'note']] }]).split('\n');
  assert.equal(lines[3], 'short               1 ms');
  assert.equal(lines[4], 'a longer figure  1234 ms  note');
});

test('countOver counts only the samples past the limit', () => {
  assert.equal(countOver([16, 16.1, 15.9, 50, 3], 16), 2);
  assert.equal(countOver([], 16), 0);
});
