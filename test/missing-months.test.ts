/**
 * Issue 15, items 1 to 4, on the bundled data: a month not held is never a zero; one missing
 * month costs that month, not the year; the comparison base is said and known discontinuities are
 * flagged; rates use the population nearest the period, named per area.
 *
 * The demo store holds 2018-10..2019-02, 2021-01..2022-01 and 2025-01..2025-12 for Hertfordshire;
 * a second store is the bundled sample's street files without 2021-03 (as police.uk has such gaps).
 */
import { mkdirSync, writeFileSync } from 'node:fs';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { loadDiscontinuities } from '../src/config/discontinuities.js';
import { loadPoliceOutcomes } from '../src/config/police-outcomes.js';
import { FULL_SCOPE } from '../src/domain/scope.js';
import { InputError, NotFoundError } from '../src/errors.js';
import { renderAssessment } from '../src/report/assessment-html.js';
import { infographicSvg } from '../src/report/infographic.js';
import { infographicData } from '../src/report/infographic-data.js';
import type { Db } from '../src/store/db.js';
import { openStore } from '../src/store/open-store.js';
import { assess } from '../src/usecases/assess.js';
import { compareAreas } from '../src/usecases/compare-areas.js';
import { deprivationProfile } from '../src/usecases/deprivation.js';
import { hiddenFigureTable } from '../src/usecases/hidden-figure.js';
import { importPoliceData } from '../src/usecases/import-police-data.js';
import { incidentPoints } from '../src/usecases/incident-points.js';
import { outcomesFor } from '../src/usecases/outcomes.js';
import { partnershipOverview } from '../src/usecases/partnership-overview.js';
import { reportData } from '../src/usecases/report-data.js';
import { summariseArea } from '../src/usecases/summarise-area.js';
import { trends } from '../src/usecases/trends.js';
import { run, runJson } from './helpers/cli.js';
import { demoStoreCopy, emptyStoreCopy } from './helpers/demo-store.js';
import { readZipEntries } from './helpers/raw-police.js';
import { queryStore } from './helpers/store-query.js';
import { SAMPLE_ZIP, tempDir } from './helpers/temp.js';
import { settingsFrom } from './helpers/settings.js';

const SETTINGS = await settingsFrom();

const dir = tempDir();
let cliStore: string;
let demo: Db;
let gap: Db;
const S = FULL_SCOPE;
const AREA = 'Three Rivers';
const YEAR_2023 = { from: '2023-01', to: '2023-12' };
const HALF_HELD = { from: '2024-07', to: '2025-06' };
const Y2025 = { from: '2025-01', to: '2025-12' };
const HELD = '2018-10..2019-02, 2021-01..2022-01, 2025-01..2025-12';

beforeAll(async () => {
  demo = await openStore(demoStoreCopy(dir.path));
  // The CLI runs in another process, on its own copy (DuckDB locks an open file).
  cliStore = demoStoreCopy(dir.path, 'demo-cli.duckdb');
  // The bundled street files, less March 2021.
  const files = await readZipEntries(SAMPLE_ZIP, /-street\.csv$/u);
  mkdirSync(`${dir.path}/gap`);
  for (const [name, bytes] of files)
    if (!name.includes('2021-03')) writeFileSync(`${dir.path}/gap/${name.split('/').pop()}`, bytes);
  gap = await openStore(emptyStoreCopy(dir.path, 'gap.duckdb'));
  await importPoliceData(gap, [`${dir.path}/gap`]);
}, 180_000);
afterAll(() => {
  demo?.close();
  gap?.close();
  dir.remove();
});

/** The error a promise rejects with. */
async function refusal(p: Promise<unknown>): Promise<Error> {
  try {
    await p;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a refusal');
}

describe('1. missing is never zero', () => {
  it('refuses a period with no month held in every command that takes one, naming the months held', async () => {
    const attempts: [string, () => Promise<unknown>][] = [
      ['summary', () => summariseArea(demo, S, { area: AREA, period: YEAR_2023 })],
      [
        'trends',
        () =>
          trends(demo, S, {
            area: AREA,
            category: 'all',
            period: YEAR_2023,
            discontinuities: SETTINGS.discontinuities,
          }),
      ],
      [
        'overview',
        () =>
          partnershipOverview(demo, S, {
            within: 'Hertfordshire',
            period: YEAR_2023,
            discontinuities: SETTINGS.discontinuities,
          }),
      ],
      [
        'compare',
        () =>
          compareAreas(demo, S, {
            within: 'Hertfordshire',
            category: 'burglary',
            period: YEAR_2023,
          }),
      ],
      [
        'assess',
        () => assess(demo, S, { area: AREA, period: YEAR_2023, save: false, settings: SETTINGS }),
      ],
      [
        'report',
        () =>
          reportData(demo, S, { area: AREA, period: YEAR_2023, save: false, settings: SETTINGS }),
      ],
      [
        'hidden-figure',
        () =>
          hiddenFigureTable(demo, S, {
            area: AREA,
            period: YEAR_2023,
            rates: SETTINGS.reportingRates,
          }),
      ],
      [
        'hotspots, repeat-locations, cameras',
        () => incidentPoints(demo, S, { area: AREA, category: 'burglary', period: YEAR_2023 }),
      ],
      [
        'near-repeat (dated partner data)',
        () => incidentPoints(demo, S, { area: AREA, dataset: 'asb-council', period: YEAR_2023 }),
      ],
      ['deprivation', () => deprivationProfile(demo, S, { area: AREA, period: YEAR_2023 })],
      [
        'outcomes',
        async () =>
          outcomesFor(demo, S, { area: AREA, period: YEAR_2023 }, await loadPoliceOutcomes()),
      ],
    ];
    for (const [command, attempt] of attempts) {
      const error = await refusal(attempt());
      expect(error instanceof InputError || error instanceof NotFoundError, command).toBe(true);
      expect(error.message, command).toMatch(/unknown, not zero/u);
      if (command !== 'near-repeat (dated partner data)')
        expect(error.message, command).toContain(HELD);
    }
  });

  it('exits 2 from the CLI and writes no report', async () => {
    const out = `${dir.path}/report-2023`;
    const r = await run([
      'report',
      '--db',
      cliStore,
      '--area',
      AREA,
      '--period',
      '2023-01..2023-12',
      '--out',
      out,
      '--no-pdf',
      '--draft',
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`Months held: ${HELD}`);
    expect(r.stdout).toBe('');
  });

  it('refuses to assess a period under three quarters held unless --allow-partial, then marks it', async () => {
    const error = await refusal(
      assess(demo, S, { area: AREA, period: HALF_HELD, save: false, settings: SETTINGS }),
    );
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toContain('6 of 12 months held: January to June 2025');
    expect(error.message).toContain('⟨allowPartial⟩');

    const a = await assess(demo, S, {
      area: AREA,
      period: HALF_HELD,
      save: false,
      settings: SETTINGS,
      allowPartial: true,
    });
    expect(a.coverage).toMatchObject({ months: 12, held: 6, partial: true });
    expect(a.notes[0]).toMatch(/^PARTIAL PERIOD: 6 of 12 months held: January to June 2025/u);
    // Every figure covers the months held, compared with the same months of the base year.
    const burglary = a.issues.find((i) => i.key === 'burglary')!;
    expect(burglary.months.filter((m) => m.count !== null).map((m) => m.month)).toEqual([
      '2025-01',
      '2025-02',
      '2025-03',
      '2025-04',
      '2025-05',
      '2025-06',
    ]);
    expect(burglary.evidence.comparison?.previousMonths).toEqual([
      '2021-01',
      '2021-02',
      '2021-03',
      '2021-04',
      '2021-05',
      '2021-06',
    ]);
    expect(burglary.evidence.confidence).toBe('low');
  });

  it('marks every page of a partial report, the headline tiles and the public version included', async () => {
    // By default no public output covers a part of a year (domain/disclosure/public-period.ts):
    // published now and again when the rest arrives, it would give the months between away.
    const refused = await refusal(
      reportData(demo, S, {
        area: AREA,
        period: HALF_HELD,
        save: false,
        settings: SETTINGS,
        allowPartial: true,
        audience: 'public',
      }),
    );
    expect(refused.message).toMatch(/whole calendar years/u);
    // A partnership that publishes any period (publicPeriod: any) gets it marked as partial.
    const anyPeriod = {
      ...SETTINGS,
      disclosure: { ...SETTINGS.disclosure, publicPeriod: 'any' as const },
    };
    for (const audience of ['partner', 'public'] as const) {
      const data = await reportData(demo, S, {
        area: AREA,
        period: HALF_HELD,
        save: false,
        settings: audience === 'public' ? anyPeriod : SETTINGS,
        allowPartial: true,
        audience,
      });
      expect(data.coverage?.words).toBe('6 of 12 months held: January to June 2025');
      // The headline figure is of January to June 2025, against January to June 2021: said so.
      const info = infographicData(data);
      expect(info.partial).toBe('6 of 12 months held: January to June 2025');
      expect(info.comparedWords).toBe('January to June 2021 (4 years earlier)');
      const a4 = infographicSvg(info, 'a4');
      // Both big-number tiles, and the header.
      expect(
        a4.split('6 of 12 months held: January to June 2025').length - 1,
      ).toBeGreaterThanOrEqual(3);
      expect(a4).toContain('In January to June 2021 (4 years earlier)');
      const social = infographicSvg(info, 'social');
      expect(social.split('6 of 12 months held').length - 1).toBeGreaterThanOrEqual(3);
      const { html, tables } = renderAssessment(data);
      // The printed PDF repeats it in every page's top margin; the HTML says it at the top.
      expect(html).toMatch(
        /@page \{ @top-center \{ content: "PARTIAL PERIOD: 6 OF 12 MONTHS HELD/u,
      );
      expect(html).toContain('class="partial-banner"');
      expect(tables.find((t) => t.id === 'tab-categories')?.caption).toContain(
        '6 of 12 months held',
      );
    }
  });

  it('says PARTIAL PERIOD at the top of hidden-figure, as trends and compare do', async () => {
    // QA: "St. Helens, 2019-01..2019-12: … estimated total 6,193" over 2 months held, said only in
    // a note far below the table.
    const r = await run([
      'hidden-figure',
      '--area',
      AREA,
      '--period',
      '2024-07..2025-06',
      '--db',
      cliStore,
    ]);
    expect(r.code, r.stderr).toBe(0);
    // The police.uk measures lack July to December 2024; the partner datasets have months of their
    // own, so each row's months are in the notes.
    expect(r.stdout.split('\n')[1]).toMatch(
      /^PARTIAL PERIOD: not every month is held for All crime \(excluding ASB\), Burglary, .*: each count and estimate covers its months held only \(see the notes\)\.$/u,
    );
    const whole = await run([
      'hidden-figure',
      '--area',
      AREA,
      '--period',
      '2025',
      '--db',
      cliStore,
    ]);
    expect(whole.stdout).not.toContain('PARTIAL PERIOD');
  });

  it('says PARTIAL PERIOD under the heading of deprivation, and gives the months in JSON', async () => {
    // QA: "Three Rivers, all-crime, 2019-01..2021-03, by IMD 2019 (England) decile" over 5 of
    // its 27 months, with no word of the 22 not held.
    const args = ['deprivation', '--area', AREA, '--db', cliStore];
    const r = await run([...args, '--period', '2019-01..2021-03']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.split('\n')[1]).toBe(
      'PARTIAL PERIOD: 5 of 27 months held (missing: 2019-03..2020-12). Counts cover the months held only, not the whole period.',
    );
    const json = await runJson<{ monthsHeld: string[]; monthsMissing: string[] }>([
      ...args,
      '--period',
      '2019-01..2021-03',
    ]);
    expect(json.json.monthsHeld).toEqual(['2019-01', '2019-02', '2021-01', '2021-02', '2021-03']);
    expect(json.json.monthsMissing).toHaveLength(22);
    const whole = await run([...args, '--period', '2025']);
    expect(whole.stdout).not.toContain('PARTIAL PERIOD');
  });

  it('deprivation says how many records are in 2021 LSOAs the IMD does not rank, whose 2011 LSOAs still count', async () => {
    // QA: Hertfordshire 2025, decile 2 "181.0 per LSOA" over 13 LSOAs, 2 of which were replaced
    // by new 2021 codes and hold none of 2025's records (213.9 over the 11 in use).
    const args = ['deprivation', '--area', AREA, '--db', cliStore];
    const [{ n }] = (await queryStore<{ n: string }>(
      cliStore,
      `SELECT count(*) AS n FROM crime c
       WHERE c.district_code = 'E07000102' AND c.month BETWEEN '2025-01' AND '2025-12'
         AND c.category <> 'anti-social-behaviour' AND c.lsoa_code IS NOT NULL
         AND c.lsoa_code NOT IN (SELECT lsoa_code FROM deprivation)`,
    )) as [{ n: string }];
    expect(Number(n)).toBeGreaterThan(0);
    const r = await run([...args, '--period', '2025']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(
      new RegExp(
        `^${Number(n).toLocaleString('en-GB')} records \\(\\d+(\\.\\d)?%\\) are in LSOAs with new 2021 codes, which the IMD 2019 does not rank\\. The 2011 LSOAs that were split or merged to make them still count in their deciles`,
        'mu',
      ),
    );
    // 2021's files use 2011 codes: nothing to say.
    const old = await run([...args, '--period', '2021']);
    expect(old.stdout).not.toContain('new 2021 codes, which');
  });

  it('bands no category from a period not held: "not assessed (no data)"', async () => {
    // The demo's partner data start in 2024: 2021 holds police.uk data only.
    const a = await assess(demo, S, {
      area: AREA,
      period: { from: '2021-01', to: '2021-12' },
      save: false,
      settings: SETTINGS,
    });
    const none = a.notAssessed ?? [];
    expect(none.map((n) => n.key).sort()).toEqual(
      expect.arrayContaining(['domestic-abuse', 'prevent']),
    );
    for (const n of none) {
      expect(n.status).toBe('not assessed (no data)');
      expect(a.issues.some((i) => i.key === n.key)).toBe(false);
    }
    expect(a.notes.some((n) => n.includes('not assessed (no data)'))).toBe(true);
  });
});

describe('2. one missing month costs one month', () => {
  it('compares 2025 with the eleven months of 2021 held, pairwise, and names exactly those', async () => {
    const [doc] = await trends(gap, S, {
      area: AREA,
      category: 'burglary',
      period: Y2025,
      discontinuities: SETTINGS.discontinuities,
    });
    const c = doc!.comparison!;
    expect(c.previousMonths).toHaveLength(11);
    expect(c.previousMonths).not.toContain('2021-03');
    expect(c.currentMonths).not.toContain('2025-03');
    expect(c.label).toBe('2021-01..2021-02, 2021-04..2021-12');
    expect(c.unpaired).toEqual(['2025-03']);
    // The same months on both sides: the current side leaves out March 2025 as well.
    const by = new Map(doc!.months.map((m) => [m.month, m.count as number]));
    expect(c.current).toBe(doc!.current! - (by.get('2025-03') as number));
    expect(doc!.pValue).not.toBeNull();
    // The earlier side: 2021 less March, as the complete store counts them.
    const [y2021] = await trends(demo, S, {
      area: AREA,
      category: 'burglary',
      period: { from: '2021-01', to: '2021-12' },
      discontinuities: SETTINGS.discontinuities,
    });
    const march = y2021!.months.find((m) => m.month === '2021-03')!.count as number;
    expect(doc!.previous).toBe(y2021!.current! - march);
    expect(doc!.notes.join(' ')).toContain('Left out of the comparison');
  });

  it('labels a comparison with only the months counted', async () => {
    // 2022 holds January only: compared with January 2021, and labelled so.
    const [doc] = await trends(gap, S, {
      area: AREA,
      category: 'burglary',
      period: { from: '2022-01', to: '2022-12' },
      discontinuities: SETTINGS.discontinuities,
    });
    expect(doc!.comparison?.label).toBe('2021-01');
    expect(doc!.comparisonPeriod).toEqual({ from: '2021-01', to: '2021-01' });
    expect(doc!.reading).toContain('2021-01 vs 2022-01');
    expect(doc!.reading).not.toContain('2021-12');
  });

  it('gives no public change that would give away the months left out of the comparison', async () => {
    const partner = await reportData(gap, S, {
      area: AREA,
      period: Y2025,
      save: false,
      settings: SETTINGS,
    });
    const open = await reportData(gap, S, {
      area: AREA,
      period: Y2025,
      save: false,
      settings: SETTINGS,
      audience: 'public',
    });
    // March 2025 has no counterpart: a category's count less its count in the months compared
    // is March's; from 1 to 4 it must not be worked out from the change and the earlier count.
    const leaky = partner.categories.filter(
      (c) =>
        c.comparedCount != null && c.count - c.comparedCount >= 1 && c.count - c.comparedCount <= 4,
    );
    expect(leaky.length).toBeGreaterThan(0);
    for (const c of leaky) {
      const shown = open.categories.find((x) => x.key === c.key)!;
      expect(shown.changePct, c.key).toBeNull();
      expect(shown.comparedCount ?? null, c.key).toBeNull();
      const issue = open.assessment.issues.find((i) => i.key === c.key)!;
      expect(issue.evidence.changePct, c.key).toBeNull();
      expect(issue.evidence.comparison?.current, c.key).toBeUndefined();
    }
  });

  it('keeps the trend evidence of the risk matrix when one month is missing', async () => {
    const a = await assess(gap, S, { area: AREA, period: Y2025, save: false, settings: SETTINGS });
    const robbery = a.issues.find((i) => i.key === 'robbery')!;
    expect(robbery.evidence.pValueHolm).not.toBeNull();
    expect(robbery.basis.trend).toContain('2021-01..2021-02, 2021-04..2021-12');
    const o = await partnershipOverview(gap, S, {
      within: 'Hertfordshire',
      period: Y2025,
      discontinuities: SETTINGS.discontinuities,
    });
    expect(o.trends.flat().every((d) => d.comparison?.previousMonths.length === 11)).toBe(true);
  });
});

describe('3. the comparison base is said', () => {
  it('calls 2021 the latest earlier year held, never the previous year, and flags COVID-19', async () => {
    const docs = await trends(demo, S, {
      area: AREA,
      category: 'all',
      period: Y2025,
      discontinuities: SETTINGS.discontinuities,
    });
    for (const d of docs) {
      expect(d.comparison?.basis).toBe('latest earlier year held');
      expect(d.comparison?.base).toBe('2021');
      expect(d.comparison?.discontinuities.join(' ')).toContain(
        'COVID-19 legal restrictions in England',
      );
    }
    const a = await assess(demo, S, { area: AREA, period: Y2025, save: false, settings: SETTINGS });
    expect(a.notes.join(' ')).toContain('compared with 2021, the latest earlier year held');
    const data = await reportData(demo, S, {
      area: AREA,
      period: Y2025,
      save: false,
      settings: SETTINGS,
    });
    const { html } = renderAssessment(data);
    expect(html).toContain('2021, the latest earlier year held (4 years before)');
    expect(html).not.toMatch(/previous year/iu);
    // The year before is called so: January 2022 against January 2021.
    const [jan] = await trends(demo, S, {
      area: AREA,
      category: 'burglary',
      period: { from: '2022-01', to: '2022-01' },
      discontinuities: SETTINGS.discontinuities,
    });
    expect(jan!.comparison?.basis).toBe('previous year');
  });

  it('lowers the confidence of a trend across a discontinuity, as the risk matrix configures', async () => {
    const a = await assess(demo, S, { area: AREA, period: Y2025, save: false, settings: SETTINGS });
    const config = `${dir.path}/risk-matrix.yaml`;
    const text = (await import('node:fs')).readFileSync('config/risk-matrix.yaml', 'utf8');
    writeFileSync(config, text.replace('discontinuityLowers: 1', 'discontinuityLowers: 0'));
    const b = await assess(demo, S, {
      area: AREA,
      period: Y2025,
      save: false,
      settings: await settingsFrom({ riskMatrix: config }),
    });
    const order = ['low', 'medium', 'high'];
    let lowered = 0;
    for (const i of a.issues) {
      const j = b.issues.find((x) => x.key === i.key)!;
      const touched = (i.evidence.comparison?.discontinuities.length ?? 0) > 0;
      if (!touched) expect(i.evidence.confidence).toBe(j.evidence.confidence);
      else if (j.evidence.confidence !== 'low') {
        expect(order.indexOf(i.evidence.confidence)).toBe(order.indexOf(j.evidence.confidence) - 1);
        expect(i.basis.confidence).toContain('known discontinuity');
        lowered++;
      }
    }
    expect(lowered).toBeGreaterThan(0);
    // With no discontinuity configured, nothing is flagged.
    const none = `${dir.path}/none.yaml`;
    writeFileSync(none, 'discontinuities: []\n');
    const docs = await trends(demo, S, {
      area: AREA,
      category: 'all',
      period: Y2025,
      discontinuities: (await settingsFrom({ discontinuities: none })).discontinuities,
    });
    expect(docs.every((d) => d.comparison?.discontinuities.length === 0)).toBe(true);
  });

  it('keeps each discontinuity with its dates and source, and refuses a bad entry by line', async () => {
    const list = await loadDiscontinuities();
    for (const nation of ['England', 'Wales'])
      expect(
        list.some((d) => d.nations.includes(nation as 'England') && d.title.startsWith('COVID-19')),
      ).toBe(true);
    for (const d of list) expect(d.source.length).toBeGreaterThan(20);
    const bad = `${dir.path}/bad.yaml`;
    writeFileSync(
      bad,
      [
        'discontinuities:',
        '  - id: x',
        '    title: X',
        '    nations: [England]',
        '    kind: period',
        '    from: 2021-05',
        '    to: 2021-02',
        '    source: somewhere',
        '    verified: false',
        '',
      ].join('\n'),
    );
    await expect(loadDiscontinuities(bad)).rejects.toThrow(
      /bad\.yaml:7: discontinuities\.0\.to: 2021-02 is before 2021-05/u,
    );
  });
});

describe('4. populations of the period', () => {
  it('uses the 2021 Census for 2025 rates and names the year per area', async () => {
    const [doc] = await trends(demo, S, {
      area: AREA,
      category: 'burglary',
      period: Y2025,
      discontinuities: SETTINGS.discontinuities,
    });
    expect(doc!.population).toMatchObject({ year: 2021, count: 93_700 });
    expect(doc!.ratePer1000).toBeCloseTo((doc!.current! / 93_700) * 1000, 10);
    expect(doc!.notes.join(' ')).toContain('using the 2021 population (ONS Census 2021');
    // 2018-19 is nearer 2021 than 2011 too.
    const [old] = await trends(demo, S, {
      area: AREA,
      category: 'burglary',
      period: { from: '2018-10', to: '2019-02' },
      discontinuities: SETTINGS.discontinuities,
    });
    expect(old!.population?.year).toBe(2021);
    const s = await summariseArea(demo, S, { area: AREA, period: Y2025 });
    expect(s.population).toMatchObject({ year: 2021, count: 93_700 });
    const c = await compareAreas(demo, S, {
      within: 'Hertfordshire',
      category: 'burglary',
      period: Y2025,
    });
    expect(c.areas.find((x) => x.name === AREA)?.population).toBe(93_700);
    const data = await reportData(demo, S, {
      area: AREA,
      period: Y2025,
      save: false,
      settings: SETTINGS,
    });
    expect(data.populations).toEqual([
      expect.objectContaining({ area: AREA, year: 2021, count: 93_700 }),
      expect.objectContaining({ area: 'Hertfordshire', year: 2021, count: 1_197_900 }),
    ]);
    expect(data.caveats.join(' ')).toContain('Three Rivers 2021 (93,700, ONS Census 2021');
  });

  it('prefers an imported mid-year estimate of a nearer year', async () => {
    await demo.run(
      `INSERT INTO population VALUES ('E07000102', 2024, 'ONS mid-year estimate (test)', 95000)`,
    );
    const [doc] = await trends(demo, S, {
      area: AREA,
      category: 'burglary',
      period: Y2025,
      discontinuities: SETTINGS.discontinuities,
    });
    expect(doc!.population).toMatchObject({ year: 2024, count: 95_000 });
    await demo.run(`DELETE FROM population WHERE year = 2024 AND area_code = 'E07000102'`);
  });
});
