/**
 * `lantern hidden-figure --area A --period P`: for each police.uk category and partner dataset
 * with an entry in the reporting-rates configuration, the recorded count over the months held,
 * the reporting rate with its survey year and source, and the estimated total incidence with its
 * interval (analysis/hidden-figure.ts). Entries without a known rate, or without data held, are
 * listed with the reason, never left out: ASB, domestic abuse, sexual offences and hate crime are
 * always spelled out.
 */
import { settingFileName } from '../config/setting-file-name.js';
import { hiddenFigure, type HiddenFigure } from '../analysis/hidden-figure.js';
import type { ReportingRate } from '../config/reporting-rates.js';
import {
  measureInput,
  measureSeries,
  type AreaCounts,
  type AreaSummary,
} from '../domain/area-counts.js';
import { isCategoryChoice, policeMeasure } from '../domain/categories.js';
import { findDataset, type DatasetDefinition } from '../domain/datasets.js';
import { totalStatus } from '../domain/disclosure/by-month.js';
import {
  DEFAULT_DISCLOSURE_POLICY,
  type CellStatus,
  type DisclosurePolicy,
} from '../domain/disclosure/table.js';
import { requireSomeMonthHeld } from '../domain/held-months.js';
import { monthsIn, type Month, type Period } from '../domain/month.js';
import type { Scope } from '../domain/scope.js';
import type { Db } from '../store/db.js';
import { ForbiddenError } from '../errors.js';
import { CommandReads } from './command-reads.js';
import {
  datasetMeasures,
  partnerAreaCounts,
  prefetchPartnerAreaCounts,
  SYNTHETIC_CAVEAT,
} from './partner-area-counts.js';
import { partnerTotalsStatus } from './partner-totals-disclosure.js';
import { findAreaOnce } from './place-reads.js';
import { streetAreaCounts } from './street-area-counts.js';
import { listServices } from './support-services.js';
import { forReaders, type ServiceTheme, type SupportService } from '../domain/support-service.js';

export interface HiddenFigureRow {
  key: string;
  label: string;
  source: 'police.uk' | 'partner' | 'none';
  recorded: number | null;
  monthsHeld: number;
  monthsMissing: Month[];
  rate: { estimate: number; low: number; high: number } | null;
  measure: string;
  survey: string;
  /** The table or section of the survey publication the rate is read from. */
  table: string;
  /** False: no newer survey figure was found. */
  current: boolean;
  rateSource: string;
  verified: boolean;
  figure: HiddenFigure | null;
  /**
   * Where most incidents go unreported (the estimate is at least twice the count recorded): what
   * that means and how to report, from the support-services directory. Null otherwise.
   */
  reporting: string | null;
  synthetic: boolean;
  notes: string[];
  /**
   * A restricted dataset's count held back: "fewer than 5" (from 1 to 4, issue 20 item 4), or "not
   * shown" (a month of it is held back, and another period's total would give that month back),
   * with `recorded` and the estimate null (the estimate and the rate give the count back).
   */
  withheld?: string;
}

export interface HiddenFigureReport {
  area: AreaSummary;
  period: Period;
  method: string;
  configFile: string;
  rows: HiddenFigureRow[];
  notes: string[];
}

const METHOD =
  'estimate = recorded ÷ reporting rate; interval = [lower 95% Poisson limit of the count ÷ highest rate, upper limit ÷ lowest rate]';

export async function hiddenFigureTable(
  db: Db,
  scope: Scope,
  request: {
    area: string;
    period: Period;
    rates: readonly ReportingRate[];
    /** The threshold a restricted dataset's small counts are held back under (default 5). */
    disclosure?: DisclosurePolicy;
  },
  reads: CommandReads = new CommandReads(),
): Promise<HiddenFigureReport> {
  const { rates } = request;
  const area = await findAreaOnce(db, request.area, reads);
  const [street] = (await streetAreaCounts(db, scope, [area], reads)) as [AreaCounts];
  requireSomeMonthHeld(request.period, street.observed, `police.uk street data of ${area.name}`);
  // The partner datasets the rates name, read together (one round of queries for them all), every
  // read settled before any row is made: a failure other than a refusal is thrown once none runs.
  const counted =
    area.type === 'district' || area.type === 'csp' || area.type === 'force'
      ? ([
          ...new Set(
            rates
              .filter((r) => !r.key.startsWith('police:'))
              .map((r) => findDataset(r.key.split(':')[1] ?? ''))
              .filter((d) => d !== undefined && d.detail !== 'survey'),
          ),
        ] as DatasetDefinition[])
      : [];
  prefetchPartnerAreaCounts(db, scope, counted, [area], reads);
  const settled = await Promise.allSettled(
    counted.map((d) => partnerAreaCounts(db, scope, d, [area], reads)),
  );
  const readOf = new Map(counted.map((d, i) => [d.name, settled[i]!]));
  const partner = new Map<string, { input: AreaCounts; synthetic: boolean } | null>();
  const rows: HiddenFigureRow[] = [];
  for (const entry of rates) {
    const [, name, category] = entry.key.split(':') as [string, string, string | undefined];
    if (entry.key.startsWith('police:')) {
      if (!isCategoryChoice(name)) {
        rows.push(
          row(entry, 'none', null, request.period, [], false, [
            'police.uk data do not count this apart: its recorded count must come from the force.',
          ]),
        );
        continue;
      }
      const series = measureSeries(street, policeMeasure(name));
      rows.push(row(entry, 'police.uk', series, request.period, street.observed, false, []));
      continue;
    }
    const dataset = findDataset(name);
    if (!dataset || dataset.detail === 'survey') {
      rows.push(row(entry, 'none', null, request.period, [], false, [`No dataset "${name}".`]));
      continue;
    }
    if (!partner.has(dataset.name)) {
      const read = readOf.get(dataset.name);
      if (read?.status === 'rejected') {
        // A dataset the caller is not granted is a row saying so, not a refusal of the table.
        if (!(read.reason instanceof ForbiddenError)) throw read.reason;
        rows.push(
          row(entry, 'none', null, request.period, [], false, [
            `Your access does not cover the ${dataset.name} dataset in ${area.name}.`,
          ]),
        );
        continue;
      }
      const counts = read?.value ?? null;
      partner.set(
        dataset.name,
        counts && counts.inputs[0] && counts.inputs[0].observed.length > 0
          ? { input: counts.inputs[0], synthetic: counts.synthetic }
          : null,
      );
    }
    const held = partner.get(dataset.name);
    if (!held) {
      rows.push(
        row(entry, 'none', null, request.period, [], false, [
          `No ${dataset.name} data are held for ${area.name}: import them with lantern import --dataset ${dataset.name}.`,
        ]),
      );
      continue;
    }
    const [measure] = datasetMeasures(dataset, category, held.synthetic);
    // The months its count is held (a partner file may not give it: unknown, not zero).
    const input = measureInput(held.input, measure!);
    const series = measureSeries(input, measure!);
    const r = row(entry, 'partner', series, request.period, input.observed, held.synthetic, []);
    if (dataset.sensitivity !== 'restricted') {
      rows.push(r);
      continue;
    }
    // A restricted dataset's months protected as trends and assess protect them (each month on its
    // own, every category of the dataset, with the force's other districts), and its total given
    // only where every month is shown:
    // so that two periods' totals cannot be subtracted to give a small month back.
    const policy = request.disclosure ?? DEFAULT_DISCLOSURE_POLICY;
    const status = (
      await partnerTotalsStatus(db, scope, dataset, [area], input.observed, policy, reads)
    ).get(area.code)!;
    const inPeriod = input.observed.filter(
      (m) => m >= request.period.from && m <= request.period.to,
    );
    const total =
      r.recorded === null
        ? 'shown'
        : totalStatus(
            r.recorded,
            inPeriod.map((m) => `${measure!.key}:${m}`),
            status,
            policy,
          );
    rows.push(restrictedRow(r, total, policy));
  }
  await addReporting(db, area.code, rows, reads);
  return {
    area: { code: area.code, name: area.name, type: area.type },
    period: request.period,
    method: METHOD,
    configFile: rates[0] ? settingFileName(rates[0].configFile) : '',
    rows,
    notes: [
      'Reporting rates come from national surveys (CSEW/BCS): they may not hold for this area, and most are old.',
      'Each interval combines the recorded count’s exact 95% Poisson interval with the rate’s range, taking the extremes: most of its width is the rate’s, and most ranges are assumed (see each note).',
      'Counts cover the months held only; missing months are not estimated.',
    ],
  };
}

/**
 * A restricted dataset's row with its count held back, and its estimate: a count from 1 to
 * threshold − 1 ("fewer than"), or one that with another period's would give a small month back
 * ("not shown").
 */
function restrictedRow(
  r: HiddenFigureRow,
  total: CellStatus,
  policy: DisclosurePolicy,
): HiddenFigureRow {
  if (r.recorded === null || total === 'shown') return r;
  const small = total === 'primary';
  return {
    ...r,
    recorded: null,
    figure: null,
    reporting: null,
    withheld: small ? `fewer than ${policy.threshold}` : 'not shown',
    notes: [
      ...r.notes,
      small
        ? `A restricted dataset: its counts from 1 to ${policy.threshold - 1} are shown to no one, and no estimate is made from one (with the rate, it would give the count back).`
        : `A restricted dataset: this total is not shown, because with another period's it would give away a month with fewer than ${policy.threshold}; no estimate is made from it.`,
    ],
  };
}

function row(
  entry: ReportingRate,
  source: HiddenFigureRow['source'],
  series: ReadonlyMap<Month, number> | null,
  period: Period,
  observed: readonly Month[],
  synthetic: boolean,
  notes: string[],
): HiddenFigureRow {
  const held = new Set(observed);
  const months = monthsIn(period);
  const inPeriod = months.filter((m) => held.has(m));
  const recorded = series ? inPeriod.reduce((n, m) => n + (series.get(m) ?? 0), 0) : null;
  const allNotes = [...(synthetic ? [SYNTHETIC_CAVEAT] : []), ...notes];
  if (entry.note) allNotes.push(entry.note);
  if (entry.rate && !entry.verified) allNotes.push('The rate is unverified.');
  if (!entry.current)
    allNotes.push(
      `No current survey figure exists for this: ${entry.rate ? `the rate is the newest found (${entry.survey})` : 'none has been found'}.`,
    );
  if (series && inPeriod.length === 0) allNotes.push('No month of the period is held.');
  else if (series && inPeriod.length < months.length)
    allNotes.push(
      `${months.length - inPeriod.length} of ${months.length} months are missing: the count covers ${inPeriod.length}.`,
    );
  const figure =
    entry.rate && recorded !== null && inPeriod.length > 0
      ? hiddenFigure(recorded, entry.rate)
      : null;
  if (!entry.rate) allNotes.push('No reporting rate is known: no estimate is made.');
  return {
    key: entry.key,
    label: entry.label,
    source,
    recorded: inPeriod.length > 0 ? recorded : null,
    monthsHeld: series ? inPeriod.length : 0,
    monthsMissing: series ? months.filter((m) => !held.has(m)) : [],
    rate: entry.rate,
    measure: entry.measure,
    survey: entry.survey,
    table: entry.table,
    current: entry.current,
    rateSource: entry.source,
    verified: entry.verified,
    figure,
    reporting: null,
    synthetic,
    notes: allNotes,
  };
}

/** The directory's theme for a reporting-rate key. */
function themeOf(key: string): ServiceTheme {
  if (key.startsWith('dataset:domestic-abuse:')) return 'domestic-abuse';
  if (key.startsWith('dataset:hate-crime:')) return 'hate-crime';
  if (key === 'police:anti-social-behaviour' || key.startsWith('dataset:asb-')) return 'asb';
  return 'general';
}

/**
 * For each row whose estimate is at least twice its recorded count: in words, what the hidden
 * figure means, and the services of the directory a person can report to or get help from (for
 * the row's theme, in the area; public ones).
 */
async function addReporting(
  db: Db,
  areaCode: string,
  rows: HiddenFigureRow[],
  reads: CommandReads,
): Promise<void> {
  const byTheme = new Map<ServiceTheme, string>();
  // The area's public services, read once: each theme's are those of them under that theme.
  let near: SupportService[] | null = null;
  for (const r of rows) {
    if (!r.figure || !r.recorded || r.figure.estimate < 2 * r.recorded) continue;
    const theme = themeOf(r.key);
    if (!byTheme.has(theme)) {
      near ??= await listServices(db, { area: areaCode, publicOnly: true }, reads);
      const services = forReaders(near.filter((s) => s.themes.includes(theme))).filter(
        (s) => s.phone !== null || s.web !== null,
      );
      byTheme.set(
        theme,
        services.length > 0
          ? `To report or get help: ${services
              .slice(0, 4)
              .map((s) => `${s.name} ${s.phone ?? s.web}`)
              .join('; ')}.`
          : 'No service to report to is in the directory yet: lantern services import config/support-services.yaml adds the national ones.',
      );
    }
    // Below 3, to a tenth: 40% reported is 2.5 for each one recorded, and "about 3" would be 33%.
    const ratio = r.figure.estimate / r.recorded;
    const times = String(ratio < 3 ? Math.round(ratio * 10) / 10 : Math.round(ratio));
    r.reporting =
      `Most go unreported: for each one recorded, about ${times} happen (the estimate), so more reports would show more of what happens. ` +
      byTheme.get(theme)!;
    r.notes.push(r.reporting);
  }
}
