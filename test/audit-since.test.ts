/**
 * `lantern audit --since` on a machine whose clock is set to another zone (a cloud server left on
 * America/New_York): a time typed without a zone is UTC, as the log prints it, and a date that is
 * no day, or in another order, is refused rather than read as some other day.
 */
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { run, runJson } from './helpers/cli.js';
import { tempDir } from './helpers/temp.js';

const dir = tempDir();
const db = join(dir.path, 'audit-since.duckdb');
afterAll(() => dir.remove());

interface Rows {
  rows: { seq: number; at: string }[];
}

/** Runs with the process's time zone set to `zone` (Node reads TZ again when it changes). */
async function inZone<T>(zone: string, f: () => Promise<T>): Promise<T> {
  const before = process.env.TZ;
  process.env.TZ = zone;
  try {
    return await f();
  } finally {
    if (before === undefined) delete process.env.TZ;
    else process.env.TZ = before;
  }
}

let first: { seq: number; at: string };
beforeAll(async () => {
  const added = await run(
    ['users', 'add', '--db', db, '--name', 'Alex', '--email', 'a@herts.gov.uk', '--admin'],
    { LANTERN_PASSWORD: 'a long enough pass phrase' },
  );
  expect(added.code, added.stderr).toBe(0);
  const all = await runJson<Rows>(['audit', '--db', db]);
  first = all.json.rows[0]!;
});

describe('audit --since', () => {
  it('reads a time without a zone as UTC, whatever the machine’s zone', async () => {
    const minute = first.at.slice(0, 16); // "2026-12-07T18:20", the minute the log shows
    const next = new Date(Date.parse(`${minute}:00Z`) + 60_000).toISOString().slice(0, 16);
    for (const zone of ['America/New_York', 'Pacific/Auckland', 'Europe/London', 'Asia/Kolkata']) {
      const from = await inZone(zone, () =>
        runJson<Rows>(['audit', '--db', db, '--since', minute]),
      );
      expect(
        from.json.rows.map((r) => r.seq),
        zone,
      ).toContain(first.seq);
      const after = await inZone(zone, () =>
        runJson<Rows>(['audit', '--db', db, '--since', next.replace('T', ' ')]),
      );
      expect(
        after.json.rows.map((r) => r.seq),
        zone,
      ).not.toContain(first.seq);
    }
    // With a zone, the moment it names.
    const hourAhead = `${new Date(Date.parse(`${minute}:00Z`) + 3_600_000).toISOString().slice(0, 16)}+01:00`;
    const zoned = await runJson<Rows>(['audit', '--db', db, '--since', hourAhead]);
    expect(zoned.json.rows.map((r) => r.seq)).toContain(first.seq);
  });

  it('refuses a day that does not exist, and dates in other orders, naming why', async () => {
    for (const [since, why] of [
      ['2026-06-31', /"2026-06-31" is not a day: June 2026 has 30 days/u],
      ['2026-02-29', /2026 has no 29 February/u],
      ['07/12/2026', /"07\/12\/2026" is not a date \(2026-01-31\)/u],
      ['Dec 7 2026', /is not a date/u],
      ['2026-12-07T24:00', /not a time of day/u],
    ] as const) {
      const refused = await run(['audit', '--db', db, '--since', since]);
      expect(refused.code, since).toBe(2);
      expect(refused.stderr, since).toMatch(why);
    }
  });
});
