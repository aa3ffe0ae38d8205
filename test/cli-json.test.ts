/**
 * The --json outputs are a public contract (DESIGN.md): one JSON document on stdout, camelCase
 * keys, months as "YYYY-MM", counts as integers, missing values as null. Checked on the demo
 * store built from the bundled sample by `lantern demo` (once, by the global set-up, which keeps
 * what it printed), and on Northumbria stop-and-search files.
 */
import { readFileSync } from 'node:fs';

import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

import { run, runJson } from './helpers/cli.js';
import { demoStoreCopy, emptyStoreCopy } from './helpers/demo-store.js';
import { parseRaw, readZipEntries, type RawRow } from './helpers/raw-police.js';
import { FIXTURES, SAMPLE_ZIP as SAMPLE, tempDir } from './helpers/temp.js';

const dir = tempDir();
const db = `${dir.path}/demo.duckdb`;
let demo: Awaited<ReturnType<typeof runJson<{ files: Record<string, unknown>[] }>>>;

beforeAll(async () => {
  // The demo store the global set-up built, and what its `lantern demo --json` printed.
  demoStoreCopy(dir.path);
  demo = {
    code: 0,
    stdout: '',
    stderr: '',
    json: JSON.parse(readFileSync(inject('demoOutput'), 'utf8')),
  };
});
afterAll(() => {
  sampleEntries = undefined;
  dir.remove();
});

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/**
 * The sample's street and outcomes files, read from the zip once for this test file, and the
 * rows of each, parsed once (by test/helpers/raw-police.ts, not Lantern): several tests count the same months.
 */
let sampleEntries: Promise<Map<string, Buffer>> | undefined;
async function sampleFiles(match: RegExp): Promise<Map<string, Buffer>> {
  // The months the tests count (2021, January 2022 and 2025), not the sample's 2018-19.
  sampleEntries ??= readZipEntries(
    SAMPLE,
    /(2021-\d\d|2022-01|2025-\d\d)-hertfordshire-(street|outcomes)\.csv$/,
  );
  return new Map([...(await sampleEntries)].filter(([name]) => match.test(name)));
}
const parsed = new WeakMap<Buffer, RawRow[]>();
function rowsOf(bytes: Buffer): RawRow[] {
  let rows = parsed.get(bytes);
  if (!rows) parsed.set(bytes, (rows = parseRaw(bytes)));
  return rows;
}

describe('lantern --json', () => {
  it('import (through demo): files with path, kind, force, months, status and counts', () => {
    expect(demo.code).toBe(0);
    expect(demo.json.files).toHaveLength(43);
    for (const f of demo.json.files) {
      expect(f).toMatchObject({
        path: expect.stringContaining('hertfordshire-sample.zip!'),
        kind: expect.stringMatching(/^(street|outcomes)$/),
        force: 'hertfordshire',
        status: 'imported',
        rejected: 0,
        replaced: 0,
      });
      expect(Number.isInteger(f.accepted)).toBe(true);
      expect((f.months as string[]).every((m) => MONTH.test(m))).toBe(true);
    }
  });

  it('summary: area, period, months with status, categories by month, totals', async () => {
    const { code, json } = await runJson<{
      area: unknown;
      period: unknown;
      months: { month: string; status: string }[];
      categories: { category: string; total: number; byMonth: Record<string, number | null> }[];
      totals: { crime: number; asb: number };
    }>(['summary', '--area', 'Three Rivers', '--period', '2024-12..2025-02', '--db', db]);
    expect(code).toBe(0);
    expect(json.area).toEqual({ code: 'E07000102', name: 'Three Rivers', type: 'district' });
    expect(json.period).toEqual({ from: '2024-12', to: '2025-02' });
    expect(json.months).toEqual([
      { month: '2024-12', status: 'missing' },
      { month: '2025-01', status: 'observed' },
      { month: '2025-02', status: 'observed' },
    ]);
    const asb = json.categories.find((c) => c.category === 'anti-social-behaviour');
    expect(asb?.byMonth).toEqual({ '2024-12': null, '2025-01': 84, '2025-02': 86 });
    expect(json.totals.asb).toBe(170);
    const crime = json.categories
      .filter((c) => c.category !== 'anti-social-behaviour')
      .reduce((n, c) => n + c.total, 0);
    expect(json.totals.crime).toBe(crime);
  });

  it('areas: the ten Hertfordshire districts with population year and source', async () => {
    const { json } = await runJson<{
      areas: { code: string; population: { count: number; year: number; source: string } }[];
    }>(['areas', '--type', 'district', '--db', db]);
    expect(json.areas).toHaveLength(10);
    expect(
      json.areas.every(
        (a) => a.population.year === 2021 && /Census 2021/.test(a.population.source),
      ),
    ).toBe(true);
  });

  it('areas --within: the wards of Three Rivers from the 2019 lookup', async () => {
    const { json } = await runJson<{ areas: { type: string }[] }>([
      'areas',
      '--type',
      'ward',
      '--within',
      'Three Rivers',
      '--db',
      db,
    ]);
    expect(json.areas).toHaveLength(13);
  });

  it('areas --type lsoa: IMD 2019 rank and decile of each Three Rivers LSOA', async () => {
    const { json } = await runJson<{
      areas: { code: string; deprivation: { rank: number; decile: number; of: number } | null }[];
    }>(['areas', '--type', 'lsoa', '--within', 'Three Rivers', '--db', db]);
    expect(json.areas).toHaveLength(53);
    const ranks = json.areas.map((a) => a.deprivation!.rank);
    // SOURCES.md: Three Rivers' 53 LSOAs rank 4,265..32,835 of 32,844.
    expect([Math.min(...ranks), Math.max(...ranks)]).toEqual([4265, 32835]);
    for (const a of json.areas) {
      const d = a.deprivation!;
      expect(d.of).toBe(32844);
      expect(d.decile).toBe(Math.ceil((d.rank * 10) / 32844));
    }
    expect(json.areas.find((a) => a.deprivation!.rank === 4265)?.deprivation?.decile).toBe(2);
  });

  it('areas check: LSOA codes the register lacks, placed by name or not placed', async () => {
    const { json } = await runJson<{
      unlistedLsoas: { code: string; records: number; district: { code: string } | null }[];
      notPlaced: number;
    }>(['areas', 'check', '--db', db]);
    const threeRivers = json.unlistedLsoas.filter((u) => u.district?.code === 'E07000102');
    // SOURCES.md: the four new 2021 Three Rivers LSOAs are not in the 2011 lookup.
    expect(threeRivers.map((u) => u.code)).toEqual([
      'E01035600',
      'E01035601',
      'E01035602',
      'E01035603',
    ]);
    expect(json.unlistedLsoas.filter((u) => u.district === null).map((u) => u.code)).toEqual([
      'E01033951',
      'E01033958',
      'E01033975',
      'E01035419',
    ]);
    expect(json.notPlaced).toBe(4);
  });

  it('trends: counts equal to the raw files, compared with the nearest complete earlier year', async () => {
    const raw = await sampleFiles(/(2021|2025)-0[1-3]-hertfordshire-street\.csv$/);
    const burglary = (year: string) =>
      [...raw]
        .filter(([name]) => name.startsWith(year))
        .flatMap(([, bytes]) => rowsOf(bytes))
        .filter(
          (r) =>
            (r['LSOA name'] ?? '').startsWith('Three Rivers ') && r['Crime type'] === 'Burglary',
        ).length;
    const { code, json } = await runJson<Record<string, unknown>>([
      'trends',
      '--area',
      'Three Rivers',
      '--category',
      'burglary',
      '--period',
      '2025-01..2025-03',
      '--db',
      db,
    ]);
    expect(code).toBe(0);
    expect(json).toMatchObject({
      area: { code: 'E07000102', name: 'Three Rivers', type: 'district' },
      category: 'burglary',
      period: { from: '2025-01', to: '2025-03' },
      comparisonPeriod: { from: '2021-01', to: '2021-03' },
      current: burglary('2025'),
      previous: burglary('2021'),
      population: { count: 93700, year: 2021 },
    });
    for (const key of [
      'change',
      'changePct',
      'rateRatio',
      'ci95',
      'pValue',
      'ratePer1000',
      'months',
    ])
      expect(json).toHaveProperty(key);
    expect(json.ratePer1000).toBeCloseTo((burglary('2025') / 93700) * 1000, 10);
  });

  it('trends --all: every category and all crime, with Holm-adjusted p-values; gaps are null', async () => {
    const { json } = await runJson<
      {
        category: string;
        months: { count: number | null }[];
        pValueAdjusted: number | null;
        adjustment: string;
      }[]
    >(['trends', '--area', 'Three Rivers', '--all', '--period', '2024-11..2025-12', '--db', db]);
    expect(json).toHaveLength(15);
    expect(json.map((d) => d.category)).toContain('all-crime');
    expect(json.every((d) => d.adjustment === 'holm')).toBe(true);
    expect(json[0]?.months.slice(0, 2).map((m) => m.count)).toEqual([null, null]);
    const asb = json.find((d) => d.category === 'anti-social-behaviour');
    expect(asb?.pValueAdjusted).toBeGreaterThanOrEqual(0);
  });

  it('compare: each district against the force rate, counts equal to the raw files', async () => {
    const raw = await sampleFiles(/2025-\d\d-hertfordshire-street\.csv$/);
    const rows = [...raw.values()]
      .flatMap((b) => rowsOf(b))
      .filter((r) => r['Crime type'] === 'Violence and sexual offences');
    const { code, json } = await runJson<{
      reference: { rate: number };
      limitsMethod: string;
      areas: {
        name: string;
        count: number;
        population: number;
        rate: number;
        expected: number;
        flag: string;
        rank: number;
        limits: { lower95: number; upper95: number };
      }[];
    }>([
      'compare',
      '--within',
      'hertfordshire',
      '--category',
      'violent-crime',
      '--period',
      '2025-01..2025-12',
      '--db',
      db,
    ]);
    expect(code).toBe(0);
    expect(json.areas).toHaveLength(10);
    for (const a of json.areas) {
      expect(a.count).toBe(
        rows.filter((r) => (r['LSOA name'] ?? '').startsWith(`${a.name} `)).length,
      );
      expect(a.rate).toBeCloseTo((a.count / a.population) * 1000, 10);
      expect(a.flag).toBe(
        a.count > a.limits.upper95 ? 'above' : a.count < a.limits.lower95 ? 'below' : 'within',
      );
    }
    // Expected counts at the group rate add up to the observed total.
    const total = json.areas.reduce((n, a) => n + a.count, 0);
    expect(json.areas.reduce((n, a) => n + a.expected, 0)).toBeCloseTo(total, 6);
    expect(json.areas.map((a) => a.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    // Limits allow for the spread between districts unless Poisson is asked for; each says which.
    expect(json.limitsMethod).toBe('overdispersed');
    const args = ['compare', '--within', 'hertfordshire', '--category', 'violent-crime'];
    const text = await run([
      ...args,
      '--period',
      '2025-01..2025-12',
      '--limits',
      'poisson',
      '--db',
      db,
    ]);
    expect(text.stdout).toMatch(/per 1,000 overall; Poisson limits \(chance alone\)/u);
    expect(text.stdout).toMatch(/Chance alone is allowed for, not the usual spread between areas/u);
    const bad = await run([
      ...args,
      '--period',
      '2025-01..2025-12',
      '--limits',
      'wide',
      '--db',
      db,
    ]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--limits: "wide" is not overdispersed or poisson/u);
  });

  it('outcomes: latest outcome per crime joined by Crime ID, charge share equal to the raw files', async () => {
    const raw = await sampleFiles(/(2021-\d\d|2022-01)-hertfordshire-(street|outcomes)\.csv$/);
    const crimes = [...raw]
      .filter(([n]) => n.endsWith('street.csv'))
      .flatMap(([, b]) => rowsOf(b))
      .filter(
        (r) =>
          (r['LSOA name'] ?? '').startsWith('Three Rivers ') &&
          r['Crime type'] !== 'Anti-social behaviour',
      );
    // Every outcome of each crime's latest month: a month holding a charge beside another
    // outcome counts the charge (the more final), whatever the rows' order.
    const latest = new Map<string, { month: string; outcomes: string[] }>();
    for (const o of [...raw]
      .filter(([n]) => n.endsWith('outcomes.csv'))
      .flatMap(([, b]) => rowsOf(b))) {
      const id = o['Crime ID'] ?? '';
      const month = o.Month ?? '';
      const seen = latest.get(id);
      if (!seen || month > seen.month)
        latest.set(id, { month, outcomes: [o['Outcome type'] ?? ''] });
      else if (month === seen.month) seen.outcomes.push(o['Outcome type'] ?? '');
    }
    const outcomesOf = (r: (typeof crimes)[number]) =>
      latest.get(r['Crime ID'] ?? '')?.outcomes ?? [r['Last outcome category'] ?? ''];
    // A charge or summons, or any court result (police.uk's wording).
    const CHARGED =
      /^(suspect charged|awaiting court|court |defendant |offender (sent|given (suspended|community|conditional|absolute)|fined|ordered|deprived|otherwise))/iu;
    const violent = crimes.filter((r) => r['Crime type'] === 'Violence and sexual offences');
    const charged = violent.filter((r) => outcomesOf(r).some((o) => CHARGED.test(o))).length;
    const { json } = await runJson<{
      categories: { category: string; crimes: number; chargedOrSummonsed: number }[];
    }>(['outcomes', '--area', 'Three Rivers', '--period', '2021-01..2022-01', '--db', db]);
    const v = json.categories.find((c) => c.category === 'violent-crime');
    expect(v).toMatchObject({ crimes: violent.length, chargedOrSummonsed: charged });
    expect(json.categories.reduce((n, c) => n + c.crimes, 0)).toBe(crimes.length);
  });

  it('deprivation: records by the IMD decile of their LSOA, checked against the raw files and lookup', async () => {
    const raw = await sampleFiles(/2025-\d\d-hertfordshire-street\.csv$/);
    const burglary = [...raw.values()]
      .flatMap((b) => rowsOf(b))
      .filter(
        (r) => (r['LSOA name'] ?? '').startsWith('Three Rivers ') && r['Crime type'] === 'Burglary',
      );
    const { gunzipSync } = await import('node:zlib');
    const { readFileSync } = await import('node:fs');
    const imd = new Map(
      parseRaw(
        gunzipSync(readFileSync(new URL('../data/lookups/004.csv.gz', import.meta.url))),
      ).map((r) => [r.LSOA11CD, Math.ceil((Number(r.IMD19) * 10) / 32844)]),
    );
    const expected = new Map<number | null, number>();
    for (const r of burglary) {
      const d = imd.get(r['LSOA code'] ?? '') ?? null;
      expected.set(d, (expected.get(d) ?? 0) + 1);
    }
    const { json } = await runJson<{
      deciles: { decile: number | null; records: number; lsoas: number }[];
    }>([
      'deprivation',
      '--area',
      'Three Rivers',
      '--period',
      '2025-01..2025-12',
      '--category',
      'burglary',
      '--db',
      db,
    ]);
    expect(json.deciles.reduce((n, d) => n + d.lsoas, 0)).toBe(53);
    for (const d of json.deciles) expect(d.records).toBe(expected.get(d.decile) ?? 0);
  });

  it('exceptions: observed months modelled, gaps left out, exceptions above their 99.8% limit', async () => {
    const { json } = await runJson<{
      months: {
        month: string;
        observed: number | null;
        expected: number | null;
        upper998: number | null;
        exception: boolean | null;
      }[];
      exceptions: string[];
      method: string;
    }>(['exceptions', '--area', 'Three Rivers', '--category', 'burglary', '--db', db]);
    const summary = (
      await runJson<{
        categories: { category: string; byMonth: Record<string, number | null> }[];
      }>(['summary', '--area', 'Three Rivers', '--db', db])
    ).json.categories.find((c) => c.category === 'burglary')!;
    expect(json.method).toMatch(/Quasi-Poisson regression/);
    for (const m of json.months) {
      expect(m.observed).toBe(summary.byMonth[m.month]);
      if (m.observed === null) expect(m.exception).toBeNull();
      if (m.exception) expect(m.observed).toBeGreaterThan(m.upper998 as number);
      if (m.exception === false) expect(m.observed).toBeLessThanOrEqual(m.upper998 as number);
    }
    expect(json.months.filter((m) => m.observed !== null)).toHaveLength(30);
    expect(json.exceptions).toEqual(json.months.filter((m) => m.exception).map((m) => m.month));
  });

  it('overview: every district and category from one engine, each figure equal to trends, compare and exceptions', async () => {
    const period = '2025-01..2025-12';
    const o = await runJson<{
      districts: { code: string; name: string }[];
      categories: { key: string }[];
      trends: Record<string, unknown>[][];
      comparisons: Record<string, unknown>[];
      exceptions: { area: { name: string }; category: string; months?: unknown[] }[];
      exceptionsInPeriod: { area: string; category: string; month: string }[];
    }>(['overview', '--within', 'Hertfordshire', '--period', period, '--history', '--db', db]);
    expect(o.code).toBe(0);
    expect(o.json.districts).toHaveLength(10);
    expect(o.json.categories).toHaveLength(15);
    const d = o.json.districts.findIndex((x) => x.name === 'Three Rivers');
    const c = o.json.categories.findIndex((x) => x.key === 'burglary');
    const trends = await runJson<Record<string, unknown>[]>([
      'trends',
      '--area',
      'Three Rivers',
      '--all',
      '--period',
      period,
      '--db',
      db,
    ]);
    expect(o.json.trends[d]).toEqual(trends.json);
    const compare = await runJson([
      'compare',
      '--within',
      'Hertfordshire',
      '--category',
      'burglary',
      '--period',
      period,
      '--db',
      db,
    ]);
    expect(o.json.comparisons[c]).toEqual(compare.json);
    const exceptions = await runJson<{ exceptions: string[] }>([
      'exceptions',
      '--area',
      'Three Rivers',
      '--category',
      'burglary',
      '--db',
      db,
    ]);
    const mine = o.json.exceptions.find(
      (e) => e.area.name === 'Three Rivers' && e.category === 'burglary',
    );
    expect(mine).toEqual(exceptions.json);
    const threeRivers = o.json.districts[d]!.code;
    expect(
      o.json.exceptionsInPeriod
        .filter((e) => e.area === threeRivers && e.category === 'burglary')
        .map((e) => e.month),
    ).toEqual(exceptions.json.exceptions.filter((m) => m >= '2025-01' && m <= '2025-12'));
    // Without --history the same answer, less each exceptions entry's month-by-month range.
    const short = await runJson<{ exceptions: Record<string, unknown>[] }>([
      'overview',
      '--within',
      'Hertfordshire',
      '--period',
      period,
      '--db',
      db,
    ]);
    expect(short.json.exceptions).toHaveLength(o.json.exceptions.length);
    expect(short.json.exceptions.every((e) => !('months' in e))).toBe(true);
    expect(short.json).toEqual({
      ...o.json,
      exceptions: o.json.exceptions.map(({ months: _m, ...rest }) => rest),
    });
    const text = await run(['overview', '--within', 'Hertfordshire', '--db', db]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain(
      'Hertfordshire: 10 districts, 2025-01..2025-12 against 2021-01..2021-12',
    );
    expect(text.stdout).toMatch(/^Burglary\s+3,813\s/m);
  });

  it('demo: synthetic partner data for Three Rivers, labelled synthetic in the store and in every output', async () => {
    const synthetic = (demo.json as unknown as { synthetic: Record<string, unknown>[] }).synthetic;
    expect(synthetic.map((f) => f.kind).sort()).toEqual([
      'asb-council',
      'community-concern',
      'domestic-abuse',
      'fly-tipping',
      'hate-crime',
      'prevent',
    ]);
    for (const f of synthetic)
      expect(f).toMatchObject({ status: 'imported', synthetic: true, rejected: 0 });
    const datasets = await runJson<{
      datasets: { name: string; held: { synthetic: boolean } | null }[];
    }>(['datasets', '--db', db]);
    expect(datasets.json.datasets.every((d) => d.held?.synthetic === true)).toBe(true);
    const trend = await runJson<{ label: string; notes: string[]; comparisonPeriod: unknown }>([
      'trends',
      '--dataset',
      'fly-tipping',
      '--area',
      'Three Rivers',
      '--period',
      '2025-01..2025-12',
      '--db',
      db,
    ]);
    expect(trend.json.label).toBe('Fly-tipping incidents (synthetic): all');
    expect(trend.json.notes[0]).toMatch(/^SYNTHETIC DATA/u);
    expect(trend.json.comparisonPeriod).toEqual({ from: '2024-01', to: '2024-12' });
    const text = await run([
      'trends',
      '--dataset',
      'hate-crime',
      '--area',
      'Three Rivers',
      '--all',
      '--db',
      db,
    ]);
    expect(text.stdout).toContain('Hate crime offences (synthetic): race');
    expect(text.stdout).toContain('SYNTHETIC DATA');
  });

  it('hidden-figure: recorded counts, rates with survey and source, estimates with intervals; ASB, DA, sexual offences and hate crime spelled out', async () => {
    const r = await runJson<{
      rows: {
        key: string;
        recorded: number | null;
        rate: { estimate: number; low: number; high: number } | null;
        survey: string;
        rateSource: string;
        figure: {
          estimate: number;
          interval: [number, number];
          recordedCi95: [number, number];
        } | null;
        synthetic: boolean;
        notes: string[];
      }[];
    }>(['hidden-figure', '--area', 'Three Rivers', '--period', '2025-01..2025-12', '--db', db]);
    expect(r.code).toBe(0);
    const row = (key: string) => r.json.rows.find((x) => x.key === key)!;
    // Burglary: 250 recorded in Three Rivers in 2025 (the trends test pins the raw-file count);
    // 250 / 0.78 = 320.5; interval = Garwood lower(250) / 0.88 .. Garwood upper(250) / 0.68.
    const burglary = row('police:burglary');
    expect(burglary.recorded).toBe(250);
    expect(burglary.figure!.estimate).toBeCloseTo(250 / 0.78, 6);
    expect(burglary.figure!.interval[0]).toBeCloseTo(burglary.figure!.recordedCi95[0] / 0.88, 6);
    expect(burglary.figure!.interval[1]).toBeCloseTo(burglary.figure!.recordedCi95[1] / 0.68, 6);
    expect(burglary.survey).toBe('BCS 2009/10');
    expect(burglary.notes.join(' ')).toMatch(/unverified/u);
    expect(burglary.notes.join(' ')).toMatch(/No current survey figure exists/u);
    // ASB: counted, no published rate, no estimate, and why.
    const asb = row('police:anti-social-behaviour');
    expect(asb.recorded).toBeGreaterThan(0);
    expect(asb.rate).toBeNull();
    expect(asb.figure).toBeNull();
    expect(asb.notes.join(' ')).toMatch(/No ASB reporting rate is published/u);
    // Sexual offences: police.uk does not count them apart.
    expect(row('police:sexual-offences').recorded).toBeNull();
    expect(row('police:sexual-offences').notes.join(' ')).toMatch(/do not count this apart/u);
    // Domestic abuse and hate crime from the synthetic partner data, labelled so.
    for (const key of ['dataset:domestic-abuse:incidents', 'dataset:hate-crime:total']) {
      expect(row(key).synthetic).toBe(true);
      expect(row(key).figure).not.toBeNull();
      expect(row(key).notes[0]).toMatch(/^SYNTHETIC DATA/u);
    }
    expect(row('dataset:domestic-abuse:incidents').rateSource).toMatch(/ons\.gov\.uk/u);
    // Most domestic abuse goes unreported; this store's directory is empty, and the output says so.
    expect(row('dataset:domestic-abuse:incidents').notes.join(' ')).toMatch(
      /Most go unreported.*No service to report to is in the directory yet/u,
    );
  });

  it('forecast: fits the bundled data across its gaps, lists them, and backtests with coverage', async () => {
    const args = ['forecast', '--area', 'Three Rivers', '--category', 'burglary', '--months', '6'];
    const { code, json } = await runJson<{
      ok: boolean;
      run: { from: string; to: string; months: number };
      gaps: { from: string; to: string; months: number }[];
      dispersion: { pearson: number; df: number };
      backtest: { inside: { pi80: number; pi95: number }; months: unknown[] };
    }>([...args, '--db', db]);
    expect(code).toBe(0);
    expect(json).toMatchObject({ ok: true, run: { from: '2018-10', to: '2025-12', months: 30 } });
    expect(json.gaps.map((g) => `${g.from}..${g.to}`)).toEqual([
      '2019-03..2020-12',
      '2022-02..2024-12',
    ]);
    expect(json.backtest.months).toHaveLength(6);
    const text = await run([...args, '--backtest', '--db', db]);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(
      /forecast from the 30 months held, 2018-10..2025-12; not held, so not fitted: 2019-03..2020-12, 2022-02..2024-12/u,
    );
    expect(text.stdout).toMatch(
      /Backtest: the last 6 months held, forecast from the 24 before them/u,
    );
    expect(text.stdout).toContain(
      `Coverage: ${json.backtest.inside.pi80} of 6 inside the 80% intervals`,
    );
    expect(text.stdout).toMatch(/times as much as Poisson counts would around the model/u);
    expect((await run([...args.slice(0, -2), '--months', '9', '--db', db])).stderr).toMatch(
      /--months: 9 is not a whole number from 3 to 6/,
    );
  });

  it('forecast: no forecast from a history of a record or two, with the reason', async () => {
    // QA: Stevenage 011A's 2 bicycle thefts (2025-09, 2025-10) were forecast with a trend of
    // +3,698.8% a year and a backtest MASE of 732.
    const args = ['forecast', '--area', 'E01023783', '--category', 'bicycle-theft', '--db', db];
    const { code, json } = await runJson<{ ok: boolean; reason: string }>(args);
    expect(code).toBe(0);
    expect(json.ok).toBe(false);
    expect(json.reason).toMatch(
      /hold 1 record \(2 in all 30 months held\): at least 12 are needed/u,
    );
    const text = await run(args);
    expect(text.stdout).toMatch(
      /^Stevenage 011A, Bicycle theft: no forecast — the 27 months fitted/u,
    );
    expect(text.stdout).not.toMatch(/Trend|MASE/u);
  });

  it('exceptions: no trend read from a record or two; a district keeps its trend', async () => {
    // QA: "Stevenage 011A, Bicycle theft: 0 exception(s); trend 3698.8% a year" from 2 records.
    const sparse = await run([
      'exceptions',
      '--area',
      'E01023783',
      '--category',
      'bicycle-theft',
      '--db',
      db,
    ]);
    expect(sparse.code).toBe(0);
    expect(sparse.stdout.split('\n')[0]).toBe(
      'Stevenage 011A, Bicycle theft: 0 exception(s); no trend read from 2 records (at least 12 are needed)',
    );
    const district = await run([
      'exceptions',
      '--area',
      'Three Rivers',
      '--category',
      'burglary',
      '--db',
      db,
    ]);
    expect(district.stdout.split('\n')[0]).toMatch(/; trend -?\d+\.\d% a year$/u);
  });

  it('an error in --json mode is still one JSON document on stdout', async () => {
    const { code, json } = await runJson<{ error: { type: string; message: string } }>([
      'summary',
      '--area',
      'Atlantis',
      '--db',
      db,
    ]);
    expect(code).toBe(2);
    expect(json.error).toEqual({
      type: 'not-found',
      message: expect.stringMatching(/Atlantis/),
    });
  });

  it('names the option at fault in a --json error, as the API names the parameter', async () => {
    // QA: the API's error had field: "period"; the same mistake on the command line had none.
    const { code, json } = await runJson<{ error: { type: string; field?: string } }>([
      'trends',
      '--area',
      'Three Rivers',
      '--category',
      'burglary',
      '--period',
      '2025-13',
      '--db',
      db,
    ]);
    expect(code).toBe(2);
    // And its kind in the API's words, not the class's name (InputError).
    expect(json.error).toMatchObject({ type: 'bad-input', field: 'period' });
  });
});

describe('stop-and-search files (Northumbria, real data)', () => {
  it('imports them by publication month, keeping late records of the month before', async () => {
    const ss = emptyStoreCopy(dir.path, 'ss.duckdb');
    const { code, json } = await runJson<{
      files: { kind: string; force: string; months: string[]; accepted: number }[];
    }>(['import', `${FIXTURES}police`, '--db', ss]);
    expect(code).toBe(0);
    // Row counts from SOURCES.md: 457, 427 (4 of them dated 2020-05), 528.
    expect(json.files.map((f) => [f.kind, f.force, f.months, f.accepted])).toEqual([
      ['stop-and-search', 'northumbria', ['2020-05'], 457],
      ['stop-and-search', 'northumbria', ['2020-06'], 427],
      ['stop-and-search', 'northumbria', ['2020-07'], 528],
    ]);
    const again = await runJson<{ files: { status: string }[] }>([
      'import',
      `${FIXTURES}police`,
      '--db',
      ss,
    ]);
    expect(again.json.files.map((f) => f.status)).toEqual([
      'already-imported',
      'already-imported',
      'already-imported',
    ]);
  });
});
