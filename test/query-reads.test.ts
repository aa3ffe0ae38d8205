/**
 * Queries read only what a command needs (issue 17, item 2), on a copy of the demo store: the
 * category, period and area asked for are filtered in SQL; the points, the force's counts and the
 * hotspots of one command are read once and shared by everything in it; and nothing is kept from
 * one command to the next on the same open store (a server keeps it open across requests).
 *
 * What a command reads is seen through a log kept by the store handle itself: every statement with
 * the number of rows it returned (real DuckDB throughout; the log only counts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { loadPoliceOutcomes } from '../src/config/police-outcomes.js';
import { FULL_SCOPE } from '../src/domain/scope.js';
import type { Db } from '../src/store/db.js';
import { streetRecords, type StoredPlace as Place } from '../src/store/incident-points.js';
import { openStore } from '../src/store/open-store.js';
import { findDataset } from '../src/domain/datasets.js';
import { loadAssessmentInputsSetting } from '../src/config/settings.js';
import { assess } from '../src/usecases/assess.js';
import { PARTNER_THEMES } from '../src/usecases/assess-area.js';
import { hiddenFigureTable } from '../src/usecases/hidden-figure.js';
import { hotspots } from '../src/usecases/hotspots.js';
import { partnerAreaCounts } from '../src/usecases/partner-area-counts.js';
import { reportData } from '../src/usecases/report-data.js';
import { demoStoreCopy } from './helpers/demo-store.js';
import { settingsFrom } from './helpers/settings.js';
import { tempDir } from './helpers/temp.js';

const dir = tempDir();
let path: string;
beforeAll(() => {
  path = demoStoreCopy(dir.path);
});
afterAll(() => dir.remove());

const YEAR = { from: '2025-01', to: '2025-12' } as const;
const SETTINGS = await settingsFrom();
const THREE_RIVERS = "c.district_code = 'E07000102'";
/**
 * A statement counting street records by category and month: from the counts the import keeps
 * (street_count), or for a ward or LSOA from the records.
 */
const COUNTS = /AS count\s+FROM (crime|street_count) c/u;
/** The statement reading the register's districts, CSPs and forces whole. */
const UPPER_AREAS = /FROM area WHERE type IN \('force', 'csp', 'district'\)/u;
/** The statement looking up the wards of LSOAs (to name hotspot cells). */
const WARDS_OF_LSOAS = /JOIN area w ON w\.code = l\.parent/u;

interface Read {
  sql: string;
  /** The statement's parameters as JSON. */
  params: string;
  rows: number;
  /** Statements started before this one (its order of issue). */
  started: number;
}

/**
 * The store, with a log of each statement it runs (on it or on a session of it) and the rows it
 * returns, logged as each ends; `running` counts those started and not yet ended.
 */
async function loggedStore(): Promise<{ db: Db; log: Read[]; running: () => number }> {
  const db = await openStore(path);
  const log: Read[] = [];
  let started = 0;
  let ended = 0;
  const logging = (db: Db): Db => {
    const query = db.query.bind(db);
    const queryColumns = db.queryColumns.bind(db);
    const session = db.session.bind(db);
    const read = async <T extends { length: number }>(
      sql: string,
      params: unknown,
      run: () => Promise<T>,
    ) => {
      const order = started++;
      try {
        const result = await run();
        log.push({
          sql,
          params: JSON.stringify(params ?? null),
          rows: result.length,
          started: order,
        });
        return result;
      } finally {
        ended++;
      }
    };
    db.query = ((sql, params, types) =>
      read(sql, params, () => query(sql, params, types))) as Db['query'];
    db.queryColumns = (sql, params, types) =>
      read(sql, params, () => queryColumns(sql, params, types));
    db.session = async () => logging(await session());
    return db;
  };
  return { db: logging(db), log, running: () => started - ended };
}

/** Statements that return street records one by one (not counts): the points of a hotspot map. */
const pointReads = (log: readonly Read[]) =>
  log.filter(
    (r) =>
      /FROM crime c/u.test(r.sql) && /c\.longitude AS lon/u.test(r.sql) && !/GROUP BY/u.test(r.sql),
  );

/** The assessment of an area for 2025 with the bundled settings, not saved. */
const assessOf = (db: Db, area: string) =>
  assess(db, FULL_SCOPE, { area, period: YEAR, save: false, settings: SETTINGS });

async function count(db: Db, where: string): Promise<number> {
  const [row] = await db.query<{ n: number }>(`SELECT count(*) AS n FROM crime c WHERE ${where}`);
  return row!.n;
}

describe('queries read only what they need', () => {
  it('hotspots of one category read that category’s records, not every category’s', async () => {
    const { db, log } = await loggedStore();
    try {
      const period = `c.month BETWEEN '${YEAR.from}' AND '${YEAR.to}' AND c.longitude IS NOT NULL`;
      const burglaries = await count(db, `${THREE_RIVERS} AND ${period} AND category = 'burglary'`);
      const all = await count(db, `${THREE_RIVERS} AND ${period}`);
      expect(all).toBeGreaterThan(10 * burglaries);
      log.length = 0;
      const r = await hotspots(db, FULL_SCOPE, {
        area: 'Three Rivers',
        category: 'burglary',
        period: YEAR,
      });
      expect(r.incidents).toBe(burglaries);
      // Everything the command read, points and all, is fewer rows than the other categories'
      // records it has no use for (before: every category's 6,000 records, then filtered).
      const read = log.reduce((s, r) => s + r.rows, 0);
      expect(read).toBeLessThan(all - burglaries);
      // The points themselves: one statement, one row per burglary and per place at most.
      const points = pointReads(log);
      expect(points).toHaveLength(1);
      expect(points[0]!.rows).toBeLessThanOrEqual(2 * burglaries);
    } finally {
      db.close();
    }
  });

  it('assess reads the points of its High priorities in one statement, and the force’s counts once', async () => {
    const { db, log } = await loggedStore();
    try {
      const a = await assessOf(db, 'Three Rivers');
      const mapped = a.issues.filter(
        (i) => i.band === 'High' && i.source === 'police.uk' && i.hotspot !== null,
      );
      expect(mapped.length).toBeGreaterThanOrEqual(2);
      // One statement for every High police.uk priority (one scan of the district's records),
      // returning those categories' records only.
      const points = pointReads(log);
      const high = a.issues.filter((i) => i.band === 'High' && i.source === 'police.uk');
      expect(high.length).toBeGreaterThanOrEqual(2);
      expect(points).toHaveLength(1);
      const located = await Promise.all(
        high.map((i) =>
          count(
            db,
            `${THREE_RIVERS} AND c.month BETWEEN '${YEAR.from}' AND '${YEAR.to}' AND c.longitude IS NOT NULL AND category = '${i.key}'`,
          ),
        ),
      );
      const total = located.reduce((s, n) => s + n, 0);
      expect(points.reduce((s, r) => s + r.rows, 0)).toBeLessThanOrEqual(2 * total);
      // The force's counts by category and month (for the district's rates, then as the county's
      // own assessment) are read once.
      const forceCounts = log.filter(
        (r) => COUNTS.test(r.sql) && /p\.parent = \$area/u.test(r.sql),
      );
      expect(forceCounts).toHaveLength(1);
      // The district's counts are counted apart in that same scan: no other count of records.
      expect(log.filter((r) => COUNTS.test(r.sql))).toHaveLength(1);
      // The register's districts, CSPs and forces (the district's force, each area's months
      // held) and the months of the current files are read once.
      expect(log.filter((r) => UPPER_AREAS.test(r.sql))).toHaveLength(1);
      expect(log.filter((r) => /FROM batch_month/u.test(r.sql))).toHaveLength(1);
      // The busiest cells of all the High priorities are named together: one lookup of wards.
      expect(log.filter((r) => WARDS_OF_LSOAS.test(r.sql))).toHaveLength(1);
      // And the district's outline is read once for them all.
      expect(log.filter((r) => /FROM boundary/u.test(r.sql))).toHaveLength(1);
    } finally {
      db.close();
    }
  });

  it('assess starts mapping a district’s High priorities before the partner themes are read, on a connection of its own', async () => {
    const { db, log } = await loggedStore();
    let sessions = 0;
    const session = db.session.bind(db);
    db.session = () => {
      sessions++;
      return session();
    };
    try {
      const a = await assessOf(db, 'Three Rivers');
      expect(a.issues.some((i) => i.band === 'High' && i.hotspot !== null)).toBe(true);
      // The police.uk issues' bands are known once their counts are: the points of the High
      // priorities are asked for before any partner theme's counts.
      const [points] = pointReads(log);
      const themes = log.filter((r) => /unnest\(categories\)/u.test(r.sql));
      expect(themes.length).toBeGreaterThan(0);
      expect(points!.started).toBeLessThan(Math.min(...themes.map((r) => r.started)));
      expect(sessions).toBe(1);
      // A force's assessment maps nothing: no other connection.
      await assessOf(db, 'Hertfordshire');
      expect(sessions).toBe(1);
    } finally {
      db.close();
    }
  });

  it('an assessment refused after its maps were started fails with none of its statements running', async () => {
    const { db, log, running } = await loggedStore();
    try {
      const settings = await settingsFrom();
      const inputs = await loadAssessmentInputsSetting(
        'config/examples/three-rivers-2025-26.yaml',
        settings.riskMatrix,
      );
      // Three Rivers' inputs score fly-tipping, which Watford's data do not hold: refused once
      // the themes are read, by when the High priorities' maps are under way.
      await expect(
        assess(db, FULL_SCOPE, { area: 'Watford', period: YEAR, save: false, settings, inputs }),
      ).rejects.toThrow(/issues\.fly-tipping: no such issue in this assessment/u);
      expect(running()).toBe(0);
      expect(pointReads(log)).toHaveLength(1);
      expect(log.filter((r) => WARDS_OF_LSOAS.test(r.sql)).length).toBeGreaterThan(0);
    } finally {
      db.close();
    }
  });

  it('assess reads every partner theme’s counts in one round of statements, each theme’s as read alone', async () => {
    const { db, log } = await loggedStore();
    try {
      const a = await assessOf(db, 'Three Rivers');
      const themes = a.issues.filter((i) => i.source === 'partner');
      expect(themes.map((t) => t.key).sort()).toEqual([
        'domestic-abuse',
        'fly-tipping',
        'hate-crime',
        'prevent',
      ]);
      // The district's and the force's counts of every theme: one statement, not one a theme;
      // and the restricted themes' counts of every district of the force, which they are
      // protected with (partner-totals-disclosure.ts): one more, for both. The force's districts
      // are looked up once.
      expect(log.filter((r) => /unnest\(categories\)/u.test(r.sql))).toHaveLength(2);
      expect(
        log.filter((r) => /FROM partner_coverage/u.test(r.sql) && /month/u.test(r.sql)),
      ).toHaveLength(2);
      expect(log.filter((r) => /WITH RECURSIVE down/u.test(r.sql))).toHaveLength(1);
      // Each theme's figures are those its dataset gives read on its own…
      const area = { code: a.area.code, name: a.area.name, type: a.area.type };
      for (const t of themes) {
        const [category] = PARTNER_THEMES.find(([name]) => name === t.key)!.slice(1);
        const { inputs } = await partnerAreaCounts(db, FULL_SCOPE, findDataset(t.key)!, [area]);
        const byMonth = inputs[0]!.counts.get(category!) ?? new Map<string, number>();
        const alone = [...byMonth]
          .filter(([m]) => m >= YEAR.from && m <= YEAR.to)
          .reduce((s, [, n]) => s + n, 0);
        expect(t.evidence.recorded, t.key).toBe(alone);
      }
      // …and, for the themes counted record by record, the records held.
      for (const key of ['fly-tipping', 'hate-crime']) {
        const [row] = await db.query<{ n: number }>(
          `SELECT count(*) AS n FROM partner_record WHERE dataset = '${key}'
           AND district_code = 'E07000102' AND month BETWEEN '${YEAR.from}' AND '${YEAR.to}'`,
        );
        expect(themes.find((t) => t.key === key)!.evidence.recorded, key).toBe(row!.n);
        expect(row!.n).toBeGreaterThan(0);
      }
    } finally {
      db.close();
    }
  });

  it('assess of a force reads the register and the months held once', async () => {
    const { db, log } = await loggedStore();
    try {
      await assessOf(db, 'Hertfordshire');
      expect(log.filter((r) => UPPER_AREAS.test(r.sql))).toHaveLength(1);
      expect(log.filter((r) => /FROM batch_month/u.test(r.sql))).toHaveLength(1);
      expect(log.filter((r) => COUNTS.test(r.sql))).toHaveLength(1);
    } finally {
      db.close();
    }
  });

  it('a district’s counts read with its force’s are those of its own records, and the county is the force’s own assessment', async () => {
    const db = await openStore(path);
    try {
      const request = { period: YEAR, save: false, settings: SETTINGS };
      const district = await assess(db, FULL_SCOPE, { ...request, area: 'Three Rivers' });
      const force = await assess(db, FULL_SCOPE, { ...request, area: 'Hertfordshire' });
      for (const issue of district.issues.filter((i) => i.source === 'police.uk')) {
        const recorded = await count(
          db,
          `${THREE_RIVERS} AND c.month BETWEEN '${YEAR.from}' AND '${YEAR.to}' AND category = '${issue.key}'`,
        );
        expect(issue.evidence.recorded, issue.key).toBe(recorded);
      }
      expect(district.county?.issues).toEqual(
        force.issues.map(({ key, label, rank, band, harm, likelihood, risk }) => ({
          key,
          label,
          rank,
          band,
          harm,
          likelihood,
          risk,
        })),
      );
    } finally {
      db.close();
    }
  });

  it('a report shares the assessment’s points and hotspots: each category is read once', async () => {
    const { db, log } = await loggedStore();
    try {
      const data = await reportData(db, FULL_SCOPE, {
        area: 'Three Rivers',
        period: YEAR,
        save: false,
        today: '2026-01-31',
        settings: SETTINGS,
      });
      expect(data.priorities.some((p) => p.hotspot !== null)).toBe(true);
      // One statement for the points of every High priority, serving both the assessment's
      // text and the report's maps.
      const high = data.assessment.issues.filter(
        (i) => i.band === 'High' && i.source === 'police.uk',
      );
      expect(high.length).toBeGreaterThanOrEqual(2);
      expect(pointReads(log)).toHaveLength(1);
    } finally {
      db.close();
    }
  });

  it('a report reads nothing twice: no statement runs again with the same parameters', async () => {
    const { db, log } = await loggedStore();
    try {
      for (const [area, audience] of [
        ['Three Rivers', 'partner'],
        ['Hertfordshire', 'partner'],
        ['Three Rivers', 'public'],
      ] as const) {
        log.length = 0;
        const data = await reportData(db, FULL_SCOPE, {
          area,
          audience,
          period: YEAR,
          save: false,
          today: '2026-01-31',
          settings: SETTINGS,
          outcomeCategories: await loadPoliceOutcomes(),
        });
        // Every section is there to read: the maps, the hidden figure, the partner rows, the trust
        // section's outcomes and stop and search.
        const what = `${area} (${audience})`;
        expect(data.trust?.outcomes, what).not.toBeNull();
        expect(data.trust?.stopSearch, what).not.toBeNull();
        expect(data.priorities.length, what).toBeGreaterThan(0);
        const times = new Map<string, number>();
        for (const r of log) {
          const key = `${r.sql.replace(/\s+/gu, ' ')} ${r.params}`;
          times.set(key, (times.get(key) ?? 0) + 1);
        }
        const again = [...times].filter(([, n]) => n > 1).map(([key, n]) => `${n}× ${key}`);
        expect(again, what).toEqual([]);
        expect(log.length, what).toBeGreaterThan(20);
      }
    } finally {
      db.close();
    }
  });

  it('partner datasets read together answer as each read alone: one the caller may not see is refused on its own', async () => {
    const db = await openStore(path);
    try {
      const request = { area: 'Three Rivers', period: YEAR, rates: SETTINGS.reportingRates };
      const all = await hiddenFigureTable(db, FULL_SCOPE, request);
      // A partner granted two of the datasets, the first the table reads among them: the round
      // of reads for all four is refused, and each dataset is then read alone.
      const some = await hiddenFigureTable(
        db,
        { areas: 'all', datasets: ['police-street', 'domestic-abuse', 'hate-crime'] },
        request,
      );
      const row = (table: typeof all, key: string) => table.rows.find((r) => r.key === key)!;
      for (const key of ['dataset:domestic-abuse:incidents', 'dataset:hate-crime:total']) {
        expect(row(some, key).recorded, key).toBe(row(all, key).recorded);
        expect(row(some, key).notes, key).toEqual(row(all, key).notes);
      }
      expect(row(some, 'dataset:hate-crime:total').recorded).toBeGreaterThan(0);
      for (const key of ['dataset:asb-council:total', 'dataset:fly-tipping:total']) {
        expect(row(all, key).recorded, key).toBeGreaterThan(0);
        expect(row(some, key).recorded, key).toBeNull();
        expect(row(some, key).notes.join(' '), key).toMatch(/Your access does not cover/u);
      }
    } finally {
      db.close();
    }
  });

  it('nothing is kept from one command to the next on the same open store', async () => {
    // A server holds the store open for every request: a command run after a change must see it.
    const db = await openStore(path);
    try {
      const request = { area: 'Three Rivers', period: YEAR, save: false, settings: SETTINGS };
      const before = await assess(db, FULL_SCOPE, request);
      const violence = before.issues.find((i) => i.key === 'violent-crime')!;
      expect(violence.hotspot).not.toBeNull();
      const { lon, lat, count: inCell } = violence.hotspot!;
      expect(inCell).toBeGreaterThan(5);
      // Remove the records of the busiest hotspot's cell (every record within 100 m of its
      // centre, on a 200 m grid, and more around it): another cell must now be the busiest.
      await db.run(
        `DELETE FROM crime WHERE category = 'violent-crime' AND district_code = 'E07000102'
           AND abs(longitude - ${lon}) < 0.004 AND abs(latitude - ${lat}) < 0.003`,
      );
      // The counts the import keeps with the records (street_count), kept here too.
      await db.run(`DELETE FROM street_count`);
      await db.run(
        `INSERT INTO street_count SELECT batch_id, force, month, district_code, district_match,
           category, count(*) FROM crime GROUP BY ALL`,
      );
      const after = await assess(db, FULL_SCOPE, request);
      const now = after.issues.find((i) => i.key === 'violent-crime')!;
      expect(now.evidence.recorded).toBeLessThan(violence.evidence.recorded);
      expect(now.hotspot).not.toEqual(violence.hotspot);
      const direct = await hotspots(db, FULL_SCOPE, {
        area: 'Three Rivers',
        category: 'violent-crime',
        period: YEAR,
        top: 3,
      });
      expect(now.hotspot?.location ?? null).toBe(direct.busiest[0]?.name ?? null);
      // The points read for all priorities at once are those each category's own read gives.
      for (const issue of after.issues.filter(
        (i) => i.band === 'High' && i.source === 'police.uk',
      )) {
        const alone = await hotspots(db, FULL_SCOPE, {
          area: 'E07000102',
          category: issue.key,
          period: YEAR,
          top: 3,
        });
        const top = alone.busiest[0];
        expect(issue.hotspot).toEqual(
          top && top.topLocations[0]
            ? { location: top.name, count: top.count, lon: top.lon, lat: top.lat }
            : null,
        );
      }
    } finally {
      db.close();
    }
  });
});

describe('streetRecords', () => {
  it('reads one row per record, each place once with the point and text its records have', async () => {
    const db = await openStore(path);
    try {
      const categories = ['robbery', 'shoplifting', 'violent-crime'];
      const area = { code: 'E07000102', type: 'district' as const };
      const read = await streetRecords(db, FULL_SCOPE, area, YEAR, categories);
      const rows = await db.query<Place & { m: string; k: string } & Record<string, unknown>>(
        `SELECT month AS m, category AS k, longitude AS lon, latitude AS lat, location, lsoa_code AS lsoa
         FROM crime c WHERE ${THREE_RIVERS} AND month BETWEEN '${YEAR.from}' AND '${YEAR.to}'
           AND longitude IS NOT NULL AND category IN ('robbery', 'shoplifting', 'violent-crime')`,
      );
      expect(read.length).toBe(rows.length);
      // The places are distinct and in order (point, then location and LSOA, NULLs first).
      const key = (p: Place) => JSON.stringify([p.lon, p.lat, p.location, p.lsoa]);
      const text = (a: string | null, b: string | null) =>
        a === b ? 0 : a === null ? -1 : b === null ? 1 : a < b ? -1 : 1;
      const order = (a: Place, b: Place) =>
        a.lon - b.lon || a.lat - b.lat || text(a.location, b.location) || text(a.lsoa, b.lsoa);
      expect(new Set(read.places.map(key)).size).toBe(read.places.length);
      expect(read.places.every((p, i) => i === 0 || order(read.places[i - 1]!, p) <= 0)).toBe(true);
      expect(read.places.length).toBe(new Set(rows.map(key)).size);
      // Each record, rebuilt from its place, month and category, is one of the store's rows.
      const rebuilt = Array.from({ length: read.length }, (_, i) => {
        const p = read.places[read.place[i]!]!;
        const m = read.month[i]!;
        const month = `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
        return JSON.stringify([month, categories[read.category[i]!], key(p)]);
      });
      const stored = rows.map((r) => JSON.stringify([r.m, r.k, key(r)]));
      expect(rebuilt.sort()).toEqual(stored.sort());
    } finally {
      db.close();
    }
  });
});

describe('Db.queryColumns', () => {
  it('gives numeric columns as Float64Array (NULL as NaN) and others as plain values', async () => {
    const db = await openStore(':memory:');
    try {
      const { length, columns } = await db.queryColumns(
        `SELECT * FROM (VALUES (1, 2.5::DOUBLE, 'a', 10::BIGINT), (NULL, NULL, NULL, 20::BIGINT))
           AS t(i, d, s, b) ORDER BY b`,
      );
      expect(length).toBe(2);
      expect(columns.i).toBeInstanceOf(Float64Array);
      expect([...(columns.i as Float64Array)]).toEqual([1, NaN]);
      expect([...(columns.d as Float64Array)]).toEqual([2.5, NaN]);
      expect(columns.s).toEqual(['a', null]);
      expect([...(columns.b as Float64Array)]).toEqual([10, 20]);
      // Results of several chunks (DuckDB hands rows over 2,048 at a time) keep every row in order.
      const big = await db.queryColumns(
        'SELECT i::INTEGER AS i, i::VARCHAR AS s FROM range(5000) t(i) ORDER BY i',
      );
      expect(big.length).toBe(5000);
      expect((big.columns.i as Float64Array)[4999]).toBe(4999);
      expect((big.columns.s as string[])[2048]).toBe('2048');
    } finally {
      db.close();
    }
  });
});
