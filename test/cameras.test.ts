/**
 * `lantern cameras` on the demo store: its SYNTHETIC fly-tipping points for Three Rivers
 * (2024-01..2025-12) and the bundled police.uk sample.
 */
import { readFileSync, writeFileSync } from 'node:fs';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { FULL_SCOPE } from '../src/domain/scope.js';
import { openStore } from '../src/store/open-store.js';
import { cameraPlan, type CameraPlan } from '../src/usecases/cameras.js';

import { run, runJson } from './helpers/cli.js';
import { demoStoreCopy } from './helpers/demo-store.js';
import { tempDir } from './helpers/temp.js';

const dir = tempDir();
const db = `${dir.path}/demo.duckdb`;

/** The JSON `lantern cameras` prints: the plan, and the file `--out` wrote. */
type Plan = CameraPlan & { out?: string };

const FLY_TIPPING = [
  'cameras',
  '--area',
  'Three Rivers',
  '--dataset',
  'fly-tipping',
  '--period',
  '2024-01..2025-12',
  '--cameras',
  '5',
  '--radius',
  '75',
  '--db',
  db,
];

let base: Plan;

beforeAll(async () => {
  demoStoreCopy(dir.path);
  const r = await runJson<Plan>(FLY_TIPPING);
  expect(r.code).toBe(0);
  base = r.json;
});
afterAll(() => dir.remove());

describe('lantern cameras', () => {
  it('--dataset fly-tipping --cameras 5 --radius 75: ranked sites, coverage and the synthetic label', async () => {
    expect(base).toMatchObject({
      area: { code: 'E07000102', name: 'Three Rivers', type: 'district' },
      source: 'partner',
      synthetic: true,
      period: { from: '2024-01', to: '2025-12' },
      monthsMissing: [],
      cameras: 5,
      radius: 75,
      candidates: { source: 'grid', excluded: 0, gridCell: 37.5 },
      existing: null,
      alreadyCovered: 0,
      out: null,
    });
    expect(base.notes[0]).toMatch(/^SYNTHETIC DATA/);
    expect(base.notes.some((n) => /within 75 m .*not a forecast/.test(n))).toBe(true);
    expect(base.incidents).toBeGreaterThan(1000);
    expect(base.sites.map((s) => s.rank)).toEqual([1, 2, 3, 4, 5]);
    // Greedy order: each site adds no more than the one before; the gains sum to the total.
    for (let i = 1; i < base.sites.length; i++)
      expect(base.sites[i]!.gain).toBeLessThanOrEqual(base.sites[i - 1]!.gain);
    expect(base.sites.reduce((a, s) => a + s.gain, 0)).toBe(base.covered);
    expect(base.covered).toBeGreaterThanOrEqual(base.greedyCovered);
    expect(base.share).toBeCloseTo(base.covered / base.incidents, 12);
    // Proven the best possible (issue 15, item 7), and said so.
    expect(base.solution).toBe('optimal');
    expect(base.optimality).toMatchObject({ status: 'optimal', gap: 0, unit: 'incidents' });
    expect(base.optimality.bound).toBe(base.covered);
    for (const s of base.sites) {
      expect(Number.isInteger(s.gain) && s.gain > 0).toBe(true);
      expect(s.covered).toBeGreaterThanOrEqual(s.unique);
      expect(s.nearest?.location).toMatch(/^On or near /);
      expect(s.nearest!.distance).toBeLessThan(1000);
      // Three Rivers lies around 51.6–51.7 N, 0.4–0.55 W.
      expect(s.lat).toBeGreaterThan(51.5);
      expect(s.lat).toBeLessThan(51.8);
      expect(s.lon).toBeGreaterThan(-0.65);
      expect(s.lon).toBeLessThan(-0.3);
    }
    // The same question gives the same answer.
    expect((await runJson<Plan>(FLY_TIPPING)).json).toEqual(base);
  });

  it('prints a ranked table with the nearest street and the notes', async () => {
    const r = await run(FLY_TIPPING);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Three Rivers, Fly-tipping incidents \(synthetic\)/);
    expect(r.stdout).toMatch(/rank\s+nearest street\s+adds\s+within\s+only here/);
    expect(r.stdout).toContain(base.sites[0]!.nearest!.location);
    expect(r.stdout).toMatch(/SYNTHETIC DATA/);
    expect(r.stdout).toMatch(/^Solution: optimal: no 5 sites could cover more than [\d,]+ \(/mu);
  });

  it('--existing cameras: what they see counts as covered already, so new sites add less', async () => {
    const file = `${dir.path}/existing.csv`;
    const top = base.sites.slice(0, 2);
    writeFileSync(
      file,
      ['Name,Longitude,Latitude', ...top.map((s, i) => `Camera ${i + 1},${s.lon},${s.lat}`)].join(
        '\n',
      ) + '\n',
    );
    const { code, json } = await runJson<Plan>([...FLY_TIPPING, '--existing', file]);
    expect(code).toBe(0);
    expect(json.existing).toEqual({ file, cameras: 2 });
    expect(json.alreadyCovered).toBe(top[0]!.covered + top[1]!.covered);
    expect(json.covered).toBeLessThan(base.covered);
    expect(json.covered + json.alreadyCovered).toBeLessThanOrEqual(
      base.covered + json.alreadyCovered,
    );
    // The sites the existing cameras stand on are not chosen again.
    const at = new Set(top.map((s) => `${s.easting},${s.northing}`));
    expect(json.sites.some((s) => at.has(`${s.easting},${s.northing}`))).toBe(false);
  });

  it('--candidates (easting/northing) and --exclude: only given sites, never one in a zone', async () => {
    const candidates = `${dir.path}/candidates.csv`;
    const exclude = `${dir.path}/exclude.csv`;
    writeFileSync(
      candidates,
      [
        'name,easting,northing',
        ...base.sites.map((s) => `Site ${s.rank},${s.easting},${s.northing}`),
        'Nowhere,400000,100000',
      ].join('\n') + '\n',
    );
    const first = base.sites[0]!;
    writeFileSync(exclude, `longitude,latitude,radius_m\n${first.lon},${first.lat},10\n`);
    const { code, json } = await runJson<Plan>([
      ...FLY_TIPPING.map((a) => (a === '5' ? '3' : a)),
      '--candidates',
      candidates,
      '--exclude',
      exclude,
    ]);
    expect(code).toBe(0);
    expect(json.candidates).toMatchObject({ source: 'file', count: 6, excluded: 1 });
    // Site 1 is in the zone and "Nowhere" (on the south coast) covers nothing.
    const names = json.sites.map((s) => s.name);
    expect(names).toHaveLength(3);
    expect(names.every((n) => /^Site [2-5]$/.test(n ?? ''))).toBe(true);
  });

  it('a bad line in a site file is refused, naming the file, the line and the field', async () => {
    const file = `${dir.path}/bad.csv`;
    writeFileSync(file, 'longitude,latitude\n-0.45,51.65\n-0.45,north\n');
    const r = await run([...FLY_TIPPING, '--existing', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${file}, line 3, field latitude: "north" is not a number`);
    const zones = `${dir.path}/zones.csv`;
    writeFileSync(zones, 'longitude,latitude,radius_m\n-0.45,51.65,-5\n');
    const z = await run([...FLY_TIPPING, '--exclude', zones]);
    expect(z.code).toBe(2);
    expect(z.stderr).toContain(`${zones}, line 2, field radius_m`);
    const columns = `${dir.path}/columns.csv`;
    writeFileSync(columns, 'x,y\n1,2\n');
    const c = await run([...FLY_TIPPING, '--candidates', columns]);
    expect(c.code).toBe(2);
    expect(c.stderr).toMatch(/longitude and latitude, or easting and northing/);
  });

  it('--out writes a WGS84 GeoJSON FeatureCollection: sites and 32-vertex coverage circles', async () => {
    const out = `${dir.path}/cameras.geojson`;
    const { code, json } = await runJson<Plan>([...FLY_TIPPING, '--out', out]);
    expect(code).toBe(0);
    expect(json.out).toBe(out);
    const geo = JSON.parse(readFileSync(out, 'utf8')) as {
      type: string;
      features: {
        type: string;
        geometry: { type: string; coordinates: unknown };
        properties: Record<string, unknown>;
      }[];
    };
    expect(geo.type).toBe('FeatureCollection');
    const points = geo.features.filter((f) => f.geometry.type === 'Point');
    const circles = geo.features.filter((f) => f.geometry.type === 'Polygon');
    expect(points.map((f) => f.properties)).toEqual(
      base.sites.map((s) =>
        expect.objectContaining({ kind: 'camera', rank: s.rank, gain: s.gain, covered: s.covered }),
      ),
    );
    expect(circles).toHaveLength(base.sites.length);
    const inWgs84 = ([lon, lat]: number[]) =>
      lon! >= -180 && lon! <= 180 && lat! >= -90 && lat! <= 90 && Math.abs(lon!) < 2 && lat! > 49;
    for (const f of points) expect(inWgs84(f.geometry.coordinates as number[])).toBe(true);
    for (const f of circles) {
      const [ring] = f.geometry.coordinates as number[][][];
      expect(ring).toHaveLength(33);
      expect(ring![32]).toEqual(ring![0]);
      expect(ring!.every(inWgs84)).toBe(true);
      // The ring is about 75 m from its site: 150 m across is about 0.00135° of latitude.
      const lats = ring!.map((p) => p[1]!);
      expect(Math.max(...lats) - Math.min(...lats)).toBeCloseTo(0.00135, 4);
    }
  });

  it('police.uk categories; harm weights where the configuration knows them, refused where not', async () => {
    const { code, json } = await runJson<Plan>([
      'cameras',
      '--area',
      'Three Rivers',
      '--category',
      'anti-social-behaviour',
      '--period',
      '2025-01..2025-12',
      '--cameras',
      '3',
      '--radius',
      '100',
      '--db',
      db,
    ]);
    expect(code).toBe(0);
    expect(json).toMatchObject({ source: 'police.uk', synthetic: false });
    expect(json.sites).toHaveLength(3);
    for (const s of json.sites) expect(s.nearest?.location).toMatch(/^On or near /);
    const r = await run([...FLY_TIPPING, '--harm-weighted']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/harm weights are by police\.uk category; partner data have none/);
    const police = async (category: string, extra: string[] = []) =>
      await runJson<Plan & { notes: string[] }>([
        'cameras',
        '--area',
        'Three Rivers',
        '--category',
        category,
        '--period',
        '2025-01..2025-12',
        '--cameras',
        '3',
        '--radius',
        '100',
        '--db',
        db,
        ...extra,
      ]);
    // All crime holds burglary, shoplifting, …: no weight is known for them, and the message says which.
    const all = await police('all-crime', ['--harm-weighted']);
    expect(all.code).toBe(2);
    // Violence and sexual offences: one weight (203.07, violence with injury, unverified) for every
    // incident, so the sites are those of the unweighted run and the notes say which weight.
    const counted = await police('violent-crime');
    const weighted = await police('violent-crime', ['--harm-weighted']);
    expect(weighted.code).toBe(0);
    expect(weighted.json.sites.map((x) => [x.lon, x.lat])).toEqual(
      counted.json.sites.map((x) => [x.lon, x.lat]),
    );
    expect(weighted.json.notes.join(' ')).toMatch(
      /Harm weight of violent-crime: 203\.07 \(Violence with injury; .*unverified\)/,
    );
  });

  it('says first when a radius is finer than police.uk map points, and not for partner points', async () => {
    // QA: "3 cameras seeing 1 m … covered 18 of 312": robberies stacked on one anonymous map point
    // counted as seen by a 1 m camera.
    const shoplifting = (radius: string) =>
      runJson<Plan & { notes: string[] }>([
        'cameras',
        '--area',
        'Three Rivers',
        '--category',
        'shoplifting',
        '--period',
        '2025-01..2025-12',
        '--cameras',
        '3',
        '--radius',
        radius,
        '--time-limit',
        '0',
        '--db',
        db,
      ]);
    const fine = await shoplifting('1');
    expect(fine.code).toBe(0);
    expect(fine.json.notes[0]).toMatch(
      /^A radius of 1 m is finer than police\.uk locates records: .* use a radius of 50 m or more/u,
    );
    const wide = await shoplifting('50');
    expect(wide.json.notes.join(' ')).not.toContain('finer than police.uk');
    const partner = await runJson<Plan & { notes: string[] }>([
      ...FLY_TIPPING.slice(0, -4),
      '--radius',
      '1',
      '--time-limit',
      '0',
      '--db',
      db,
    ]);
    expect(partner.code).toBe(0);
    expect(partner.json.notes.join(' ')).not.toContain('finer than police.uk');
  });
});

describe('lantern cameras: exact where it can be (issue 15, item 7)', () => {
  // Dacorum's burglaries of the months held from October 2018 to March 2025 (980), K = 3,
  // 250 m, candidates from the grid: greedy and 1-swap local search stop at 105, a local
  // optimum; the best three sites cover 110.
  const DACORUM = {
    area: 'Dacorum',
    category: 'burglary',
    period: { from: '2018-10', to: '2025-03' },
    cameras: 3,
    radius: 250,
  } as const;

  it('finds sites the local search missed, and proves them the best possible', async () => {
    const store = await openStore(db);
    try {
      const exact = await cameraPlan(store, FULL_SCOPE, DACORUM);
      expect(exact.incidents).toBe(980);
      expect(exact.greedyCovered).toBe(105);
      expect(exact.localSearch).toEqual({ swaps: 0, stoppedBy: 'local-optimum' });
      expect(exact.covered).toBe(110);
      expect(exact.sites.reduce((a, s) => a + s.gain, 0)).toBe(110);
      expect(exact.solution).toBe('optimal');
      expect(exact.optimality).toMatchObject({ status: 'optimal', bound: 110, gap: 0 });
      expect(exact.optimality.solver?.found).not.toBe('heuristic');
      expect(exact.method).toMatch(/mixed-integer programme \(HiGHS\) within 10 s/u);

      // --time-limit 0: the heuristic alone, with the gap it cannot rule out.
      const heuristic = await cameraPlan(store, FULL_SCOPE, { ...DACORUM, timeLimit: 0 });
      expect(heuristic.covered).toBe(105);
      expect(heuristic.optimality).toMatchObject({
        status: 'heuristic',
        boundFrom: 'marginal-gains',
        solver: null,
      });
      // The bound is at least the true optimum, so the gap at least what was missed.
      expect(heuristic.optimality.bound).toBeGreaterThanOrEqual(110);
      const { gap, gapShare } = heuristic.optimality;
      expect(gap).toBe(heuristic.optimality.bound - 105);
      expect(heuristic.solution).toBe(
        `heuristic, within ${gap} incidents (${(gapShare * 100).toFixed(1)}%) of the best possible`,
      );
    } finally {
      store.close();
    }
  });

  it('prints which: "optimal", or "heuristic, within N incidents (X%)"; refuses a bad --time-limit', async () => {
    const args = [
      'cameras',
      '--area',
      'Dacorum',
      '--category',
      'burglary',
      '--period',
      '2018-10..2025-03',
      '--cameras',
      '3',
      '--radius',
      '250',
      '--db',
      db,
    ];
    const quick = await run([...args, '--time-limit', '0']);
    expect(quick.code).toBe(0);
    expect(quick.stdout).toMatch(/^Covered: 105 of 980 incidents/mu);
    expect(quick.stdout).toMatch(
      /^Solution: heuristic, within \d+ incidents \(\d+(\.\d)?%\) of the best possible: no 3 sites could cover more than \d+/mu,
    );
    const bad = await run([...args, '--time-limit', '5000']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--time-limit: 5000 is not a number of seconds from 0 to 3600/u);
    const words = await run([...args, '--time-limit', 'soon']);
    expect(words.code).toBe(2);
    expect(words.stderr).toMatch(/--time-limit: "soon" is not a number/u);
  });
});
