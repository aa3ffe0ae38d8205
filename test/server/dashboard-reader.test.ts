/**
 * What a reader of the dashboard and the public page is told. The dashboard's Priorities and Overview score an area without the partnership's inputs file (the
 * manual scores), so their bands can differ from the strategic assessment's (Three Rivers 2025:
 * burglary Medium here, High in the report). They say so, and name the saved assessment of the
 * same area and period when there is one, with how many issues it bands otherwise once compared.
 * A change across a known discontinuity (Three Rivers 2025 against 2021, lockdown) carries the
 * report's caveat on every page that shows it: the overview, the trends, the public page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { runJson } from '../helpers/cli.js';
import { demoStoreCopy } from '../helpers/demo-store.js';
import { testServer, type TestServer } from '../helpers/server.js';
import { tempDir } from '../helpers/temp.js';

const dir = tempDir();
let server: TestServer;
let storePath: string;
beforeAll(async () => {
  storePath = demoStoreCopy(dir.path);
  server = await testServer(storePath);
});
afterAll(() => {
  server.close();
  dir.remove();
});

async function get(path: string): Promise<string> {
  const response = await server.app.request(path);
  expect(response.status).toBe(200);
  return (await response.text()).replace(/\s+/gu, ' ');
}

const WITHOUT =
  'Scored without the partnership&#39;s manual scores (vulnerability, community impact, position)';

const BREAK = 'The changes span known discontinuities: COVID-19 legal restrictions in England';

describe('a change across a known discontinuity', () => {
  it("carries the report's caveat on the overview, the trends and the public page", async () => {
    for (const page of [
      '/?area=Three%20Rivers&period=2025',
      '/trends?area=Three%20Rivers&period=2025&category=shoplifting',
      '/public/three-rivers',
    ]) {
      const body = await get(page);
      expect(body, page).toContain('+114%'.replace('+', page.startsWith('/public') ? 'up ' : '+'));
      expect(body, page).toContain(BREAK);
    }
  });
});

describe("the public page's contacts", () => {
  it('leave 999 and 101 unmarked, and mark only the details not yet checked', async () => {
    const body = await get('/public/three-rivers');
    const cards = [...body.matchAll(/<li class="card"> ?<h3>([^<]*)<\/h3>.*?<\/li>/gu)];
    const emergency = cards.find((c) => c[1]!.includes('999'))?.[0] ?? '';
    const other = cards.find((c) => c[1]!.includes('101'))?.[0] ?? '';
    expect(emergency).toContain('tel:999');
    for (const card of [emergency, other]) expect(card).not.toContain('We have not yet checked');
    // 999's text relay number is what is not yet checked, and is marked so.
    expect(emergency).toContain('18000 <span class="unchecked">(not yet checked)</span>');
  });
});

describe('a rate over part of the period', () => {
  it("says the months it covers, on the overview and in the priorities' reasons", async () => {
    // The demo store holds July to December 2025 of this period: 6 of its 12 months.
    const period = 'area=Three%20Rivers&period=2025-07..2026-06';
    const overview = await get(`/?${period}`);
    expect(overview).toMatch(
      /crimes recorded \([\d.]+ per 1,000 residents over the 6 months held\)/u,
    );
    const priorities = await get(`/priorities?${period}`);
    expect(priorities).toMatch(
      /[\d.]+ per 1,000 over the 6 months held against [\d.]+ for the force/u,
    );
    expect(priorities).not.toMatch(/[\d.]+ per 1,000 against/u);
  });
});

describe('scores made without the inputs file', () => {
  it('are said to be so on the Priorities and the Overview', async () => {
    for (const page of ['/priorities', '/']) {
      const body = await get(`${page}?area=Three%20Rivers&period=2025`);
      expect(body, page).toContain(WITHOUT);
      expect(body, page).toContain('may band issues differently');
    }
  });

  it('name the saved assessment of the same area and period, and how many issues it bands otherwise', async () => {
    // Saved while no server holds the store open, as an analyst would between two sessions.
    server.close();
    const saved = await runJson<{ id: string }>([
      'assess',
      '--area',
      'Three Rivers',
      '--period',
      '2025-01..2025-12',
      '--inputs',
      'config/examples/three-rivers-2025-26.yaml',
      '--db',
      storePath,
    ]);
    expect(saved.code, saved.stderr).toBe(0);
    const id = saved.json.id;
    server = await testServer(storePath);
    const body = await get('/priorities?area=Three%20Rivers&period=2025');
    expect(body).toContain(`(${id}, with config/examples/three-rivers-2025-26.yaml)`);
    expect(body).toContain(`compareWith=${id}`);
    const compared = await get(`/priorities?area=Three%20Rivers&period=2025&compareWith=${id}`);
    expect(compared).toMatch(/made with them, bands [1-9]\d* issues? differently/u);
  });
});

describe('the data page', () => {
  it('says which months of police.uk data are held, as runs, and which are missing between them', async () => {
    const body = await get('/data');
    // The demo store: Hertfordshire in three runs with gaps.
    expect(body).toContain(
      'Months held: October 2018 to February 2019, January 2021 to January 2022 and January to December 2025 (30 months). Not held between them: March 2019 to December 2020 and February 2022 to December 2024 (57 months). A month not held is unknown, never counted as zero.',
    );
  });
});
