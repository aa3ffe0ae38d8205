/**
 * A refusal says what is true of the caller's access to the area asked for. Tom, a partner who
 * sees Three Rivers as totals only, asking for Watford, where he has no grant at all, was told
 * "your access shows police.uk street data as totals only … need a detail grant, which a viewer's
 * account does not take": the wrong reason (the data, not the area) and the wrong role. Now an
 * area the caller does not see at all is refused as such. (Dashboard QA, refusal messages.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { addAccounts, signIn } from '../helpers/accounts.js';
import { demoStoreCopy } from '../helpers/demo-store.js';
import { testServer, type TestServer } from '../helpers/server.js';
import { tempDir } from '../helpers/temp.js';

const ORIGIN = { Origin: 'http://localhost' };
const dir = tempDir();
let server: TestServer;
const sessions = new Map<string, Record<string, string>>();

beforeAll(async () => {
  const db = demoStoreCopy(dir.path);
  await addAccounts(db, [
    { name: 'Alex', role: 'admin', grants: [{ area: 'Hertfordshire' }] },
    {
      name: 'Tom',
      role: 'partner',
      organisation: 'Three Rivers DC',
      grants: [{ area: 'Three Rivers', level: 'aggregate' }],
    },
    { name: 'Vic', role: 'viewer', grants: [{ area: 'Watford' }] },
    { name: 'Ana', role: 'analyst', grants: [{ area: 'Hertfordshire', sensitivity: 'partner' }] },
    {
      name: 'Dee',
      role: 'analyst',
      grants: [
        { area: 'Hertfordshire', sensitivity: 'partner' },
        { area: 'Three Rivers', sensitivity: 'restricted' },
      ],
    },
  ]);
  server = await testServer(db);
  for (const who of ['Alex', 'Tom', 'Vic', 'Ana', 'Dee']) {
    sessions.set(who, { Cookie: await signIn(server.app, who), ...ORIGIN });
  }
});
afterAll(() => {
  server.close();
  dir.remove();
});

async function refusal(who: string, path: string): Promise<string> {
  const r = await server.app.request(path, { headers: sessions.get(who) });
  expect(r.status, path).toBe(403);
  return ((await r.json()) as { error: { message: string } }).error.message;
}

describe('a refusal for an area the caller does not see at all', () => {
  it('says the access does not cover the area, not that the data is totals only', async () => {
    for (const [who, area, code] of [
      ['Tom', 'Watford', 'E07000103'],
      ['Vic', 'Dacorum', 'E07000096'],
    ] as const) {
      const message = await refusal(
        who,
        `/api/hotspots?area=${area}&category=burglary&period=2025`,
      );
      expect(message).toMatch(new RegExp(`^your access does not cover ${area} \\(${code}\\)`, 'u'));
      expect(message).not.toContain('totals only');
      expect(message).not.toContain('viewer');
    }
  });

  it('says so on the dashboard’s trends page too', async () => {
    const page = await server.app.request('/trends?area=Watford', { headers: sessions.get('Tom') });
    const text = (await page.text()).replace(/\s+/gu, ' ');
    expect(text).toContain('your access does not cover Watford');
    expect(text).not.toContain('viewer&#39;s account');
    expect(text).not.toContain("viewer's account");
  });

  it('still says "totals only" of an area seen as totals only', async () => {
    const message = await refusal(
      'Tom',
      '/api/hotspots?area=Three%20Rivers&category=burglary&period=2025',
    );
    expect(message).toMatch(/^your access shows Three Rivers \(E07000102\) as totals only/u);
  });
});

describe('an administrator refused an area they hold no grant of', () => {
  it('is told they may grant it to themselves, not to ask the administrator: themselves', async () => {
    // QA: Ada, the store's only admin, was told "ask your Lantern administrator (Ada)".
    const message = await refusal('Alex', '/api/trends?area=Liverpool&category=burglary');
    expect(message).toMatch(/^your access does not cover Liverpool \(E08000012\)/u);
    expect(message).toContain('as an administrator, you may grant it to yourself');
    expect(message).toContain('lantern users grant');
    expect(message).not.toContain('ask your Lantern administrator');
    const page = await server.app.request('/trends?area=Liverpool', {
      headers: sessions.get('Alex'),
    });
    const text = (await page.text()).replace(/\s+/gu, ' ');
    expect(text).toContain('as an administrator, you may grant it to yourself');
    expect(text).not.toContain('ask your Lantern administrator (Alex)');
  });

  it('leaves the wording for others as it was', async () => {
    const message = await refusal('Tom', '/api/trends?area=Liverpool&category=burglary');
    expect(message).toContain('ask your Lantern administrator (Alex)');
    expect(message).not.toContain('grant it to yourself');
  });
});

describe('a viewer refused the detail of an area granted to them', () => {
  it('is told that a viewer’s account shows totals only, not to ask for a grant', async () => {
    // Vic's grant of Watford is a detail grant; a viewer's account sees it as totals only, so
    // asking the administrator for a grant, as the refusal said, could not help.
    const message = await refusal(
      'Vic',
      '/api/hotspots?area=Watford&category=burglary&period=2025',
    );
    expect(message).toMatch(/^your access shows Watford \(E07000103\) as totals only/u);
    expect(message).toContain("A viewer's account shows totals only, whatever its grants");
    expect(message).toContain(
      "ask your Lantern administrator (Alex) for an analyst's or partner's account",
    );
    expect(message).not.toContain('for a grant');
  });

  it('tells a partner with a totals-only grant that a detail grant would show more', async () => {
    const message = await refusal(
      'Tom',
      '/api/hotspots?area=Three%20Rivers&category=burglary&period=2025',
    );
    expect(message).toContain('need a detail grant: ask your Lantern administrator (Alex)');
    expect(message).not.toContain('viewer');
  });
});

describe('the views a refused dashboard page suggests instead', () => {
  // Ana sees Hertfordshire in detail with the partner datasets, not the restricted ones; Dee too,
  // and domestic abuse in Three Rivers only. QA: Ana, refused domestic abuse, was offered the
  // domestic abuse of five other districts, each refused the same way.

  /** The links a refused page offers, each as the path and query it opens. */
  async function suggested(who: string, path: string): Promise<string[]> {
    const r = await server.app.request(path, { headers: sessions.get(who) });
    expect(r.status, `${who} ${path}`).toBe(403);
    const body = await r.text();
    const list = /What you can see instead:<\/p>\s*<ul>([\s\S]*?)<\/ul>/u.exec(body)?.[1] ?? '';
    return [...list.matchAll(/href="([^"]+)"/gu)].map((m) =>
      decodeURIComponent((m[1] as string).replace(/&amp;/gu, '&').replace(/\+/gu, ' ')),
    );
  }

  it('offers only views the caller can open, every one of them answering', async () => {
    const asked: [string, string][] = [
      ['Ana', '/trends?area=Three%20Rivers&period=2025&category=dataset:domestic-abuse'],
      ['Ana', '/compare?area=Watford&period=2025&category=dataset:prevent'],
      ['Dee', '/trends?area=Watford&period=2025&category=dataset:domestic-abuse'],
      ['Tom', '/map?area=Three%20Rivers&period=2025&category=burglary'],
      ['Tom', '/trends?area=Watford&period=2025&category=burglary'],
    ];
    for (const [who, path] of asked) {
      for (const link of await suggested(who, path)) {
        const r = await server.app.request(link, { headers: sessions.get(who) });
        expect(r.status, `${who}: ${path} offered ${link}`).toBe(200);
      }
    }
  });

  it('still offers the totals views of an area seen as totals only', async () => {
    expect(
      await suggested('Tom', '/map?area=Three%20Rivers&period=2025&category=burglary'),
    ).toEqual([
      '/?area=Three Rivers&period=2025&category=burglary',
      '/trends?area=Three Rivers&period=2025&category=burglary',
      '/compare?area=Three Rivers&period=2025&category=burglary',
    ]);
  });

  it('offers a caller without the dataset anywhere its police.uk records, not the dataset elsewhere', async () => {
    expect(
      await suggested(
        'Ana',
        '/trends?area=Three%20Rivers&period=2025&category=dataset:domestic-abuse',
      ),
    ).toEqual(['/trends?area=Three Rivers&period=2025&category=all-crime']);
  });

  it('offers the dataset where the caller’s grants open it', async () => {
    const links = await suggested(
      'Dee',
      '/trends?area=Watford&period=2025&category=dataset:domestic-abuse',
    );
    expect(links).toContain('/trends?area=Watford&period=2025&category=all-crime');
    expect(links).toContain(
      '/trends?area=Three Rivers&period=2025&category=dataset:domestic-abuse',
    );
    expect(links.filter((l) => l.includes('domestic-abuse'))).toHaveLength(1);
  });
});
