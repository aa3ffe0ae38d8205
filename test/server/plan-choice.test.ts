/**
 * The dashboard's Plan page over a store holding the plans of two partnerships (Three Rivers CSP
 * and Watford CSP on the demo store): /plan lists them as links (200, not a 404 dead end), the
 * navigation's /plan?area=… shows the plan of the partnership of that area, and a link from the
 * list opens that plan.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { run } from '../helpers/cli.js';
import { demoStoreCopy } from '../helpers/demo-store.js';
import { threeRiversPlan } from '../helpers/plan.js';
import { testServer, type TestServer } from '../helpers/server.js';
import { tempDir } from '../helpers/temp.js';

const dir = tempDir();
let server: TestServer;

beforeAll(async () => {
  const db = demoStoreCopy(dir.path);
  await threeRiversPlan(db);
  const watford = await run([
    'plan',
    'create',
    '--partnership',
    'Watford CSP',
    '--year',
    '2025-26',
    '--area',
    'Watford',
    '--db',
    db,
  ]);
  expect(watford.code, watford.stderr).toBe(0);
  server = await testServer(db);
});
afterAll(() => {
  server.close();
  dir.remove();
});

const words = (page: string) => page.replace(/<[^>]+>/gu, ' ').replace(/\s+/gu, ' ');

describe('the plan page with the plans of two partnerships', () => {
  it('lists the partnerships and their years as links when none is chosen', async () => {
    const r = await server.app.request('/plan');
    expect(r.status).toBe(200);
    const page = await r.text();
    expect(words(page)).toContain(
      'This store holds the action plans of 2 partnerships: choose one.',
    );
    expect(page).toContain('href="/plan?partnership=Three+Rivers+CSP"');
    expect(page).toContain('href="/plan?year=2025-26&amp;partnership=Watford+CSP"');
    const chosen = await server.app.request('/plan?partnership=Watford+CSP&year=2025-26');
    expect(chosen.status).toBe(200);
    expect(words(await chosen.text())).toContain('Watford CSP');
  });

  it("shows the plan of the dashboard's area from the navigation's link", async () => {
    const r = await server.app.request('/plan?area=Three%20Rivers&category=all-crime');
    expect(r.status).toBe(200);
    const page = await r.text();
    expect(page).toContain('<title>Action plan: Three Rivers CSP 2025-26');
    const other = await server.app.request('/plan?area=Hertfordshire&category=all-crime');
    expect(other.status).toBe(200);
    expect(words(await other.text())).toContain('choose one');
  });
});
