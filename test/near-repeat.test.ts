/**
 * `lantern near-repeat` on the demo store, whose asb-council, fly-tipping and hate-crime records
 * for Three Rivers are SYNTHETIC and dated to the day: the --json shape, the synthetic note,
 * determinism with --seed, the refusal of police.uk categories (months only) and of bad bands.
 */
import type { NearRepeatResult } from '../src/usecases/near-repeat.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { run, runJson } from './helpers/cli.js';
import { demoStoreCopy } from './helpers/demo-store.js';
import { tempDir } from './helpers/temp.js';

const dir = tempDir();
let db: string;

// The demo store (`lantern demo`) built once by the global setup; this file reads its own copy.
beforeAll(() => {
  db = demoStoreCopy(dir.path);
});
afterAll(() => dir.remove());

type NearRepeatJson = NearRepeatResult;

const ASB = ['near-repeat', '--area', 'Three Rivers', '--dataset', 'asb-council'];
const YEAR = ['--period', '2025-01..2025-12'];
const knox = (...extra: string[]) =>
  runJson<NearRepeatJson>([...ASB, ...YEAR, ...extra, '--db', db]);

describe('lantern near-repeat', () => {
  it('--json: the Knox table with bands, counts, ratios and p-values', async () => {
    const { code, json } = await knox('--iterations', '199');
    expect(code).toBe(0);
    expect(json.area).toEqual({ code: 'E07000102', name: 'Three Rivers', type: 'district' });
    expect(json.what).toBe('asb-council:total');
    expect(json.period).toEqual({ from: '2025-01', to: '2025-12' });
    expect(json.monthsHeld).toHaveLength(12);
    expect(json.monthsMissing).toEqual([]);
    expect(json.synthetic).toBe(true);
    expect(Number.isInteger(json.events)).toBe(true);
    expect(json.events).toBeGreaterThanOrEqual(20);
    expect(json.pairs).toBe((json.events * (json.events - 1)) / 2);
    expect(json.closePairs).toBeLessThan(json.pairs);
    // Default bands: same location, 4 bands to 800 m, beyond; 4 bands to 28 days, beyond.
    expect(json.distanceBands.map((b) => b.label)).toEqual([
      'same location',
      'under 100 m',
      '100 to under 200 m',
      '200 to under 400 m',
      '400 to under 800 m',
      '800 m or more',
    ]);
    expect(json.distanceBands.map((b) => b.kind)).toEqual([
      'same-location',
      'band',
      'band',
      'band',
      'band',
      'beyond',
    ]);
    expect(json.timeBands.map((b) => [b.from, b.to])).toEqual([
      [0, 7],
      [7, 14],
      [14, 21],
      [21, 28],
      [28, null],
    ]);
    expect(json.cells).toHaveLength(6);
    let total = 0;
    json.cells.forEach((row, r) => {
      expect(row).toHaveLength(5);
      row.forEach((c, t) => {
        expect(Number.isInteger(c.observed)).toBe(true);
        expect(c.expected).toBeGreaterThanOrEqual(0);
        if (c.expected > 0) expect(c.ratio).toBeCloseTo(c.observed / c.expected, 9);
        else expect(c.ratio).toBeNull();
        expect(c.pValue).toBeGreaterThanOrEqual(1 / 200);
        expect(c.pValue).toBeLessThanOrEqual(1);
        // Holm's family: the 5 × 4 cells within the bands asked for, not the beyond ones.
        if (r === 5 || t === 4) expect(c.pValueHolm).toBeNull();
        else expect(c.pValueHolm).toBeGreaterThanOrEqual(c.pValue);
        total += c.observed;
      });
    });
    expect(total).toBe(json.pairs); // every pair is in exactly one cell
    expect(json.iterations).toBe(199);
    expect(json.seed).toBe(1);
    expect(json.minPValue).toBeCloseTo(1 / 200, 12);
    expect(json.cellsTested).toBe(20);
    expect(json.method).toMatch(/Knox/);
    expect(json.notes.some((n) => /Holm/.test(n) && /20 cells/.test(n))).toBe(true);
    expect(json.notes.some((n) => /smallest possible p-value is 0\.005/.test(n))).toBe(true);
  });

  it('gives the smallest p-value of many permutations as it is, not as 0', async () => {
    // QA: with 20,000 permutations the note said "the smallest possible p-value is 0", and
    // advised 9,999.
    const { json } = await knox('--iterations', '19999');
    const note = json.notes.find((n) => /smallest possible p-value/u.test(n)) ?? '';
    expect(note).toContain('With 19,999 permutations the smallest possible p-value is 5.0e-5.');
    expect(note).not.toMatch(/9999/u);
  });

  it('says the data are synthetic, in JSON and in text', async () => {
    const { json } = await knox('--iterations', '19');
    expect(json.notes.some((n) => /SYNTHETIC/.test(n))).toBe(true);
    expect(json.label).toMatch(/synthetic/);
    const text = await run([...ASB, ...YEAR, '--iterations', '19', '--db', db]);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/Knox ratio/);
    expect(text.stdout).toMatch(/same location/);
    expect(text.stdout).toMatch(/SYNTHETIC/);
  });

  it('is deterministic for a seed, and another seed gives other expected counts', async () => {
    const a = await knox('--iterations', '99', '--seed', '7');
    const b = await knox('--iterations', '99', '--seed', '7');
    const c = await knox('--iterations', '99', '--seed', '8');
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    expect(a.json.seed).toBe(7);
    const observed = (j: NearRepeatJson) => j.cells.map((row) => row.map((x) => x.observed));
    const expected = (j: NearRepeatJson) => j.cells.map((row) => row.map((x) => x.expected));
    expect(observed(c.json)).toEqual(observed(a.json));
    expect(expected(c.json)).not.toEqual(expected(a.json));
  });

  it('takes its own bands and reports months not held', async () => {
    const { code, json } = await runJson<NearRepeatJson>([
      ...ASB,
      '--period',
      '2024-11..2025-12',
      '--distance-bands',
      '0,250,500',
      '--time-bands',
      '0,14',
      '--iterations',
      '19',
      '--db',
      db,
    ]);
    expect(code).toBe(0);
    expect(json.distanceBands.map((b) => b.label)).toEqual([
      'same location',
      'under 250 m',
      '250 to under 500 m',
      '500 m or more',
    ]);
    expect(json.timeBands.map((b) => b.label)).toEqual(['0–13 days', '14 days or more']);
    expect(json.monthsMissing).toEqual(['2024-11', '2024-12']);
    expect(json.notes.some((n) => /2024-11, 2024-12/.test(n))).toBe(true);
  });

  it('refuses police.uk categories: they give months, not days', async () => {
    const r = await run([
      'near-repeat',
      '--area',
      'Three Rivers',
      '--category',
      'burglary',
      ...YEAR,
      '--db',
      db,
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/only the month of each crime/);
    expect(r.stderr).toMatch(/day of each event/);
    expect(r.stderr).toMatch(/--dataset asb-council, fly-tipping, hate-crime/);
    const j = await runJson<{ error: { type: string; message: string } }>([
      'near-repeat',
      '--area',
      'Three Rivers',
      '--category',
      'burglary',
      ...YEAR,
      '--db',
      db,
    ]);
    expect(j.code).toBe(2);
    expect(j.json.error.type).toBe('bad-input');
  });

  it('refuses too few events', async () => {
    const r = await run([
      'near-repeat',
      '--area',
      'Three Rivers',
      '--dataset',
      'hate-crime',
      '--category',
      'disability',
      '--period',
      '2025-01..2025-03',
      '--db',
      db,
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/needs at least 20/);
  });

  it.each([
    [
      ['--distance-bands', '0,200,100'],
      /--distance-bands: breakpoints must be strictly increasing \(200 then 100\)/,
    ],
    [
      ['--distance-bands', '0,100,100'],
      /--distance-bands: breakpoints must be strictly increasing/,
    ],
    [['--distance-bands=-100,0,100'], /--distance-bands: breakpoints must not be negative/],
    [['--time-bands', '0,14,7'], /--time-bands: breakpoints must be strictly increasing/],
    [['--time-bands=-7,0,7'], /--time-bands: breakpoints must not be negative/],
    [['--time-bands', '7,14'], /--time-bands: the first breakpoint must be 0/],
    [['--time-bands', '0,a'], /--time-bands: "0,a" is not a list of numbers/],
    [['--time-bands', '0,1.5'], /whole days/],
    [['--iterations', '0'], /--iterations: 0 is not a whole number from 1/],
    [['--seed', 'x'], /--seed: "x" is not a whole number/],
  ])('refuses %j with a clear message', async (args, message) => {
    const r = await run([...ASB, ...YEAR, ...args, '--db', db]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });
});
