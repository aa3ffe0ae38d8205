/**
 * Hotspots where incidents are few (QA on Merseyside): a Knowsley LSOA's two burglaries of
 * January 2019 (real police.uk records, test/fixtures/merseyside) on its own boundary
 * (test/fixtures/boundaries/lsoa_by_lad). Gi* read on the normal curve called each cell holding
 * one burglary a hotspot (z 12, p < 0.001) on a grid of 10 m cells, finer than police.uk's map
 * points; now no cell is called a hotspot, and the output says why. A district with enough
 * incidents keeps its hotspots.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { run, runJson } from './helpers/cli.js';
import { demoStoreCopy, emptyStoreCopy } from './helpers/demo-store.js';
import { importMerseyside } from './helpers/merseyside.js';
import { FIXTURES, tempDir } from './helpers/temp.js';

const dir = tempDir();
const db = join(dir.path, 'merseyside.duckdb');

beforeAll(async () => {
  emptyStoreCopy(dir.path, 'merseyside.duckdb');
  await importMerseyside(db);
  const lsoas = join(dir.path, 'E08000011.json');
  writeFileSync(
    lsoas,
    gunzipSync(readFileSync(`${FIXTURES}boundaries/lsoa_by_lad/E08000011.json.gz`)),
  );
  const boundaries = await run([
    ...['areas', 'import-boundaries', lsoas, '--type', 'lsoa', '--vintage', '2011'],
    ...['--db', db],
  ]);
  expect(boundaries.code, boundaries.stderr).toBe(0);
}, 120_000);
afterAll(() => dir.remove());

interface HotspotJson {
  incidents: number;
  cells: number;
  cellSize: number;
  expectedPerNeighbourhood: number;
  giStarRead: boolean;
  ranked: { count: number; gistar: number; hotspot: string | null }[];
  busiest: unknown[];
  warnings: string[];
}

const hotspots = (area: string, category: string, ...more: string[]) =>
  runJson<HotspotJson>([
    ...['hotspots', '--area', area, '--category', category, '--period', '2019-01'],
    ...more,
    ...['--db', db],
  ]);

describe('hotspots with few incidents', () => {
  it('calls no cell holding a single burglary a hotspot, and says why in plain words', async () => {
    for (const cell of [[], ['--cell', '10']]) {
      const r = await hotspots('Knowsley 001C', 'burglary', ...cell);
      expect(r.code).toBe(0);
      expect(r.json.incidents).toBe(2);
      expect(r.json.ranked.length).toBeGreaterThan(0);
      expect(r.json.ranked.some((c) => c.count === 1 && c.gistar > 1.96)).toBe(true);
      expect(r.json.ranked.every((c) => c.hotspot === null)).toBe(true);
      expect(r.json.busiest).toEqual([]);
      expect(r.json.giStarRead).toBe(false);
      expect(r.json.expectedPerNeighbourhood).toBeLessThan(1);
      expect(r.json.warnings.join(' ')).toMatch(
        /Too few incidents to mark hotspots: 0\.\d+ incidents fall in a cell’s neighbourhood .* Gi\* needs at least 1\. .*no cell is called a hotspot/u,
      );
    }
    const text = await run([
      ...['hotspots', '--area', 'Knowsley 001C', '--category', 'burglary', '--period', '2019-01'],
      ...['--db', db],
    ]);
    expect(text.stdout).toMatch(/^warning: Too few incidents to mark hotspots/mu);
    // No row of the table is labelled a hotspot (its rows start with a rank and a count).
    expect(text.stdout).not.toMatch(/^ +\d+ +\d+ .* hotspot /mu);
  });

  it('lays no default cell under 50 m on police.uk map points, and names the area’s type', async () => {
    const r = await hotspots('Knowsley 001C', 'burglary');
    expect(r.json.cellSize).toBe(50); // sfhotspot's rule alone: 10 m
    const fine = await hotspots('Knowsley 001C', 'burglary', '--cell', '10');
    expect(fine.json.cellSize).toBe(10); // a cell given is used as given
    const bandwidth = fine.json.warnings.find((w) => w.startsWith('The default bandwidth'));
    expect(bandwidth).toMatch(/across a whole LSOA it smooths heavily/u);
  });

  it('keeps the hotspots of a district with enough incidents', async () => {
    const r = await hotspots('Knowsley', 'violent-crime');
    expect(r.code).toBe(0);
    expect(r.json.giStarRead).toBe(true);
    expect(r.json.expectedPerNeighbourhood).toBeGreaterThanOrEqual(1);
    expect(r.json.busiest.length).toBeGreaterThan(0);
    expect(r.json.warnings.join(' ')).not.toMatch(/Too few incidents/u);
  });
});

describe('the warning of a grid just short of one incident per neighbourhood', () => {
  it('prints what falls short rounded down, never as the minimum itself', async () => {
    // The README's tour: Three Rivers' 250 burglaries of 2025 (246 in its cells) on 2,223 cells
    // of 200 m expect 0.996 a neighbourhood, printed "1 incidents …, and Gi* needs at least 1".
    const demo = demoStoreCopy(dir.path);
    const r = await runJson<HotspotJson>([
      ...['hotspots', '--area', 'Three Rivers', '--category', 'burglary', '--period', '2025'],
      ...['--db', demo],
    ]);
    expect(r.code).toBe(0);
    expect(r.json.giStarRead).toBe(false);
    expect(r.json.expectedPerNeighbourhood).toBeGreaterThan(0.99);
    expect(r.json.expectedPerNeighbourhood).toBeLessThan(1);
    expect(r.json.warnings.join(' ')).toMatch(
      /Too few incidents to mark hotspots: 0\.99 incidents fall in a cell’s neighbourhood/u,
    );
  });
});
