/**
 * What the dashboard compares a period with, on the demo store (Hertfordshire: 2018-10..2019-02,
 * 2021-01..2022-01, 2025). The earlier months lie wholly before the period: a period over twelve
 * months is never compared with months of its own (2019-01..2021-06 against 2019-01..2019-02 read
 * "fell 46%, statistically significant"). And where the change is worked from only some of the
 * months held, the page says which, beside the period's total, so the two are not read together.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { addAccounts, TEST_PASSWORD } from '../helpers/accounts.js';
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

async function get(path: string): Promise<string> {
  const response = await server.app.request(path);
  expect(response.status, path).toBe(200);
  return (await response.text()).replace(/\s+/gu, ' ');
}

const text = (body: string) => body.replace(/<[^>]*>/gu, ' ').replace(/\s+/gu, ' ');

describe('a period over twelve months', () => {
  it('is not compared with months inside it, on the API, trends and the overview', async () => {
    const api = JSON.parse(
      await get('/api/trends?area=Three%20Rivers&category=burglary&period=2019-01..2021-06'),
    ) as { comparison: unknown; previous: unknown; changePct: unknown; pValue: unknown };
    expect(api).toMatchObject({ comparison: null, previous: null, changePct: null, pValue: null });

    const trends = text(
      await get('/trends?area=Three%20Rivers&category=burglary&period=2019-01..2021-06'),
    );
    expect(trends).toContain('no earlier period to compare with');
    expect(trends).not.toContain('Same months of 2019');

    const overview = text(await get('/?area=Three%20Rivers&period=2018-10..2025-12'));
    expect(overview).toContain('2018-10 to 2025-12, with no earlier year held to compare with');
    expect(overview).not.toContain('compared with 2021');
  });

  it('leaves a whole year as it was: 2025 against 2021, four years before', async () => {
    const api = JSON.parse(
      await get('/api/trends?area=Three%20Rivers&category=burglary&period=2025'),
    ) as { comparisonPeriod: unknown; comparison: { yearsBack: number; basis: string } };
    expect(api.comparisonPeriod).toEqual({ from: '2021-01', to: '2021-12' });
    expect(api.comparison).toMatchObject({ yearsBack: 4, basis: 'latest earlier year held' });
  });
});

describe('a change worked from some of the months held', () => {
  // 2021-07..2022-06 holds 2021-07..2022-01; only 2021-10..2022-01 have their month of 2018 held.
  const period = 'area=Three%20Rivers&period=2021-07..2022-06';

  it('shows the count compared beside the period total on trends', async () => {
    const trends = text(await get(`/trends?${period}&category=burglary`));
    expect(trends).toMatch(
      /Recorded, 2021-07 to 2022-06 152 Compared: the 4 months whose same month 3 years earlier is held \(2021-10..2022-01\) 100 Same months of 2018-10..2019-01 185 Change −46%/u,
    );
  });

  it('says which months the overview compares, in the headline and under the table', async () => {
    const overview = text(await get(`/?${period}`));
    expect(overview).toMatch(
      /[\d,]+ crimes recorded .*; −9% on 1,629 the earlier year, comparing 1,475 in the 4 months whose same month 3 years earlier is held \(2021-10..2022-01\)/u,
    );
    expect(overview).toContain(
      'Recorded counts every month held; the earlier count and the change compare only the 4 months',
    );
  });
});

describe("a category's change", () => {
  // Watford 2025 against 2021: robbery +38% is p = 0.018 alone, 0.11 adjusted for testing every
  // category together (the overview's verdict); criminal damage p = 0.046 alone, 0.18 adjusted.
  const verdictOn = (body: string, label: string) =>
    new RegExp(
      `${label}, Watford: [^<]*? [\\d,]+ [\\d,]+ [+−]\\d+% ((?:could|unlikely|very unlikely) [^)]*\\))`,
      'u',
    ).exec(text(body))?.[1];

  it('gets the same verdict on trends as on the overview, with its own p-value beside it', async () => {
    const overview = await get('/?area=Watford&period=2025');
    for (const [category, label] of [
      ['robbery', 'Robbery'],
      ['criminal-damage-arson', 'Criminal damage and arson'],
    ] as const) {
      const said = verdictOn(overview, label);
      expect(said, label).toMatch(/^could be chance \(p = 0\.\d\d\)$/u);
      const trends = text(await get(`/trends?area=Watford&period=2025&category=${category}`));
      expect(trends).toContain(`Is it chance? ${said!}`);
      expect(trends).toMatch(
        /; a change this size could be chance \(p = 0\.\d\d, adjusted for testing \d+ categories together, as the overview does; p = 0\.0\d+ on its own\)/u,
      );
      expect(trends).not.toContain('statistically significant');
    }
  });
});

describe("the trends headline's counts", () => {
  it('are printed as the tiles beside them print them, with thousands separated', async () => {
    // QA: "All crime (excluding ASB) rose 9% (from 4543 to 4949, …)" above tiles of 4,949 and 4,543.
    const trends = text(await get('/trends?area=Three%20Rivers&category=all-crime&period=2025'));
    expect(trends).toContain('rose 9% (from 4,543 to 4,949,');
    expect(trends).not.toMatch(/from \d{4,} to \d{4,}/u);
  });
});

describe('a reader who sees the area as totals only', () => {
  let totals: TestServer;
  let cookie: string;
  beforeAll(async () => {
    const db = demoStoreCopy(dir.path, 'accounts.duckdb');
    await addAccounts(db, [
      { name: 'Alex', role: 'admin' },
      { name: 'Vic', role: 'viewer', grants: [{ area: 'Hertfordshire', level: 'aggregate' }] },
    ]);
    totals = await testServer(db);
    const signIn = await totals.app.request('/sign-in', {
      method: 'POST',
      headers: { Origin: 'http://localhost' },
      body: new URLSearchParams({ who: 'Vic', password: TEST_PASSWORD, next: '/' }),
    });
    cookie = /lantern_session=[^;]+/u.exec(signIn.headers.get('Set-Cookie') ?? '')?.[0] ?? '';
  });
  afterAll(() => totals.close());

  const page = async (path: string) => {
    const r = await totals.app.request(path, { headers: { Cookie: cookie } });
    expect(r.status, path).toBe(200);
    return text(await r.text());
  };

  it('is told the period is partly held, and that there is no earlier year, in words', async () => {
    // The demo store holds 2018-10..2019-02 of this period, and nothing a year before it.
    const period = 'area=Three%20Rivers&period=2018-03..2019-02';
    const overview = await page(`/?${period}`);
    expect(overview).toContain('as totals only');
    expect(overview).toContain('2018-03 to 2019-02, with no earlier year held to compare with.');
    expect(overview).toContain(
      'Partial period: 5 of 12 months held: October 2018 to February 2019. Counts cover the months held only.',
    );
    expect(overview).toMatch(/[\d,]+ crimes recorded; no earlier year to compare with\./u);
    expect(overview).not.toContain('– the earlier year');
    const trends = await page(`/trends?${period}&category=burglary`);
    expect(trends).toContain('as totals only');
    expect(trends).toContain('Partial period: 5 of 12 months held: October 2018 to February 2019.');
  });

  it('reads the change of a whole year as a reader with detail does', async () => {
    const overview = await page('/?area=Three%20Rivers&period=2025');
    expect(overview).toMatch(/[\d,]+ crimes recorded; [+−]\d+% on [\d,]+ the earlier year\./u);
    expect(overview).not.toContain('Partial period');
  });
});

describe('the trends chart of a series with fewer than 13 months held', () => {
  it('draws the months held without an expected range, and says the range needs more months', async () => {
    // The demo store holds the council's ASB reports for 2025 only: 12 months.
    const body = await get('/trends?area=Three%20Rivers&period=2025&category=dataset:asb-council');
    expect(text(body)).not.toContain('nothing to draw');
    expect(body).toContain('<svg');
    expect(text(body)).toContain(
      'recorded each month. No expected range is drawn: only 12 months are held: at least 13 are needed',
    );
    const rows = [...body.matchAll(/<th scope="row">2025-\d\d<\/th> ?<td[^>]*>(\d+)<\/td>/gu)];
    expect(rows).toHaveLength(12);
  });
});

describe('the map and compare pages of a period partly held', () => {
  it('say the period is partly held, and the map accounts for the records it does not draw', async () => {
    const map = text(await get('/map?area=Three%20Rivers&period=2018-03..2019-02'));
    expect(map).toContain(
      'Partial period: 5 of 12 months held: October 2018 to February 2019. The map counts the months held only.',
    );
    const compare = text(await get('/compare?area=Three%20Rivers&period=2018-03..2019-02'));
    expect(compare).toContain('rate per 1,000 residents over the 5 months held against population');
    expect(compare).toContain('Partial period: 5 of 12 months held: October 2018 to February 2019');
  });

  it("map's records in its squares and outside them add up to the overview's total", async () => {
    const trend = JSON.parse(
      await get('/api/trends?area=Three%20Rivers&category=all-crime&period=2025'),
    ) as { current: number };
    const map = text(await get('/map?area=Three%20Rivers&period=2025&category=all-crime'));
    expect(map).not.toContain('Partial period');
    const outside =
      /([\d,]+) of the ([\d,]+) records with a location are at points just over Three Rivers&#39;s boundary, outside the squares drawn/u.exec(
        map,
      );
    const drawn = /where it was recorded in Three Rivers: ([\d,]+) incidents/u.exec(map);
    const n = (s: string | undefined) => Number(s!.replace(/,/gu, ''));
    expect(n(outside?.[2])).toBe(trend.current);
    expect(n(drawn?.[1]) + n(outside?.[1])).toBe(trend.current);
  });
});

describe("the trends page's rate over a period partly held", () => {
  it('says the months it is over', async () => {
    const trends = text(
      await get('/trends?area=Three%20Rivers&category=burglary&period=2019-01..2021-06'),
    );
    expect(trends).toMatch(/Per 1,000 residents, over the 8 months held [\d.]+/u);
    const whole = text(await get('/trends?area=Three%20Rivers&category=burglary&period=2025'));
    expect(whole).toMatch(/Per 1,000 residents [\d.]+/u);
  });
});

describe("the trends page's forecast", () => {
  it('is shown only beside a period ending at the latest month held', async () => {
    const early = text(await get('/trends?area=Three%20Rivers&category=burglary&period=2021'));
    expect(early).toContain(
      'The forecast is of the months after the latest month held (2025-12), not after this view',
    );
    expect(early).not.toContain('The next months, with 80% and 95% prediction intervals');
    expect(early).not.toMatch(/2026-0\d/u);
    const latest = await get('/trends?area=Three%20Rivers&category=burglary&period=2025');
    expect(latest).toMatch(/The next months, with 80% and 95% prediction intervals/u);
    expect(latest).toContain('2026-01');
  });
});

describe('the Period box', () => {
  it('takes "latest 12 months", the words it shows when empty', async () => {
    const typed = text(await get('/?area=Three%20Rivers&period=latest%2012%20months'));
    expect(typed).toContain('Three Rivers, 2025-01 to 2025-12, compared with 2021-01..2021-12');
  });
});

describe('community concern chosen in the category list', () => {
  it('is said to be survey results with no trend or comparison, not an error', async () => {
    for (const [view, what] of [
      ['trends', 'trend by month'],
      ['compare', 'comparison between districts'],
    ] as const) {
      const body = text(
        await get(`/${view}?area=Three%20Rivers&period=2025&category=dataset:community-concern`),
      );
      expect(body).not.toContain('This view cannot be shown');
      expect(body).toContain(
        `Community concern holds survey results (how concerned residents say they are about each issue), not counts by month, so it has no ${what}.`,
      );
    }
  });
});

describe("the priorities' reasons for a change worked from some of the months", () => {
  it('give the count compared and its months, not only the total recorded', async () => {
    // 2021 on the demo store: only 2021-10..2021-12 have their month of 2018 held.
    const body = text(await get('/priorities?area=Three%20Rivers&period=2021'));
    expect(body).toMatch(
      /Violence and sexual offences: 1,911 recorded; .*\+28% from 370 in 2018-10..2018-12 \(the latest earlier year held, 3 years before\) to 472 in 2021-10..2021-12, the 3 months compared \(significant/u,
    );
  });
});
