/**
 * Partner data imported within the importer's grants (usecases/import-scope.ts), and an upload's
 * report for its uploader only (server/imports.ts). Found by a QA sweep of the HTTP API: Ana, an
 * analyst granted Three Rivers, could upload Watford's hate crime over the store's (its months
 * replaced), upload restricted domestic abuse without a restricted grant, learn Watford's monthly
 * counts from the refusals ("1 rows, where the store holds 4"), and read another user's upload
 * report by its guessable id.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { addAccounts, TEST_PASSWORD } from './helpers/accounts.js';
import { apiOn, readEvents } from './helpers/api-server.js';
import { run } from './helpers/cli.js';
import { demoStoreCopy } from './helpers/demo-store.js';
import { storeFileFingerprint, type Fingerprint } from './helpers/store-fingerprint.js';
import { tempDir } from './helpers/temp.js';

const ORIGIN = { Origin: 'http://localhost' };
const dir = tempDir();
let db: string;
let api: Awaited<ReturnType<typeof apiOn>>;

const file = (name: string, text: string) => {
  const path = join(dir.path, name);
  writeFileSync(path, text);
  return path;
};
/** Watford's hate crime of March 2025: four incidents, imported by the store's owner. */
const WATFORD = 'date,area,strands,offence_group\n' + '2025-03-0%d,Watford,race,VAP\n'.repeat(4);
const watford = WATFORD.replace(/%d/gu, () => String(Math.floor(Math.random() * 9) + 1));

/** The partner data held (signing in writes sessions, which are not the point here). */
const fingerprint = async (): Promise<Fingerprint> => {
  api.close();
  try {
    const all = await storeFileFingerprint(db);
    return Object.fromEntries(Object.entries(all).filter(([t]) => t.startsWith('partner_')));
  } finally {
    api = await apiOn(db);
  }
};

beforeAll(async () => {
  db = demoStoreCopy(dir.path);
  const owner = await run([
    'import',
    '--dataset',
    'hate-crime',
    file('watford-hate.csv', watford),
    '--db',
    db,
  ]);
  expect(owner.code, owner.stderr).toBe(0);
  await addAccounts(db, [
    { name: 'Alex', role: 'admin', grants: [{ area: 'Hertfordshire' }] },
    {
      name: 'Ana',
      role: 'analyst',
      grants: [{ area: 'Three Rivers', sensitivity: 'partner' }],
    },
    { name: 'Sam', role: 'analyst', grants: [{ area: 'Three Rivers', sensitivity: 'partner' }] },
    {
      name: 'Rita',
      role: 'analyst',
      grants: [{ area: 'Three Rivers', sensitivity: 'restricted' }],
    },
  ]);
  api = await apiOn(db);
});
afterAll(() => {
  api.close();
  dir.remove();
});

async function signedIn(who: string): Promise<Record<string, string>> {
  const r = await api.app.request('/sign-in', {
    method: 'POST',
    headers: ORIGIN,
    body: new URLSearchParams({ who, password: TEST_PASSWORD, next: '/' }),
  });
  const cookie = /lantern_session=[^;]+/u.exec(r.headers.get('Set-Cookie') ?? '')?.[0];
  expect(cookie, `${who} signed in`).toBeDefined();
  return { Cookie: cookie!, ...ORIGIN };
}

async function uploadAs(who: string, name: string, text: string, fields: Record<string, string>) {
  const body = new FormData();
  body.append('file', new File([text], name));
  for (const [k, v] of Object.entries(fields)) body.append(k, v);
  const headers = await signedIn(who);
  const answer = await api.app.request('/api/imports', { method: 'POST', body, headers });
  expect(answer.status).toBe(202);
  const { id, events } = (await answer.json()) as { id: string; events: string };
  const stream = await readEvents(await api.app.request(events, { headers }));
  return { id, events, last: stream[stream.length - 1]! };
}

const filesOf = (last: { data: unknown }) =>
  (last.data as { files: { status: string; error?: string; replaced: number }[] }).files;

describe('an upload of partner data', () => {
  it("refuses a district the uploader's grants do not show, before any count is read back", async () => {
    const before = await fingerprint();
    for (const replace of ['false', 'true']) {
      const { last } = await uploadAs(
        'Ana',
        'watford-one.csv',
        WATFORD.split('\n', 2).join('\n').replace('%d', '5') + '\n',
        {
          dataset: 'hate-crime',
          replace,
        },
      );
      const [report] = filesOf(last);
      expect(report?.status).toBe('refused');
      expect(report?.error).toMatch(
        /watford-one\.csv: your access does not cover Watford \(E07000103\): ask your Lantern administrator \(Alex\).*nothing imported from it/u,
      );
      // Nothing of what the store holds there: no "where the store holds 4".
      expect(report?.error).not.toMatch(/holds|rows,/u);
    }
    expect(await fingerprint()).toEqual(before);
  });

  it('refuses a restricted dataset without a grant that opens it, even in the uploader’s district', async () => {
    const before = await fingerprint();
    const { last } = await uploadAs(
      'Ana',
      'da.csv',
      'month,area,incidents,crimes\n2025-03,Three Rivers,1,1\n',
      { dataset: 'domestic-abuse', replace: 'true' },
    );
    const failed = last.data as { error?: { message: string } };
    const message = last.event === 'failed' ? failed.error?.message : filesOf(last)[0]?.error;
    expect(message).toMatch(/your access does not cover the domestic-abuse dataset/u);
    expect(await fingerprint()).toEqual(before);
  });

  it("imports the uploader's own district", async () => {
    const { last } = await uploadAs(
      'Ana',
      'three-rivers-hate.csv',
      'date,area,strands,offence_group\n2025-03-04,Three Rivers,race,VAP\n',
      // One row where the demo holds more: a replacement the uploader asks for.
      { dataset: 'hate-crime', replace: 'true' },
    );
    expect(filesOf(last)[0]?.status).toBe('imported');
  });

  it("is told to its uploader and admins only, not to another analyst, nor what another's holds", async () => {
    const { events } = await uploadAs(
      'Ana',
      'three-rivers-more.csv',
      'date,area,strands,offence_group\n2025-04-04,Three Rivers,religion,VAP\n',
      { dataset: 'hate-crime', replace: 'true' },
    );
    const sam = await api.app.request(events, { headers: await signedIn('Sam') });
    expect(sam.status).toBe(404);
    const alex = await api.app.request(events, { headers: await signedIn('Alex') });
    expect(alex.status).toBe(200);
    expect(await alex.text()).toContain('three-rivers-more.csv');
  });
});

describe('lantern import --as', () => {
  it("refuses another district's partner data for a user whose grants do not show it", async () => {
    // Not the content the owner imported (that would be "already imported", changing nothing).
    const other = file('w.csv', `${watford}2025-03-09,Watford,race,VAP\n`);
    const r = await run(['import', '--dataset', 'hate-crime', other, '--as', 'Ana', '--db', db], {
      LANTERN_PASSWORD: TEST_PASSWORD,
    });
    expect(r.code).toBe(2);
    expect(r.stdout + r.stderr).toMatch(/your access does not cover Watford/u);
  });

  it("names a restricted dataset's months a file would shrink, never the rows held (found by QA)", async () => {
    // The demo store holds 4 rows of Three Rivers' Prevent for October 2025; the restricted
    // counts are shown to no one, so the refusal must not count them for Rita either.
    const one = file(
      'prevent.csv',
      'month,area,concern,sector,stage,count\n2025-10,E07000102,islamist,education,referral,1\n',
    );
    const before = await fingerprint();
    const r = await run(['import', '--dataset', 'prevent', one, '--as', 'Rita', '--db', db], {
      LANTERN_PASSWORD: TEST_PASSWORD,
    });
    const out = r.stdout + r.stderr;
    expect(r.code, out).toBe(2);
    expect(out).toMatch(
      /prevent\.csv: would replace a month with far fewer rows \(E07000102 2025-10; less than 80% of what is held\)/u,
    );
    expect(out).not.toMatch(/store holds|\d+ rows/u);
    expect(await fingerprint()).toEqual(before);
  });
});
