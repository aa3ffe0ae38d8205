/**
 * The server answers everyone on one thread, so no request may hold it for minutes: near-repeat's
 * permutations are limited to a few seconds' work over the API (iterations=20000 of two years of
 * Three Rivers fly-tipping froze the server for 45 s, 99,999 for 5 minutes), and cameras' exact
 * solver to SERVED_MAX_TIME_LIMIT seconds (timeLimit went to 3,600). Refused at once with what
 * would fit; the command line keeps its own limits. (QA of the server, fault 2.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { SERVED_MAX_TIME_LIMIT } from '../../src/commands/cameras.js';
import { demoStoreCopy } from '../helpers/demo-store.js';
import { testServer, type TestServer } from '../helpers/server.js';
import { tempDir } from '../helpers/temp.js';

const dir = tempDir();
let server: TestServer;

beforeAll(async () => {
  server = await testServer(demoStoreCopy(dir.path));
});
afterAll(() => {
  server.close();
  dir.remove();
});

interface Problem {
  error: { type: string; message: string; field?: string };
}

// Nothing here is timed (a busy machine would fail it): a refusal is the answer's status and words.
async function ask(path: string): Promise<{ status: number; body: unknown }> {
  const r = await server.app.request(path);
  return { status: r.status, body: await r.json() };
}

describe('near-repeat over the API', () => {
  const base =
    '/api/near-repeat?area=Three%20Rivers&dataset=fly-tipping&period=2024-01..2025-12&seed=9';

  it('refuses at once more permutations than a few seconds allow, saying how many would', async () => {
    for (const iterations of [20_000, 99_999]) {
      const r = await ask(`${base}&iterations=${iterations}`);
      expect(r.status).toBe(400);
      const { error } = r.body as Problem;
      expect(error.field).toBe('iterations');
      expect(error.message).toMatch(
        /allow [\d,]+ permutations\. Ask for 'iterations' [\d,]+ or fewer.*run lantern near-repeat on the command line/u,
      );
      const allowed = Number(
        /allow ([\d,]+) permutations/u.exec(error.message)![1]!.replace(/,/gu, ''),
      );
      expect(allowed).toBeGreaterThanOrEqual(999);
      expect(allowed).toBeLessThan(iterations);
    }
  });

  it('answers the default 999 permutations', async () => {
    const r = await ask(base.replace('2024-01..2025-12', '2025'));
    expect(r.status).toBe(200);
    expect((r.body as { iterations: number }).iterations).toBe(999);
  });
});

describe('cameras over the API', () => {
  const base =
    '/api/cameras?area=Three%20Rivers&category=all-crime&period=2025&cameras=5&radius=250';

  it('refuses a solver time limit above the server’s', async () => {
    const r = await ask(`${base}&timeLimit=120`);
    expect(r.status).toBe(400);
    const { error } = r.body as Problem;
    expect(error.field).toBe('timeLimit');
    expect(error.message).toContain(`at most ${SERVED_MAX_TIME_LIMIT} seconds`);
    expect(error.message).toContain('run lantern cameras on the command line');
  });

  it('gives the solver the server’s limit when none is asked for', async () => {
    const r = await ask(base);
    expect(r.status).toBe(200);
    expect((r.body as { method: string }).method).toContain(`within ${SERVED_MAX_TIME_LIMIT} s`);
  });
});
