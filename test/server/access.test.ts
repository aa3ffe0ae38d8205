/**
 * Issue 20 on the server: once a store has accounts, every route checks its caller against the
 * permission it declares, a caller sees only what their grants allow, sessions are httpOnly
 * SameSite cookies, API tokens work for automation, and a form from another site is refused.
 * The whole route table is walked for every role.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { permits, type RequestCaller } from '../../src/server/caller.js';
import { declaredPermissions } from '../../src/server/permissions.js';
import type { Role } from '../../src/domain/access.js';
import { run, runJson } from '../helpers/cli.js';
import { demoStoreCopy } from '../helpers/demo-store.js';
import { testServer, type TestServer } from '../helpers/server.js';
import { tempDir } from '../helpers/temp.js';

const PW = { LANTERN_PASSWORD: 'correct horse battery staple' };
const ORIGIN = { Origin: 'http://localhost' };
const dir = tempDir();
let server: TestServer;
let priyaToken: string;

async function cli(args: string[], db: string) {
  const r = await run([...args, '--db', db], PW);
  if (r.code !== 0) throw new Error(`${args.join(' ')}: ${r.stderr}`);
  return r;
}

beforeAll(async () => {
  const db = demoStoreCopy(dir.path);
  const user = (name: string, role: Role | 'admin') =>
    cli(
      [
        'users',
        'add',
        '--name',
        name,
        '--email',
        `${name.toLowerCase()}@example.gov.uk`,
        '--org',
        'Three Rivers DC',
        ...(role === 'admin' ? ['--admin'] : ['--role', role, '--as', 'Alex']),
      ],
      db,
    );
  await user('Alex', 'admin');
  await user('Priya', 'partner');
  await user('Sam', 'analyst');
  await user('Val', 'viewer');
  await user('Pat', 'partner');
  for (const [who, area, level] of [
    ['Alex', 'Hertfordshire', 'detail'],
    ['Priya', 'Three Rivers', 'detail'],
    ['Sam', 'Hertfordshire', 'detail'],
    ['Val', 'Three Rivers', 'detail'],
    // The issue's partner: Three Rivers in detail, the county in aggregate.
    ['Pat', 'Three Rivers', 'detail'],
    ['Pat', 'Hertfordshire', 'aggregate'],
  ] as const)
    await cli(
      ['users', 'grant', '--user', who, '--area', area, '--level', level, '--as', 'Alex'],
      db,
    );
  const token = await runJson<{ token: string }>(
    [
      'tokens',
      'create',
      '--user',
      'Priya',
      '--name',
      'Power BI',
      '--expires',
      '300d',
      '--as',
      'Alex',
      '--db',
      db,
    ],
    PW,
  );
  priyaToken = token.json.token;
  server = await testServer(db);
});
afterAll(() => {
  server.close();
  dir.remove();
});

/** Signs in and returns the session cookie. */
async function signIn(who: string, password = PW.LANTERN_PASSWORD): Promise<Response> {
  return server.app.request('/sign-in', {
    method: 'POST',
    headers: ORIGIN,
    body: new URLSearchParams({ who, password, next: '/trends?area=Three%20Rivers' }),
  });
}
const cookieOf = (r: Response) =>
  /lantern_session=[^;]+/u.exec(r.headers.get('Set-Cookie') ?? '')?.[0] ?? '';
const sessions = new Map<string, string>();
async function as(who: string): Promise<Record<string, string>> {
  if (!sessions.has(who)) sessions.set(who, cookieOf(await signIn(who)));
  return { Cookie: sessions.get(who)!, ...ORIGIN };
}

describe('signing in', () => {
  it('asks an anonymous reader to sign in, and shows the public routes to anyone', async () => {
    expect((await server.app.request('/api/summary?area=Three%20Rivers')).status).toBe(401);
    const page = await server.app.request('/?area=Three%20Rivers');
    expect(page.status).toBe(302);
    expect(page.headers.get('Location')).toBe('/sign-in?next=%2F%3Farea%3DThree%2520Rivers');
    expect((await server.app.request('/api/openapi.json')).status).toBe(200);
    expect(await (await server.app.request('/sign-in')).text()).toContain('Sign in to Lantern');
  });

  it('gives a session in an httpOnly SameSite=Strict cookie, and goes where the reader was going', async () => {
    const r = await signIn('Priya');
    expect(r.status).toBe(303);
    expect(r.headers.get('Location')).toBe('/trends?area=Three%20Rivers');
    expect(r.headers.get('Set-Cookie')).toMatch(
      /lantern_session=[^;]+; Max-Age=28800; Path=\/; HttpOnly; SameSite=Strict/u,
    );
  });

  it('says the same for a wrong password and an unknown name', async () => {
    const wrong = await signIn('Priya', 'not the password at all');
    const unknown = await signIn('Nobody', 'not the password at all');
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    const message = (t: string) => /role="alert"><p>([^<]*)/u.exec(t.replace(/\s+/gu, ' '))?.[1];
    expect(message(await wrong.text())).toBe(message(await unknown.text()));
  });

  it('never sends a reader to another site after signing in', async () => {
    const r = await server.app.request('/sign-in', {
      method: 'POST',
      headers: ORIGIN,
      body: new URLSearchParams({
        who: 'Val',
        password: PW.LANTERN_PASSWORD,
        next: '//evil.example/',
      }),
    });
    expect(r.headers.get('Location')).toBe('/');
  });

  it('refuses a form posted from another site', async () => {
    const r = await server.app.request('/sign-out', {
      method: 'POST',
      headers: { Cookie: (await as('Val')).Cookie!, Origin: 'http://evil.example' },
      body: new URLSearchParams({}),
    });
    expect(r.status).toBe(403);
  });
});

describe('what each caller sees', () => {
  it('shows a Three Rivers partner Three Rivers, not Watford', async () => {
    const headers = await as('Priya');
    expect(
      (await server.app.request('/api/summary?area=Three%20Rivers&period=2025', { headers }))
        .status,
    ).toBe(200);
    const watford = await server.app.request('/api/summary?area=Watford&period=2025', { headers });
    expect(watford.status).toBe(403);
    expect(((await watford.json()) as { error: { message: string } }).error.message).toMatch(
      /your access does not cover Watford \(E07000103\): ask your Lantern administrator/u,
    );
    const page = await server.app.request('/trends?area=Watford&category=burglary', { headers });
    const text = await page.text();
    expect(text).not.toMatch(/Burglary (rose|fell)/u);
    expect(text.replace(/\s+/gu, ' ')).toMatch(
      /<span>Priya<\/span> <button type="submit" class="link">Sign out<\/button>/u,
    );
  });

  it('never serves one caller an answer kept for another', async () => {
    const alex = await as('Alex');
    expect(
      (await server.app.request('/api/summary?area=Watford&period=2025', { headers: alex })).status,
    ).toBe(200);
    const priya = await as('Priya');
    expect(
      (await server.app.request('/api/summary?area=Watford&period=2025', { headers: priya }))
        .status,
    ).toBe(403);
  });

  it('takes an API token for automation, with its owner’s grants', async () => {
    const bearer = { Authorization: `Bearer ${priyaToken}` };
    expect(
      (
        await server.app.request('/api/summary?area=Three%20Rivers&period=2025', {
          headers: bearer,
        })
      ).status,
    ).toBe(200);
    expect(
      (await server.app.request('/api/summary?area=Watford&period=2025', { headers: bearer }))
        .status,
    ).toBe(403);
    const forged = { Authorization: `Bearer ${priyaToken.slice(0, -4)}AAAA` };
    expect(
      (await server.app.request('/api/summary?area=Three%20Rivers', { headers: forged })).status,
    ).toBe(401);
  });

  it('answers a page’s parallel requests on one session, and a script’s on one token', async () => {
    const session = await as('Priya');
    const bearer = { Authorization: `Bearer ${priyaToken}` };
    const statuses = await Promise.all(
      Array.from({ length: 24 }, async (_, i) => {
        const month = String((i % 12) + 1).padStart(2, '0');
        const r = await server.app.request(
          `/api/summary?area=Three%20Rivers&period=2025-${month}`,
          {
            headers: i % 2 === 0 ? session : bearer,
          },
        );
        return r.status;
      }),
    );
    expect(statuses).toEqual(Array.from({ length: 24 }, () => 200));
  });

  it('lets only an analyst or admin import', async () => {
    const body = () => new FormData();
    for (const [who, status] of [
      ['Priya', 403],
      ['Val', 403],
      ['Sam', 400],
      ['Alex', 400],
    ] as const) {
      const r = await server.app.request('/api/imports', {
        method: 'POST',
        headers: await as(who),
        body: body(),
      });
      expect(r.status, who).toBe(status);
    }
  });
});

interface Trend {
  category: string;
  current: number | null;
  changePct: number | null;
  ratePer1000: number | null;
  months: { month: string; count: number | null; withheld?: string }[];
  disclosure?: { threshold: number; current: string | null };
}
const trendOf = async (r: Response) => (await r.json()) as Trend;
const messageOf = async (r: Response) =>
  ((await r.json()) as { error: { message: string } }).error.message;

describe('totals-only (aggregate) access', () => {
  it('answers a partner the trends of an area granted in aggregate, small counts suppressed', async () => {
    const headers = await as('Pat');
    const r = await server.app.request(
      '/api/trends?area=Watford&category=bicycle-theft&period=2025',
      {
        headers,
      },
    );
    expect(r.status).toBe(200);
    const shown = await trendOf(r);
    const full = await trendOf(
      await server.app.request('/api/trends?area=Watford&category=bicycle-theft&period=2025', {
        headers: await as('Sam'),
      }),
    );
    expect(shown.disclosure?.threshold).toBe(5);
    expect(full.disclosure).toBeUndefined();
    // Every month from 1 to 4 is held back, as is any month that would give one away from the
    // total; nothing shown is small.
    const small = full.months.filter((m) => m.count !== null && m.count > 0 && m.count < 5);
    expect(small.length).toBeGreaterThan(0);
    for (const m of shown.months) {
      const truth = full.months.find((f) => f.month === m.month)!.count;
      if (truth !== null && truth > 0 && truth < 5)
        expect(m).toMatchObject({ count: null, withheld: 'fewer than' });
      if (m.count !== null) expect(m.count === 0 || m.count >= 5).toBe(true);
    }
    // The total less the months shown never gives back a single held-back month.
    const withheld = shown.months.filter((m) => m.withheld);
    if (shown.current !== null) expect(withheld.length === 0 || withheld.length >= 2).toBe(true);
    // No rate or change worked from a held-back count.
    if (shown.current === null) expect(shown.ratePer1000).toBeNull();
    // Every category at once: each month is protected on its own, so bicycle theft's months are
    // held back as in the answer for it alone, and a total is given only where every month of it
    // is shown (none of Watford's year totals is small).
    const trendsOf = async (period: string) =>
      (await (
        await server.app.request(`/api/trends?area=Watford&all=true&period=${period}`, { headers })
      ).json()) as Trend[];
    const all = await trendsOf('2025');
    expect(all.find((d) => d.category === 'bicycle-theft')!.months).toEqual(shown.months);
    for (const d of all)
      expect(d.current === null, d.category).toBe(d.months.some((m) => m.withheld));
    expect(all.filter((d) => d.current !== null).length).toBeGreaterThan(3);
    expect(all.flatMap((d) => d.months).filter((m) => m.withheld).length).toBeGreaterThanOrEqual(2);
    // Two answers of overlapping periods cannot be subtracted: where both totals are given, the
    // difference is January, which is then shown.
    const late = await trendsOf('2025-02..2025-12');
    let compared = 0;
    for (const d of all) {
      const other = late.find((x) => x.category === d.category)!;
      const january = d.months.find((m) => m.month === '2025-01')!;
      if (d.current === null || other.current === null) {
        if (january.withheld) compared += 1;
        continue;
      }
      expect(january.withheld, d.category).toBeUndefined();
      expect(d.current - other.current, d.category).toBe(january.count);
    }
    expect(compared).toBeGreaterThan(0);
  });

  it('answers the summary of that area by category and month, small counts suppressed', async () => {
    const r = await server.app.request('/api/summary?area=Watford&period=2025', {
      headers: await as('Pat'),
    });
    expect(r.status).toBe(200);
    const s = (await r.json()) as {
      categories: {
        category: string;
        total: number | null;
        byMonth: Record<string, number | null>;
        withheld?: Record<string, string>;
      }[];
      totals: { crime: number | null };
      uncounted: unknown;
      disclosure?: { threshold: number };
    };
    expect(s.disclosure?.threshold).toBe(5);
    expect(s.uncounted).toBeNull();
    const bicycles = s.categories.find((c) => c.category === 'bicycle-theft')!;
    expect(bicycles.withheld?.['2025-01']).toBe('fewer than');
    expect(bicycles.byMonth['2025-01']).toBeNull();
    for (const c of s.categories)
      for (const n of Object.values(c.byMonth))
        if (n !== null) expect(n === 0 || n >= 5).toBe(true);
    expect(s.totals.crime).toBe(9163);
  });

  it('refuses the records, map and hotspots of that area, saying whom to ask', async () => {
    const headers = await as('Pat');
    for (const path of [
      '/api/hotspots?area=Watford&category=burglary&period=2025',
      '/api/trends?area=E05011046&category=robbery&period=2025',
    ]) {
      const r = await server.app.request(path, { headers });
      expect(r.status, path).toBe(403);
      expect(await messageOf(r), path).toMatch(/Watford|E05011046|totals only|does not cover/u);
    }
    const hot = await server.app.request(
      '/api/hotspots?area=Watford&category=burglary&period=2025',
      { headers },
    );
    expect(await messageOf(hot)).toMatch(
      /your access shows Watford \(E07000103\) as totals only: .*need a detail grant: ask your Lantern administrator \(Alex\)/u,
    );
    const map = await server.app.request('/map?area=Watford&category=burglary', { headers });
    expect(map.status).toBe(403);
    expect((await map.text()).replace(/\s+/gu, ' ')).toMatch(
      /Watford \(E07000103\) as totals only.*ask your Lantern administrator \(Alex\)/u,
    );
    // Three Rivers, granted in detail, in full.
    const own = await server.app.request(
      '/api/trends?area=Three%20Rivers&category=robbery&period=2025',
      { headers },
    );
    expect((await trendOf(own)).disclosure).toBeUndefined();
  });

  it('shows a viewer the aggregates of their area, and not its records', async () => {
    const headers = await as('Val');
    const r = await server.app.request('/api/trends?area=Three%20Rivers&all=true&period=2025', {
      headers,
    });
    expect(r.status).toBe(200);
    const docs = (await r.json()) as Trend[];
    expect(docs.every((d) => d.disclosure?.threshold === 5)).toBe(true);
    expect(docs.some((d) => d.months.some((m) => m.withheld === 'fewer than'))).toBe(true);
    const page = await server.app.request('/trends?area=Three%20Rivers&category=robbery', {
      headers,
    });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('as totals only');
    const overview = await server.app.request('/?area=Three%20Rivers&period=2025', { headers });
    expect(overview.status).toBe(200);
    const body = (await overview.text()).replace(/\s+/gu, ' ');
    expect(body).toContain('as totals only');
    expect(body).toContain('fewer than 5');
    // No expected ranges or priorities, which are worked from the months and the records.
    expect(body).not.toContain('Months outside their expected range');
    expect(body).not.toContain('Top priorities');
    const hotspots = await server.app.request(
      '/api/hotspots?area=Three%20Rivers&category=burglary&period=2025',
      { headers },
    );
    expect(hotspots.status).toBe(403);
    // Said as totals only, not as data the viewer's access "does not cover".
    expect(((await hotspots.json()) as { error: { message: string } }).error.message).toMatch(
      /your access shows Three Rivers \(E07000102\) as totals only: .* A viewer's account shows totals only, whatever its grants/u,
    );
  });
});

interface Compared {
  areas: { code: string; name: string; count: number; rate: number | null; rank: number | null }[];
  reference: { rate: number | null };
  withheld?: { code: string; name: string; withheld: string }[];
  disclosure?: { threshold: number };
}
const THREE_RIVERS = 'E07000102';

describe('the dashboard for a district partner with the county in aggregate', () => {
  it('offers the areas seen as totals only in the area list, marked so, and the API lists them without record counts', async () => {
    const headers = await as('Pat');
    const page = (
      await (await server.app.request('/?area=Three%20Rivers', { headers })).text()
    ).replace(/\s+/gu, ' ');
    expect(page).toMatch(/<optgroup label="Hertfordshire">/u);
    expect(page).toContain('Hertfordshire (whole force, totals only)');
    expect(page).toMatch(/<option value="Watford" > Watford \(totals only\) <\/option>/u);
    expect(page).toMatch(/<option value="Three Rivers" selected> Three Rivers <\/option>/u);
    const listing = (await (
      await server.app.request('/api/areas?type=district', { headers })
    ).json()) as {
      areas: { name: string; crime: number }[];
      totalsOnly: { name: string; level: string; crime?: number }[];
    };
    expect(listing.areas.map((a) => a.name)).toEqual(['Three Rivers']);
    expect(listing.totalsOnly.map((a) => a.name)).toContain('Watford');
    expect(listing.totalsOnly.every((a) => a.level === 'aggregate' && a.crime === undefined)).toBe(
      true,
    );
    // The data page does not say the store holds no police.uk data because no force is theirs.
    const data = (await (await server.app.request('/data', { headers })).text()).replace(
      /\s+/gu,
      ' ',
    );
    expect(data).not.toContain('No police.uk data yet');
    expect(data).toContain('Your access covers no whole force in detail');
    expect(data).toContain('(Hertfordshire: totals only');
    // A partner granted a district and nothing of its force still has it to choose.
    const priya = (
      await (
        await server.app.request('/?area=Three%20Rivers', { headers: await as('Priya') })
      ).text()
    ).replace(/\s+/gu, ' ');
    expect(priya).toMatch(
      /<optgroup label="Your districts"> <option value="Three Rivers" selected>/u,
    );
    expect(priya).not.toContain('Watford');
  });

  it('shows the priorities of their own district, assessed without the county they see as totals only', async () => {
    const r = await server.app.request('/priorities?area=Three%20Rivers&period=2025', {
      headers: await as('Pat'),
    });
    expect(r.status).toBe(200);
    const text = (await r.text()).replace(/\s+/gu, ' ');
    expect(text).toContain('Your access does not show Hertfordshire in detail');
    expect(text).toContain('Each issue, and why');
    const api = (await (
      await server.app.request('/api/assess?area=Three%20Rivers&period=2025&allowPartial=true', {
        headers: await as('Pat'),
      })
    ).json()) as { force: unknown; county: unknown; forceLeftOut?: { name: string } };
    expect(api).toMatchObject({
      force: null,
      county: null,
      forceLeftOut: { name: 'Hertfordshire' },
    });
    expect(JSON.stringify(api)).not.toMatch(/× the force rate/u);
    // So does a partner granted the district alone.
    const priya = await server.app.request('/priorities?area=Three%20Rivers&period=2025', {
      headers: await as('Priya'),
    });
    expect(priya.status).toBe(200);
    expect(await priya.text()).toContain('Your access does not show Hertfordshire in detail');
  });

  it('compares their district with the others by the counts the others’ trends show, leaving out those held back', async () => {
    const query = 'within=Hertfordshire&category=bicycle-theft&period=2025-01';
    const r = await server.app.request(`/api/compare?${query}`, { headers: await as('Pat') });
    expect(r.status).toBe(200);
    const shown = (await r.json()) as Compared;
    const full = (await (
      await server.app.request(`/api/compare?${query}`, { headers: await as('Sam') })
    ).json()) as Compared;
    const truth = new Map(full.areas.map((a) => [a.code, a.count]));
    expect(shown.disclosure?.threshold).toBe(5);
    // Watford's 4 bicycle thefts that month are held back, and with them every other district
    // whose trends hold theirs back: none is in the comparison, so no rate gives it back.
    expect(shown.withheld).toContainEqual({
      code: 'E07000103',
      name: 'Watford',
      withheld: 'fewer than',
    });
    const held = new Set(shown.withheld!.map((w) => w.code));
    expect(shown.areas.some((a) => held.has(a.code))).toBe(false);
    for (const code of held) {
      const n = truth.get(code)!;
      // Small ones, and those that would give one back; every small one is among them.
      expect(n).toBeGreaterThan(0);
    }
    for (const [code, n] of truth)
      if (code !== THREE_RIVERS && n > 0 && n < 5) expect(held.has(code), code).toBe(true);
    // Every other district shown has the count its trends show, and Three Rivers its own.
    const others = shown.areas.filter((a) => a.code !== THREE_RIVERS);
    expect(others.length).toBeGreaterThan(0);
    for (const a of others) {
      expect(a.count).toBe(truth.get(a.code));
      expect(a.count === 0 || a.count >= 5, a.name).toBe(true);
      const trend = await trendOf(
        await server.app.request(
          `/api/trends?area=${a.code}&category=bicycle-theft&period=2025-01`,
          { headers: await as('Pat') },
        ),
      );
      expect(trend.current, a.name).toBe(a.count);
    }
    expect(shown.areas.find((a) => a.code === THREE_RIVERS)?.count).toBe(truth.get(THREE_RIVERS));
    // The group's rate is of the districts shown only.
    const ranks = shown.areas.map((a) => a.rank).filter((k) => k !== null);
    expect(Math.max(...ranks)).toBe(shown.areas.length);

    // The page: the districts shown, and the others named as left out, without their counts.
    const page = await server.app.request(
      '/compare?area=Three%20Rivers&category=bicycle-theft&period=2025-01',
      { headers: await as('Pat') },
    );
    expect(page.status).toBe(200);
    const text = (await page.text()).replace(/\s+/gu, ' ');
    const rows = [
      ...text.matchAll(
        /<th scope="row"><a [^>]*>([^<]+)<\/a><\/th><td class="num">([^<]*)<\/td>/gu,
      ),
    ].map((m) => [m[1]!, Number(m[2]!.replace(/,/gu, ''))] as const);
    expect(rows.map(([name]) => name).sort()).toEqual(shown.areas.map((a) => a.name).sort());
    for (const [name, n] of rows) if (name !== 'Three Rivers') expect(n === 0 || n >= 5).toBe(true);
    expect(text).toMatch(
      /Left out, seen as totals only under your access: .*Watford<\/a ?> \(fewer than 5\)/u,
    );
  });

  it('sends a reader refused a view of an area seen as totals only to the views that show it', async () => {
    const r = await server.app.request('/map?area=Watford&category=burglary', {
      headers: await as('Pat'),
    });
    expect(r.status).toBe(403);
    const text = await r.text();
    expect(text).toContain('What you can see instead:');
    expect(text).toContain('href="/trends?area=Watford&amp;category=burglary"');
    expect(text).toContain('href="/map?area=Three+Rivers&amp;category=burglary"');
  });
});

describe('the whole route table, for every role', () => {
  const callers: [
    string,
    () => Promise<Record<string, string>>,
    RequestCaller['kind'],
    Role | null,
  ][] = [
    ['anonymous', async () => ORIGIN, 'anonymous', null],
    ['viewer', () => as('Val'), 'user', 'viewer'],
    ['partner', () => as('Priya'), 'user', 'partner'],
    ['partner with aggregate grants', () => as('Pat'), 'user', 'partner'],
    ['analyst', () => as('Sam'), 'user', 'analyst'],
    ['admin', () => as('Alex'), 'user', 'admin'],
  ];
  it.each(callers)(
    '%s is refused every route it may not use, and only those',
    async (_name, headers, kind, role) => {
      const caller = (kind === 'anonymous' ? { kind } : { kind, user: { role } }) as RequestCaller;
      const table = [...declaredPermissions(server.app)];
      expect(table.length).toBeGreaterThan(30);
      for (const [key, permission] of table) {
        const [method, path] = key.split(' ') as [string, string];
        // Signing out would end the session the walk uses; a refused sign-in is tested above.
        if (path === '/sign-out' || path === '/sign-in') continue;
        // A period no route accepts: a route the caller may use answers 400 at once (its page or
        // command is not made), after the permission, which is checked first; one it may not
        // use is refused (403) as before. What is answered when the period is good is tested above.
        const url = `${path.replace(':file', 'summary.csv').replace(':id', 'none')}${method === 'GET' ? '?period=not-a-period' : ''}`;
        const r = await server.app.request(url, {
          method,
          headers: await headers(),
          ...(method === 'POST' ? { body: new FormData() } : {}),
        });
        // Refused by the route's permission (not by the data's grants, which answer 403 too).
        const refused = r.headers.get('X-Lantern-Refused') !== null;
        expect(refused, `${key} (${permission}) for ${kind} ${role ?? ''}: ${r.status}`).toBe(
          !permits(caller, permission),
        );
      }
    },
  );

  /** The routes that show an area seen in aggregate only: its totals, after disclosure control. */
  const TOTALS_ROUTES = [
    'GET /api/trends',
    'GET /api/summary',
    'GET /trends',
    'GET /',
    'GET /compare',
  ];
  /** Routes that answer the same whatever the area (descriptions, lists, the caller's own). */
  const AREA_FREE =
    /^GET \/(api\/(openapi\.json|ping|categories|datasets|areas|imports.*|exports)|static\/|sign-in|data$)/u;

  it.each([
    // Compare sets Watford beside the other districts, the partner's own among them.
    ['partner with aggregate grants', 'Pat', 'Watford', ['GET /compare']],
    // The viewer sees no other district of the force, so has nothing to compare with.
    ['viewer', 'Val', 'Three Rivers', []],
  ])(
    'a %s reading an area seen in aggregate gets totals from the totals routes only',
    async (_name, who, area, comparing) => {
      const answered: string[] = [];
      for (const [key, permission] of declaredPermissions(server.app)) {
        const [method, path] = key.split(' ') as [string, string];
        if (method !== 'GET' || permission === 'public' || AREA_FREE.test(key)) continue;
        if (path.includes(':')) continue;
        const query = new URLSearchParams({ area, category: 'robbery', period: '2025' });
        const r = await server.app.request(`${path}?${query}`, { headers: await as(who) });
        // A page may answer 200 saying there is nothing it can show (the area is not among the
        // caller's choices): that shows nothing of the area.
        if (r.status === 200) {
          if (!(await r.text()).includes('class="notice empty"')) answered.push(key);
        } else expect([400, 403, 404], `${key}: ${r.status}`).toContain(r.status);
      }
      expect(answered.filter((k) => !TOTALS_ROUTES.includes(k))).toEqual([]);
      // (The summary takes no category, so this walk's query is refused there: tested above.)
      expect(answered).toEqual(
        expect.arrayContaining(
          TOTALS_ROUTES.filter(
            (k) => k !== 'GET /api/summary' && (k !== 'GET /compare' || comparing.includes(k)),
          ),
        ),
      );
    },
  );
});
