/**
 * Trends of a partner dataset with several counts (the demo store's domestic abuse: incidents,
 * crimes, repeat victims, referrals). QA found the page showed the incidents only, with no way to
 * the other counts. Each count is now listed, after the disclosure control `lantern trends
 * --dataset --all` applies, and each opens its own trend, worded as `lantern trends --category`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { DisclosedTrendDocument } from '../../src/analysis/trend-table.js';
import { runJson } from '../helpers/cli.js';
import { demoStoreCopy } from '../helpers/demo-store.js';
import { testServer, type TestServer } from '../helpers/server.js';
import { readerText } from '../helpers/report-pages.js';
import { tempDir } from '../helpers/temp.js';

const dir = tempDir();
let server: TestServer;
let store: string;
beforeAll(async () => {
  store = demoStoreCopy(dir.path);
  server = await testServer(store);
});
afterAll(() => {
  server.close();
  dir.remove();
});

async function get(path: string): Promise<string> {
  const response = await server.app.request(path);
  expect(response.status, path).toBe(200);
  return (await response.text()).replace(/\s+/gu, ' ');
}

const BASE = '/trends?area=Three%20Rivers&period=2025&category=';

/** The rows of the table of counts: name, recorded, earlier year, and the link of each. */
function countRows(body: string): { name: string; cells: string[]; href: string }[] {
  const table =
    /<caption[^>]*> Each count of Domestic abuse[\s\S]*?<\/table>/u.exec(body)?.[0] ?? '';
  return [...table.matchAll(/<tr[^>]*> ?<th scope="row">([\s\S]*?)<\/th>([\s\S]*?)<\/tr>/gu)].map(
    (m) => ({
      name: readerText(m[1] as string)
        .replace('(shown below)', '')
        .trim(),
      href: (/href="([^"]+)"/u.exec(m[1] as string)?.[1] ?? '').replace(/&amp;/gu, '&'),
      cells: [...(m[2] as string).matchAll(/<td[^>]*>([^<]*)<\/td>/gu)].map((c) =>
        (c[1] as string).trim(),
      ),
    }),
  );
}

describe('Trends of a partner dataset with several counts', () => {
  it('lists each count as the CLI gives them, withheld ones as the CLI withholds them', async () => {
    const body = await get(`${BASE}dataset:domestic-abuse`);
    const { json: cli } = await runJson<DisclosedTrendDocument[]>([
      'trends',
      '--area',
      'Three Rivers',
      '--dataset',
      'domestic-abuse',
      '--all',
      '--period',
      '2025',
      '--db',
      store,
    ]);
    const rows = countRows(body);
    expect(rows.map((r) => r.name)).toEqual(['Incidents', 'Crimes', 'Repeat victims', 'Referrals']);
    const shown = (n: number | null, held: string | null | undefined) =>
      held === 'fewer than' ? 'fewer than 5' : held ? 'not shown' : n!.toLocaleString('en-GB');
    expect(rows.map((r) => r.cells.slice(0, 2))).toEqual(
      cli.map((d) => [
        shown(d.current, d.disclosure?.current),
        shown(d.previous, d.disclosure?.previous),
      ]),
    );
    // The demo's referrals hold months of 1 to 4: their totals are withheld, on both.
    expect(rows[3]?.cells.slice(0, 2)).toEqual(['not shown', 'not shown']);
  });

  it('opens each count’s own trend, read as `lantern trends --category` reads it', async () => {
    const rows = countRows(await get(`${BASE}dataset:domestic-abuse`));
    for (const [row, category] of [
      [rows[1], 'crimes'],
      [rows[3], 'referrals'],
    ] as const) {
      const page = await get(row!.href);
      const { json } = await runJson<DisclosedTrendDocument>([
        'trends',
        '--area',
        'Three Rivers',
        '--dataset',
        'domestic-abuse',
        '--category',
        category,
        '--period',
        '2025',
        '--db',
        store,
      ]);
      expect(readerText(page)).toContain(json.reading);
      expect(readerText(page)).toContain(`${json.label} by month`);
      expect(page).toMatch(/<a href="[^"]+" aria-current="page">/u);
    }
  });

  it('keeps the chosen count when the area or period changes in the filters', async () => {
    const body = await get(`${BASE}dataset:domestic-abuse:crimes`);
    expect(body).toContain('value="dataset:domestic-abuse:crimes" selected');
  });

  it('shows no table for a police.uk category', async () => {
    expect(readerText(await get(`${BASE}burglary`))).not.toContain('Each count');
  });
});
