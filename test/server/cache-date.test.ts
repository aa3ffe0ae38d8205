/**
 * An answer kept by the server is served only on the day it was made: /api/plan/overdue kept the
 * day it was first answered ("today": "2026-01-30", nothing overdue) after the clock had moved to
 * 2026-03-15, until an import or a plan edit. (QA of the server, fault 7.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { demoStoreCopy } from '../helpers/demo-store.js';
import { threeRiversPlan } from '../helpers/plan.js';
import { testServer, type TestServer } from '../helpers/server.js';
import { tempDir } from '../helpers/temp.js';

const dir = tempDir();
let server: TestServer;
let now = new Date('2026-01-30T12:00:00Z');

beforeAll(async () => {
  const db = demoStoreCopy(dir.path);
  await threeRiversPlan(db);
  server = await testServer(db, { clock: () => now });
});
afterAll(() => {
  server.close();
  dir.remove();
});

const overdue = async () => {
  const r = await server.app.request(
    '/api/plan/overdue?partnership=Three%20Rivers%20CSP&year=2025-26',
  );
  expect(r.status).toBe(200);
  return ((await r.json()) as { today: string }).today;
};

describe('a kept answer', () => {
  it('is served again the same day, and made afresh the next', async () => {
    expect(await overdue()).toBe('2026-01-30');
    now = new Date('2026-01-30T23:00:00Z');
    expect(await overdue()).toBe('2026-01-30');
    now = new Date('2026-03-15T12:00:00Z');
    expect(await overdue()).toBe('2026-03-15');
  });
});
