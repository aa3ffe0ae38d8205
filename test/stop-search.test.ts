/**
 * `stop-search` (issue 23, item 2) on real data: Northumbria's stop-and-search files of
 * 2020-05..2023-02 (police.uk, OGL v3.0; 2022-01 was never published in the set, so it is a
 * month not held). Breakdowns, find and arrest rates are checked against counts made here from
 * the raw CSVs with the tests' own reader; disproportionality against the Census 2011 table read here
 * directly and a ratio and interval worked out with scipy.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { stopSearchCommand } from '../src/commands/stop-search.js';
import { loadPoliceOutcomes } from '../src/config/police-outcomes.js';
import { publicTrust } from '../src/report/public-data.js';
import type { ReportData } from '../src/report/report-data.js';
import { Labels } from '../src/report/report-html-parts.js';
import type { ReportFigure, ReportTable } from '../src/report/report-tables.js';
import { trustSection } from '../src/report/report-trust.js';
import { findArea } from '../src/store/areas.js';
import { FULL_SCOPE } from '../src/domain/scope.js';
import type { Db } from '../src/store/db.js';
import { openStore } from '../src/store/open-store.js';
import { importPoliceData } from '../src/usecases/import-police-data.js';
import { importPopulation } from '../src/usecases/import-population.js';
import { trustData } from '../src/usecases/report-trust.js';
import { stopSearchSummary, type StopSearchReport } from '../src/usecases/stop-search.js';
import { emptyStoreCopy } from './helpers/demo-store.js';
import { parseRaw, readZipEntries, type RawRow } from './helpers/raw-police.js';
import { tempDir } from './helpers/temp.js';

const ZIP = new URL('../data/police/northumbria-stop-and-search.zip', import.meta.url).pathname;
const CENSUS = new URL('../data/population/census-2011-lad-population.csv.gz', import.meta.url);
const Y2022 = { from: '2022-01', to: '2022-12' };

const dir = tempDir();
let db: Db;
let raw2022: RawRow[];
let report: StopSearchReport;

beforeAll(async () => {
  db = await openStore(emptyStoreCopy(dir.path, 'searches.duckdb'));
  await importPoliceData(db, [ZIP]);
  raw2022 = [...(await readZipEntries(ZIP, /^2022-\d\d-northumbria/u)).values()].flatMap((b) =>
    parseRaw(b),
  );
  report = await stopSearchSummary(db, FULL_SCOPE, { force: 'northumbria', period: Y2022 });
}, 120_000);
afterAll(() => {
  db?.close();
  dir.remove();
});

const broad = (r: RawRow) => {
  const v = r['Self-defined ethnicity'] ?? '';
  return v === '' ? 'Not stated' : (v.split(/[ /]/u)[0] as string);
};
const isFind = (r: RawRow) =>
  r['Outcome linked to object of search'] === 'True' &&
  r.Outcome !== 'A no further action disposal';

describe('stop and search a panel can scrutinise', () => {
  it('names the month not held and counts every search of the months held', () => {
    expect(report.missingMonths).toEqual(['2022-01']);
    expect(report.coverage).toBe('11 of 12 months held: February to December 2022');
    expect(report.searches).toBe(raw2022.length);
    expect(report.searches).toBe(4417);
  });

  it('breaks searches down by every dimension, with find and arrest rates equal to the raw files', () => {
    const columns: Record<string, string> = {
      selfDefinedEthnicity: 'Self-defined ethnicity',
      officerDefinedEthnicity: 'Officer-defined ethnicity',
      ageRange: 'Age range',
      gender: 'Gender',
      legislation: 'Legislation',
      objectOfSearch: 'Object of search',
      outcome: 'Outcome',
    };
    for (const [dimension, column] of Object.entries(columns)) {
      const b = report.breakdowns.find((x) => x.dimension === dimension)!;
      const values = new Set(raw2022.map((r) => r[column] || 'Not stated'));
      expect(b.groups.map((g) => g.value).sort(), dimension).toEqual([...values].sort());
      for (const g of b.groups) {
        const rows = raw2022.filter((r) => (r[column] || 'Not stated') === g.value);
        expect(g.searches, `${dimension} ${g.value}`).toBe(rows.length);
        expect(g.finds, `${dimension} ${g.value}`).toBe(rows.filter(isFind).length);
        expect(g.arrests, `${dimension} ${g.value}`).toBe(
          rows.filter((r) => r.Outcome === 'Arrest').length,
        );
      }
    }
    const groups = report.breakdowns.find((x) => x.dimension === 'selfDefinedEthnicGroup')!;
    for (const g of groups.groups)
      expect(g.searches, g.value).toBe(raw2022.filter((r) => broad(r) === g.value).length);
    expect(report.arrestRate).toBeCloseTo(
      raw2022.filter((r) => r.Outcome === 'Arrest').length / raw2022.length,
      12,
    );
    // scipy.stats.binomtest(738, 4417).proportion_ci('exact') = (0.156190, 0.178416)
    expect(report.arrestRateCi95![0]).toBeCloseTo(0.15619, 5);
    expect(report.arrestRateCi95![1]).toBeCloseTo(0.178416, 5);
  });

  it('gives disproportionality against White residents with the Census year, as worked out by hand', () => {
    const census = parseRaw(gunzipSync(readFileSync(CENSUS))).filter(
      (r) => r.PFA16NM === 'Northumbria' && r['Rural Urban'] === 'Total',
    );
    expect(census).toHaveLength(6);
    const residents = (group: string) =>
      census.reduce((n, r) => n + Number(r[`Ethnic Group: ${group}; measures: Value`]), 0);
    const d = report.disproportionality;
    expect(d.population?.year).toBe(2011);
    const black = d.groups.find((g) => g.group === 'Black')!;
    const white = d.groups.find((g) => g.group === 'White')!;
    expect(black.residents).toBe(residents('Black'));
    expect(white.residents).toBe(residents('White'));
    const searches = (g: string) => raw2022.filter((r) => broad(r) === g).length;
    expect(black.searches).toBe(searches('Black'));
    expect(black.ratePer1000).toBeCloseTo((searches('Black') / residents('Black')) * 1000, 10);
    // scipy: 93 Black searches of 9,006 residents against 3,850 of 1,343,747 White residents:
    // ratio 3.60419, exact interval (2.90194, 4.42733) (binomtest(93, 3943, 9006 / 1352753)).
    expect(black.ratio).toBeCloseTo(3.60419, 4);
    expect(black.ci95![0]).toBeCloseTo(2.90194, 4);
    expect(black.ci95![1]).toBeCloseTo(4.42733, 4);
    expect(white.ratio).toBeCloseTo(1, 12);
    expect(d.notStated).toBe(searches('Not stated'));
    expect(d.notes.join(' ')).toMatch(/Census 2011.*\(2011\): 11 years before the searches/u);
  });

  it('says a rate per 1,000 is over the months held when they are not a year', async () => {
    // 2022 lacks January: White's 2.87 per 1,000 is of 11 months, read as a year's (QA).
    expect(report.disproportionality.notes[0]).toMatch(
      /They count the searches of the 11 months held, not a year's\.$/u,
    );
    const text = stopSearchCommand.text(
      { ...report, mapFile: null },
      { force: 'northumbria', area: undefined, period: Y2022, map: undefined },
    );
    expect(text).toContain(
      'Disproportionality (searches per 1,000 residents, Census 2011, over the 11 months held; against White residents):',
    );
    const y2021 = await stopSearchSummary(db, FULL_SCOPE, {
      force: 'northumbria',
      period: { from: '2021-01', to: '2021-12' },
    });
    expect(y2021.disproportionality.notes.join(' ')).not.toMatch(/months held, not a year/u);
  });

  it('tests the trend as trends does: the same months a year earlier, exact test, Holm across groups', () => {
    const all = report.trends[0]!;
    expect(all.label).toBe('All searches');
    expect(all.comparison?.label).toBe('2021-02..2021-12');
    expect(all.previous).toBe(3609);
    expect(all.current).toBe(4417);
    expect(report.trends.slice(1).every((t) => t.pValueAdjusted !== undefined)).toBe(true);
    expect(all.pValueAdjusted).toBeNull(); // the sum of the groups is not a separate test
  });

  it('maps searches in 1 km squares and prints every section', async () => {
    const withMap = await stopSearchSummary(db, FULL_SCOPE, {
      force: 'northumbria',
      period: Y2022,
      withMapSvg: true,
    });
    expect(withMap.mapSvg).toMatch(/Searches per 1 km cell/u);
    expect(withMap.mapSvg).toMatch(/\d[\d,]* searches in [\d,]+ grid cells/u);
    expect(withMap.mapSvg).not.toMatch(/incidents/iu);
    const mapped = report.map.cells.reduce((n, c) => n + c.count, 0);
    expect(mapped).toBe(report.map.located);
    expect(report.map.located + report.map.unlocated).toBe(report.searches);
    const text = stopSearchCommand.text(
      { ...report, mapFile: null },
      { force: 'northumbria', area: undefined, period: Y2022, map: undefined },
    );
    for (const heading of [
      'Disproportionality (searches per 1,000 residents, Census 2011',
      'Officer-defined ethnicity:',
      'Age range:',
      'Gender:',
      'Legislation:',
      'Object of search:',
      'Outcome:',
      'Trend: the period',
      'Not held (unknown, not zero): 2022-01.',
    ])
      expect(text).toContain(heading);
    // Counts in sentences with thousands separators, as in the tables (QA: "1416 leave it empty").
    expect(text).toContain('of all searches; 1,416 leave it empty.');
    // A p-value under 0.001 is "<0.001", as the sentence says, never "0.000" (QA).
    expect(text).not.toMatch(/ 0\.000\b/u);
  });

  it('prints beside the ratio the count of the months compared, when not the whole period', async () => {
    // Sunderland, June 2021 to June 2022: only May and June 2022 have the same months two years
    // before (2020-05 is the first month held). The table said "now 520, before 45, ratio
    // 2.16": 2.16 is 97 (May and June 2022) against 45 (QA).
    const period = { from: '2021-06', to: '2022-06' };
    const r = await stopSearchSummary(db, FULL_SCOPE, { area: 'Sunderland', period });
    expect(r.trends[0]!.comparison?.currentMonths).toEqual(['2022-05', '2022-06']);
    const text = stopSearchCommand.text(
      { ...r, mapFile: null },
      { force: undefined, area: 'Sunderland', period, map: undefined },
    );
    expect(text).toContain(
      'Trend: the months compared (2022-05..2022-06) against the same months of 2020-05..2020-06',
    );
    expect(text).toMatch(/months compared +before +ratio/u);
    expect(text).toMatch(/All searches +520 +97 +45 +2\.16 /u);
    // A whole period compared keeps one column.
    expect(
      stopSearchCommand.text(
        { ...report, mapFile: null },
        { force: 'northumbria', area: undefined, period: Y2022, map: undefined },
      ),
    ).toMatch(/All searches +4,417 +3,609 +1\.22 /u);
  });

  it('gives the report a section a panel can read, and its public version gives no small count away', async () => {
    const area = await findArea(db, 'Newcastle upon Tyne');
    const trust = await trustData(
      db,
      FULL_SCOPE,
      { code: area.code, name: area.name, type: area.type },
      Y2022,
      await loadPoliceOutcomes(),
    );
    // No street data of Newcastle is held: no outcomes, but Newcastle's own searches (placed by
    // their points; test/stop-search-districts.test.ts checks the placement independently).
    expect(trust.outcomes).toBeNull();
    const s = trust.stopSearch!;
    expect(s.missing).toBeNull();
    expect(s.area).toBe('Newcastle upon Tyne');
    expect(s.searches).toBe(1645);
    expect(s.byGender.map((g) => [g.value, g.searches])).toEqual([
      ['Male', 1482],
      ['Female', 161],
      ['Other', 2],
    ]);
    const base = { area, period: Y2022, force: null } as unknown as ReportData;
    const render = (data: ReportData) => {
      const figures: ReportFigure[] = [];
      const tables: ReportTable[] = [];
      const html = trustSection(data, figures, tables, new Labels());
      return { html, tables };
    };
    const partner = render({ ...base, audience: 'partner', trust });
    expect(partner.html).toMatch(
      /Stop and search is published for Northumbria Police with the approximate place of each search, which puts it in a district\. .* it recorded 1,645 searches in Newcastle upon Tyne/u,
    );
    expect(partner.html).toMatch(
      /Searches rose 5% \(from 1,570 to 1,645, February to December 2021 against February to December 2022\); a change this size could be chance/u,
    );
    expect(partner.html).toMatch(
      /people who defined themselves as Black were searched more often than White residents \(2\.6 times the White rate, 95% interval 2\.0 to 3\.3\)/u,
    );
    expect(partner.tables.map((t) => t.id)).toEqual([
      'stop-search-ethnicity',
      'stop-search-age',
      'stop-search-gender',
    ]);
    const pub = render({ ...base, audience: 'public', trust: publicTrust(trust) });
    const gender = pub.tables.find((t) => t.id === 'stop-search-gender')!;
    // "Other" (2) is suppressed; "Female" is held back with it, or 1,645 less the rest would give it.
    expect(gender.rows).toEqual([
      [
        'Male',
        1482,
        expect.any(Number),
        expect.any(String),
        expect.any(Number),
        expect.any(String),
      ],
      ['Female', 'not shown', null, null, null, null],
      ['Other', 'fewer than 5', null, null, null, null],
    ]);
    for (const t of pub.tables)
      for (const row of t.rows)
        for (const c of t.countColumns) {
          const v = row[c];
          expect(typeof v === 'number' && v > 0 && v < 5, `${t.id} ${String(row[0])}`).toBe(false);
        }
  });
  it('uses an imported Census 2021 table by ethnic group for searches nearer 2021, and says so', async () => {
    // A table in the shape of ONS TS021 (detailed groups summed into the broad ones), with
    // figures made up for the test; a total row and a non-district row are rejected.
    const codes = ['E08000037', 'E08000021', 'E08000022', 'E08000023', 'E08000024', 'E06000057'];
    const lines = ['Lower tier local authorities Code,Ethnic group (20 categories),Observation'];
    for (const c of codes)
      lines.push(
        `${c},"White: English, Welsh, Scottish, Northern Irish or British",200000`,
        `${c},White: Irish,1000`,
        `${c},"Black, Black British, Black Welsh, Caribbean or African: African",3000`,
        `${c},"Asian, Asian British or Asian Welsh: Indian",4000`,
        `${c},Mixed or Multiple ethnic groups: White and Asian,500`,
        `${c},Other ethnic group: Arab,250`,
        `${c},Does not apply,0`,
      );
    lines.push('E23000007,White: Irish,6000');
    const file = `${dir.path}/ts021.csv`;
    writeFileSync(file, lines.join('\n') + '\n');
    const imported = await importPopulation(db, file, {
      year: 2021,
      source: 'ONS Census 2021 TS021 (test figures)',
      ethnicGroupColumn: 'Ethnic group (20 categories)',
    });
    expect(imported.ethnicGroups?.districts).toBe(6);
    expect(imported.rejected).toBe(7);
    const later = await stopSearchSummary(db, FULL_SCOPE, { force: 'northumbria', period: Y2022 });
    const d = later.disproportionality;
    expect(d.population).toEqual({ year: 2021, source: 'ONS Census 2021 TS021 (test figures)' });
    const black = d.groups.find((g) => g.group === 'Black')!;
    expect(black.residents).toBe(18000);
    expect(d.groups.find((g) => g.group === 'White')!.residents).toBe(6 * 201000);
    // 2020 searches are nearer 2021 than 2011 too; the notes name the year used.
    expect(d.notes[0]).toMatch(/ONS Census 2021 TS021 \(test figures\) \(2021\)\./u);
  });
});

describe('stop-search on a store without any of the force', () => {
  it('says how to import it, as the demo store holds none', async () => {
    // commands.md's examples, run on the demo store, ended at "holds no stop-and-search data".
    const store = await openStore(emptyStoreCopy(dir.path, 'no-searches.duckdb'));
    try {
      await expect(
        stopSearchSummary(store, FULL_SCOPE, { force: 'northumbria', period: Y2022 }),
      ).rejects.toThrow(
        /holds no stop-and-search data of force "northumbria": import .*lantern import data\/police\/northumbria-stop-and-search\.zip/u,
      );
    } finally {
      store.close();
    }
  });
});
