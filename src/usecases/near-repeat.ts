/**
 * `lantern near-repeat`: do incidents of a dated partner dataset come close together in space
 * AND time more often than chance — the Knox test of Ratcliffe's Near Repeat Calculator
 * (analysis/knox.ts) on an area's dated incidents, with Holm-adjusted p-values across the cells.
 *
 * police.uk data cannot be used: it gives only the month of each crime, and the test needs the
 * day of each event (a pair "2 days apart" cannot be told from one "27 days apart" within a
 * month). Dated partner datasets with points can (asb-council, fly-tipping, hate-crime).
 */
import { bandProblem, MAX_BANDS } from '../analysis/knox-bands.js';
import {
  knoxTest,
  TooManyPairsError,
  TooMuchWorkError,
  type KnoxBand,
  type KnoxCell,
} from '../analysis/knox.js';
import { holm } from '../analysis/multiple-testing.js';
import { DATASETS } from '../domain/datasets.js';
import type { Scope } from '../domain/scope.js';
import { InputError } from '../errors.js';
import type { Db } from '../store/db.js';
import {
  incidentContext,
  incidentPoints,
  type IncidentRequest,
  type IncidentContext,
} from './incident-points.js';

export const NEAR_REPEAT_DEFAULTS = {
  distanceBands: [0, 100, 200, 400, 800],
  timeBands: [0, 7, 14, 21, 28],
  iterations: 999,
  seed: 1,
} as const;

/** Fewer events than this give too few close pairs for the test to say anything. */
export const MIN_NEAR_REPEAT_EVENTS = 20;
export const MAX_ITERATIONS = 99_999;

/**
 * The most permutation work one request to the server may ask for: (close pairs + events) ×
 * iterations. The permutations run on the server's one thread, so while they run it answers no
 * one else: this keeps a request to about 3 seconds (6 ns a unit on a busy 2-core machine), which
 * the default 999 permutations of 4,124 fly-tipping events with 389,444 close pairs (the demo's
 * Three Rivers, two years) fit. The command line has no such limit.
 */
export const SERVED_MAX_WORK = 500_000_000;

export interface NearRepeatRequest extends IncidentRequest {
  /** Distance breakpoints, metres (default 0,100,200,400,800). */
  distanceBands?: readonly number[];
  /** Time breakpoints, whole days (default 0,7,14,21,28). */
  timeBands?: readonly number[];
  iterations?: number;
  seed?: number;
  /** The most (close pairs + events) × iterations allowed (the server's SERVED_MAX_WORK). */
  maxWork?: number;
}

export interface NearRepeatCell extends KnoxCell {
  /** Holm-adjusted across the cells within the bands asked for; null for the beyond bands. */
  pValueHolm: number | null;
}

/** `what` is dataset:category; `source` is always partner (police.uk data carry no days). */
export interface NearRepeatResult extends IncidentContext {
  /** Events tested: dated records with a point in the months held. */
  events: number;
  /** All pairs of events, n(n−1)/2. */
  pairs: number;
  /** Pairs closer than the largest distance breakpoint. */
  closePairs: number;
  distanceBands: KnoxBand[];
  timeBands: KnoxBand[];
  /** cells[distance band][time band], the last row and column being the beyond bands. */
  cells: NearRepeatCell[][];
  iterations: number;
  seed: number;
  /** The smallest p-value the permutations can give: 1 ÷ (iterations + 1). */
  minPValue: number;
  /** Cells in the Holm family (within the bands asked for). */
  cellsTested: number;
  method: string;
  notes: string[];
}

/** The incident-level datasets: the ones with a date and a point for each record. */
export function datedDatasets(): string[] {
  return DATASETS.filter((d) => d.detail === 'incident').map((d) => d.name);
}

function checkBands(breaks: readonly number[], option: string, unit: string): void {
  const problem = bandProblem(breaks);
  if (problem) throw new InputError(`${option}: ${problem} (got ${breaks.join(',')})`);
  if (breaks.length - 1 > MAX_BANDS)
    throw new InputError(`${option}: at most ${MAX_BANDS} bands (got ${breaks.length - 1})`);
  if (unit === 'days' && breaks.some((b) => !Number.isInteger(b)))
    throw new InputError(`${option}: events are dated to the day, so breakpoints are whole days`);
}

function checkWhole(value: number, option: string, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max)
    throw new InputError(
      `${option}: ${value} is not a whole number from ${min} to ${max.toLocaleString('en-GB')}`,
    );
}

const dayNumber = (date: string) =>
  Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) /
  86_400_000;

export async function nearRepeat(
  db: Db,
  scope: Scope,
  request: NearRepeatRequest,
): Promise<NearRepeatResult> {
  const datasets = datedDatasets();
  if (!request.dataset)
    throw new InputError(
      `near-repeat: ${request.category ? `⟨category⟩ ${request.category} is police.uk data, which gives` : 'police.uk gives'} ` +
        'only the month of each crime; the Knox test needs the day of each event (whether two events were 2 or 27 days apart). ' +
        `Use dated partner data instead: ⟨dataset⟩ ${datasets.join(', ')} ` +
        `(e.g. ⟨dataset⟩ asb-council, optionally with ⟨category⟩).`,
    );
  const distanceBands = [...(request.distanceBands ?? NEAR_REPEAT_DEFAULTS.distanceBands)];
  const timeBands = [...(request.timeBands ?? NEAR_REPEAT_DEFAULTS.timeBands)];
  const iterations = request.iterations ?? NEAR_REPEAT_DEFAULTS.iterations;
  const seed = request.seed ?? NEAR_REPEAT_DEFAULTS.seed;
  checkBands(distanceBands, '⟨distanceBands⟩', 'metres');
  checkBands(timeBands, '⟨timeBands⟩', 'days');
  checkWhole(iterations, '⟨iterations⟩', 1, MAX_ITERATIONS);
  checkWhole(seed, '⟨seed⟩', 0, 2 ** 32 - 1);

  const set = await incidentPoints(db, scope, request);
  if (!set.dated)
    throw new InputError(
      `near-repeat: ${set.label} records carry only a month, and the Knox test needs the day of each event`,
    );
  const { x, y, date } = set.incidents;
  const dated: number[] = [];
  for (let i = 0; i < set.incidents.length; i++) if (date?.[i] != null) dated.push(i);
  const undated = set.incidents.length - dated.length;
  if (dated.length < MIN_NEAR_REPEAT_EVENTS)
    throw new InputError(
      `near-repeat: ${dated.length} dated record${dated.length === 1 ? '' : 's'} with a point for ${set.label} ` +
        `in ${set.area.name}, ${set.period.from}..${set.period.to}` +
        (set.monthsMissing.length ? ` (${set.monthsMissing.length} months not held)` : '') +
        `; the Knox test needs at least ${MIN_NEAR_REPEAT_EVENTS}: widen ⟨period⟩ or ⟨area⟩`,
    );

  let knox;
  try {
    knox = knoxTest(
      dated.map((i) => ({ x: x[i]!, y: y[i]!, day: dayNumber(date![i] as string) })),
      {
        distanceBands,
        timeBands,
        iterations,
        seed,
        ...(request.maxWork === undefined ? {} : { maxWork: request.maxWork }),
      },
    );
  } catch (error) {
    if (error instanceof TooManyPairsError)
      throw new InputError(
        `near-repeat: ${error.message} (${dated.length.toLocaleString('en-GB')} events); ` +
          'use a smaller largest ⟨distanceBands⟩ value, a shorter ⟨period⟩ or a smaller ⟨area⟩',
      );
    if (error instanceof TooMuchWorkError) {
      const fmt = (v: number) => v.toLocaleString('en-GB');
      throw new InputError(
        `near-repeat: ⟨iterations⟩ ${fmt(iterations)} is too many here: the server answers one request at a time while permutations run, so it takes at most ${fmt(error.limit / 1e6)} million (close pairs + events) × permutations, a few seconds, and ${fmt(error.events)} events with ${fmt(error.closePairs)} close pairs allow ` +
          (error.iterationsAllowed >= 1
            ? `${fmt(error.iterationsAllowed)} permutations. Ask for ⟨iterations⟩ ${fmt(error.iterationsAllowed)} or fewer, `
            : 'not even one permutation. Use ') +
          'a smaller largest ⟨distanceBands⟩ value, a shorter ⟨period⟩ or a smaller ⟨area⟩, or run lantern near-repeat on the command line, which has no such limit',
        { field: 'iterations' },
      );
    }
    throw error;
  }

  // Holm across the cells within the bands asked for (not the beyond row and column).
  const lastRow = knox.distanceBands.length - 1;
  const lastCol = knox.timeBands.length - 1;
  const family: [number, number][] = [];
  knox.cells.forEach((row, r) =>
    row.forEach((_, t) => {
      if (r < lastRow && t < lastCol) family.push([r, t]);
    }),
  );
  const adjusted = holm(family.map(([r, t]) => knox.cells[r]?.[t]?.pValue as number));
  const holmOf = new Map(family.map(([r, t], k) => [`${r},${t}`, adjusted[k] as number]));
  const cells = knox.cells.map((row, r) =>
    row.map((cell, t) => ({ ...cell, pValueHolm: holmOf.get(`${r},${t}`) ?? null })),
  );

  const m = family.length;
  const fmt = (v: number) => v.toLocaleString('en-GB', { maximumFractionDigits: 4 });
  // 1 / 100,000 to four decimals is 0 (QA: "the smallest possible p-value is 0"): small ones in
  // scientific notation, as the table gives them.
  const pText = (p: number) => (p >= 0.0001 ? fmt(p) : p.toExponential(1));
  const notes = [
    ...(set.synthetic
      ? [
          'The events are SYNTHETIC: the demo draws their places and days independently, so there is no real near-repeat pattern to find and any "significant" cell is chance.',
        ]
      : []),
    ...set.notes,
    'Bands include their lower limit and exclude their upper one (a pair exactly 100 m apart is in 100 to under 200 m; 7 days apart is in 7–13 days). As in the Near Repeat Calculator, "same location" (identical points) is split out of the first distance band, and the last row and column hold the pairs beyond the bands asked for.',
    'Same location means the same coordinates: records placed at street or map points rather than addresses share points without sharing an address.',
    `With ${fmt(iterations)} permutations the smallest possible p-value is ${pText(knox.minPValue)}${iterations < 9999 ? '; small p-values, and the Holm adjustment, need many permutations (e.g. ⟨iterations⟩ 9999)' : ''}.` +
      (iterations < 19 ? ' Fewer than 19 permutations can never give p < 0.05.' : ''),
    `${m} cells are tested at once: at p < 0.05 about ${fmt(m * 0.05)} would look significant by chance alone. ` +
      'The p-values are unadjusted, as in the Near Repeat Calculator; pValueHolm applies Holm’s adjustment across those cells (not the beyond bands), which holds whatever the dependence between cells (they share events).',
    'The test is one-sided: it asks whether pairs are over-represented; ratios below 1 are not tested.',
  ];
  if (set.monthsMissing.length)
    notes.push(
      `Months not held, so left out (their events are unknown, not absent): ${set.monthsMissing.join(', ')}. Pairs that would span them are missing from observed and expected counts alike.`,
    );
  if (undated) notes.push(`${undated} record${undated === 1 ? '' : 's'} without a date left out.`);

  return {
    ...incidentContext(set),
    events: knox.events,
    pairs: knox.pairs,
    closePairs: knox.closePairs,
    distanceBands: knox.distanceBands,
    timeBands: knox.timeBands,
    cells,
    iterations: knox.permutations,
    seed,
    minPValue: knox.minPValue,
    cellsTested: m,
    method:
      'Knox test as in the Near Repeat Calculator (Ratcliffe; Johnson et al. 2007): every pair of events counted by straight-line distance on the British National Grid and days apart; expected = mean count over Monte Carlo permutations of the dates among the events (keeping places and the spread of dates, breaking any link between them); Knox ratio = observed ÷ expected; p = (1 + permutations with at least the observed count) ÷ (1 + permutations)',
    notes,
  };
}
