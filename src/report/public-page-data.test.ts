/**
 * The public page's headline table and its HTML, from plain values: counts from 1 to 4 are
 * "fewer than 5", all crime with a small category is a range, a change is given only beside two
 * counts shown (and not when the months compared, or those left out, hold 1 to 4); for random
 * tables, no suppressed count can be worked back from the page (the exact check, HiGHS). The
 * page escapes every text it is given, says plainly what it does not hold, and reads as plain
 * English.
 */
import fc from 'fast-check';
import type { Highs } from 'highs';
import { beforeAll, describe, expect, it } from 'vitest';

import { attackHeadline, headlineRows } from '../../test/helpers/public-page-audit.js';
import { readability } from '../analysis/readability.js';
import { escapeXml as esc } from '../charts/svg.js';
import type { TrendDocument } from '../analysis/trend-table.js';
import { CURRENT_CATEGORIES, categoryLabel } from '../domain/categories.js';
import { DEFAULT_DISCLOSURE_POLICY } from '../domain/disclosure/table.js';
import { monthsIn } from '../domain/month.js';
import type { Assessment } from '../domain/assessment.js';
import { headlineTrends, slugOf, unfitToPublish, type PublicPage } from './public-page-data.js';
import { NO_PLAN, NO_PUBLIC_ACTIONS, publicPageHtml, publicPageProse } from './public-page-html.js';

let highs: Highs;
beforeAll(async () => {
  const loader = (await import('highs')) as unknown as { default: () => Promise<Highs> };
  highs = await loader.default();
});

const PERIOD = { from: '2025-01', to: '2025-12' };

function doc(
  category: string,
  current: number,
  previous: number | null,
  compared = current,
): TrendDocument {
  return {
    area: { code: 'E07000102', name: 'Three Rivers', type: 'district' },
    category,
    label:
      category === 'all-crime' ? 'All crime (excluding ASB)' : categoryLabel(category as never),
    period: PERIOD,
    comparisonPeriod: previous === null ? null : { from: '2024-01', to: '2024-12' },
    comparison:
      previous === null
        ? null
        : {
            currentMonths: monthsIn(PERIOD),
            previousMonths: monthsIn({ from: '2024-01', to: '2024-12' }),
            label: '2024-01..2024-12',
            base: '2024',
            yearsBack: 1,
            basis: 'previous year',
            current: compared,
            unpaired: [],
            discontinuities: [],
          },
    coverage: { months: 12, held: 12, partial: false, words: null },
    current,
    previous,
    change: previous === null ? null : compared - previous,
    changePct: previous ? ((compared - previous) / previous) * 100 : null,
    rateRatio: null,
    ci95: null,
    pValue: 0.01,
    ratePer1000: null,
    ratePer1000PerMonth: null,
    population: null,
    months: monthsIn(PERIOD).map((month) => ({ month, count: 0 })),
    reading: '',
    notes: [],
  };
}

/** Every category with its counts now and a year before, then all crime (ASB left out of it). */
function documents(counts: readonly (readonly [number, number])[]): TrendDocument[] {
  const cats = CURRENT_CATEGORIES.map((c, i) => doc(c, counts[i]![0], counts[i]![1]));
  const crime = cats.filter((c) => c.category !== 'anti-social-behaviour');
  const sum = (f: (d: TrendDocument) => number) => crime.reduce((s, d) => s + f(d), 0);
  return [
    ...cats,
    doc(
      'all-crime',
      sum((d) => d.current),
      sum((d) => d.previous!),
    ),
  ];
}

function page(overrides: Partial<PublicPage> = {}): PublicPage {
  return {
    area: { code: 'E07000102', name: 'Three Rivers', slug: 'three-rivers' },
    made: '2026-12-06',
    priorities: null,
    trends: null,
    noTrends: null,
    actions: [],
    youSaidWeDid: [],
    contacts: [
      {
        id: 'police-emergency',
        name: 'In an emergency, call 999',
        what: 'Call 999 if a crime is happening now.',
        phone: '999',
        hours: '',
        source: '',
        verified: true,
      },
    ],
    services: [],
    hidden: null,
    threshold: 5,
    ...overrides,
  };
}

const truthOf = (docs: readonly TrendDocument[]) =>
  docs.map((d) => ({
    label: d.label,
    category: d.category,
    current: d.current,
    previous: d.previous,
  }));

describe('the headline table', () => {
  const counts = CURRENT_CATEGORIES.map((c): [number, number] =>
    c === 'burglary' ? [3, 6] : c === 'robbery' ? [8, 2] : c === 'drugs' ? [0, 0] : [40, 30],
  );
  const docs = documents(counts);
  const t = headlineTrends(docs, DEFAULT_DISCLOSURE_POLICY)!;
  const row = (key: string) => t.rows.find((r) => r.key === key)!;

  it('says "fewer than 5" for counts from 1 to 4, shows zero, and gives no change beside one', () => {
    expect(row('burglary').current.text).toBe('fewer than 5');
    expect(row('burglary').previous?.text).toBe('6');
    expect(row('burglary').changePct).toBeNull();
    expect(row('burglary').change).toBe('not given');
    expect(row('robbery').previous?.text).toBe('fewer than 5');
    expect(row('robbery').changePct).toBeNull();
    expect(row('drugs').current.text).toBe('0');
    expect(row('violent-crime').change).toBe('up 33%');
  });

  it('gives all crime with a small category as the range its shown categories allow', () => {
    const all = t.rows[0]!;
    const shown = docs
      .filter((d) => !['all-crime', 'anti-social-behaviour', 'burglary'].includes(d.category))
      .reduce((s, d) => s + d.current, 0);
    expect(all.current.text).toBe(`${shown + 1} to ${shown + 4}`);
    expect(all.changePct).toBeNull();
  });

  it('keeps the categories in their fixed order, whatever their counts', () => {
    expect(t.rows.slice(1).map((r) => r.key)).toEqual([...CURRENT_CATEGORIES]);
  });

  it('gives no change when the months left out of the comparison are 1 to 4', () => {
    const left = headlineTrends(
      [doc('violent-crime', 40, 30, 37), doc('all-crime', 40, 30, 37)],
      DEFAULT_DISCLOSURE_POLICY,
    )!;
    expect(left.rows.every((r) => r.changePct === null)).toBe(true);
    const many = headlineTrends(
      [doc('violent-crime', 40, 30, 30), doc('all-crime', 40, 30, 30)],
      DEFAULT_DISCLOSURE_POLICY,
    )!;
    expect(many.rows[1]!.changePct).toBe(0);
  });

  it('gives no change when the months compared hold 1 to 4 (found by QA)', () => {
    // Three Rivers' robbery of 2021, 15, against October to December 2018, 18: the change of
    // October to December 2021 (2) against 18, "down 89%", gave the 2 back.
    const few = headlineTrends(
      [doc('robbery', 15, 18, 2), doc('all-crime', 15, 18, 2)],
      DEFAULT_DISCLOSURE_POLICY,
    )!;
    expect(few.rows.map((r) => [r.current.text, r.previous?.text, r.changePct])).toEqual([
      ['15', '18', null],
      ['15', '18', null],
    ]);
    const five = headlineTrends(
      [doc('robbery', 15, 18, 5), doc('all-crime', 15, 18, 5)],
      DEFAULT_DISCLOSURE_POLICY,
    )!;
    expect(five.rows[1]!.changePct).toBeCloseTo(-72.2, 1);
  });

  it('names the months held (not those not held), and those with no month a year before to compare', () => {
    const all = doc('all-crime', 40, 30);
    all.months = all.months.map((m) =>
      ['2025-03', '2025-04', '2025-11'].includes(m.month) ? { ...m, count: null } : m,
    );
    all.comparison = { ...all.comparison!, unpaired: ['2025-01'] };
    const held = headlineTrends([doc('violent-crime', 40, 30), all], DEFAULT_DISCLOSURE_POLICY)!;
    expect(held.notHeld).toBe('March to April and November 2025');
    expect(held.notCompared).toBe('January 2025');
    const html = publicPageHtml(page({ trends: held }), readability('A b.'), 'public.css');
    // The months held are named; those not held are not (the first sentence counts only those held).
    expect(html).not.toContain('We do not have the figures for');
    expect(html).toContain('There are no figures a year before January 2025');
    // The heading, the column and the first sentence name the months held, not the 12 asked for.
    expect(held.held).toBe('January to February, May to October and December 2025');
    expect(html).toContain('Crime in the latest months we have');
    expect(html).toContain('>January to February, May to October and December 2025</th>');
    expect(html).toContain(
      'In January to February, May to October and December 2025, the months we have',
    );
    expect(t.notHeld).toBeNull();
    expect(t.held).toBeNull();
  });

  it('leaves no suppressed count to be worked back, in random tables (exact check)', () => {
    let suppressed = 0;
    const count = fc.oneof(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 60 }));
    fc.assert(
      fc.property(
        fc.array(fc.tuple(count, count), {
          minLength: CURRENT_CATEGORIES.length,
          maxLength: CURRENT_CATEGORIES.length,
        }),
        (random) => {
          const d = documents(random);
          const trends = headlineTrends(d, DEFAULT_DISCLOSURE_POLICY)!;
          const html = publicPageHtml(page({ trends }), readability('A b.'), 'public.css');
          const attack = attackHeadline(highs, headlineRows(html), truthOf(d));
          expect(attack.broken).toEqual([]);
          expect(attack.pinned).toEqual([]);
          expect(attack.exact).toEqual([]);
          suppressed += attack.suppressed;
        },
      ),
      { numRuns: 60, seed: 22 },
    );
    expect(suppressed).toBeGreaterThan(100);
  });
});

describe('the page', () => {
  it('escapes a district name and settings text that hold markup', () => {
    const evil = '<script>alert(1)</script>';
    const html = publicPageHtml(
      page({
        area: { code: 'X', name: `Evil ${evil}`, slug: 'evil' },
        youSaidWeDid: [{ youSaid: evil, weDid: `"><img src=x onerror=alert(1)>`, when: evil }],
        contacts: [
          {
            id: 'c',
            name: evil,
            what: evil,
            web: 'https://example.org/?a="><script>alert(1)</script>',
            hours: '',
            source: '',
            verified: false,
          },
        ],
      }),
      readability('A b.'),
      'public.css',
    );
    expect(html).not.toMatch(/<script|<img/iu);
    expect(html).toContain('&quot;&gt;&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('says plainly what it does not hold: no priorities, no plan, no "You said, we did"', () => {
    const html = publicPageHtml(page(), readability('A b.'), 'public.css');
    expect(html).toContain('has not yet published its priorities for Three Rivers.');
    expect(html).toContain(esc(NO_PLAN));
    expect(html).toContain('No "You said, we did" items have been published for Three Rivers yet.');
    expect(html).toContain('<html lang="en-GB">');
    expect(html).not.toMatch(/<script|style=/u);
  });

  it('says a plan is held when none of its actions is public, rather than that there is no plan', () => {
    const html = publicPageHtml(page({ planHeld: true }), readability('A b.'), 'public.css');
    expect(html).toContain(esc(NO_PUBLIC_ACTIONS));
    expect(html).not.toContain(esc(NO_PLAN));
    expect(publicPageProse(page({ planHeld: true }))).toContain(NO_PUBLIC_ACTIONS);
  });

  it("names the plan's year, and says when it is last year's, this year's not yet made", () => {
    // QA (year 2): on 10 April 2027, with only the 2026-27 plan held, the page gave its priorities
    // and actions as "its plan" and said "an action plan for this year" with no year anywhere.
    const planned = (shown: string, today: string, actions: PublicPage['actions'] = []) =>
      page({
        made: '2027-04-10',
        planHeld: true,
        planYear: { shown, today },
        actions,
        priorities: {
          period: { from: '2025-01', to: '2025-12' },
          savedAt: '2026-12-07 21:07:20',
          items: [{ label: 'Burglary', band: 'High' }],
        },
      });
    const action = { priority: 'Burglary', title: 'Alley gates', status: 'Not started', due: null };
    const last = publicPageProse(planned('2026-27', '2027-28', [action])).join(' ');
    expect(last).toContain(
      'These are the priorities of its plan for April 2026 to March 2027. They come from the figures for January to December 2025.',
    );
    expect(last).toContain(
      'The plan for this year, April 2027 to March 2028, has not been published yet.',
    );
    expect(last).toContain(
      'These actions are from the plan for April 2026 to March 2027. The plan for this year is not published yet.',
    );
    const none = publicPageProse(planned('2026-27', '2027-28')).join(' ');
    expect(none).not.toContain(NO_PUBLIC_ACTIONS);
    expect(none).toContain(
      "The partnership's plan for April 2026 to March 2027 has no actions published for the public.",
    );
    const current = publicPageHtml(
      planned('2027-28', '2027-28', [action]),
      readability('A b.'),
      'public.css',
    );
    expect(current).toContain(
      'These actions are from the plan for this year, April 2027 to March 2028.',
    );
    // The priority and its band are words apart, as a screen reader, a copy or the page without
    // its style sheet reads them: they ran together ("Burglarytop priority", QA).
    expect(current).toMatch(/<li>Burglary\s+<span class="band">top priority<\/span><\/li>/u);
    expect(current).not.toContain('has not been published yet');
  });

  it('lists the public actions it is given under their priorities', () => {
    const html = publicPageHtml(
      page({
        actions: [
          {
            priority: 'Robbery',
            title: 'Patrols near the station',
            status: 'In progress',
            due: '2026-03',
          },
          { priority: 'Robbery', title: 'Shop watch scheme', status: 'Done', due: null },
        ],
      }),
      readability('A b.'),
      'public.css',
    );
    expect(html).not.toContain(esc(NO_PLAN));
    expect(html).toMatch(
      /<h3>Robbery<\/h3>\s*<ul>\s*<li>Patrols near the station\. <span class="note">In progress, due March 2026\.<\/span><\/li>/u,
    );
  });

  it('reads as plain English even with nothing held', () => {
    expect(readability(publicPageProse(page()).join('\n')).readingEase).toBeGreaterThanOrEqual(60);
  });

  it('makes a district name an address', () => {
    expect(slugOf('Three Rivers')).toBe('three-rivers');
    expect(slugOf("King's Lynn & West Norfolk")).toBe('king-s-lynn-and-west-norfolk');
    expect(slugOf('St Albans')).toBe('st-albans');
  });
});

describe('unfitToPublish(assessment): the priorities a partnership may publish', () => {
  const assessment = (over: Partial<Assessment>) =>
    ({
      period: PERIOD,
      coverage: { months: 12, held: 12, partial: false, words: null },
      inputs: null,
      ...over,
    }) as Assessment;

  it('takes a whole year, every month held, with the partnership’s own scores or none', () => {
    expect(unfitToPublish(assessment({}))).toBeNull();
    expect(
      unfitToPublish(
        assessment({
          inputs: { scoredBy: 'Three Rivers CSP', date: '2026-01-10', example: false },
        }),
      ),
    ).toBeNull();
    // An assessment saved before coverage was recorded: judged on its period.
    expect(unfitToPublish(assessment({ coverage: undefined }))).toBeNull();
  });

  it('refuses a few months, a year with months missing, and the bundled example scores', () => {
    expect(
      unfitToPublish(
        assessment({
          period: { from: '2018-11', to: '2019-02' },
          coverage: { months: 4, held: 4, partial: false, words: null },
        }),
      ),
    ).toBe('it covers 2018-11..2019-02 (4 months), not a whole year');
    expect(
      unfitToPublish(assessment({ coverage: { months: 12, held: 8, partial: true, words: null } })),
    ).toBe('it holds 8 of the 12 months of 2025-01..2025-12');
    expect(
      unfitToPublish(
        assessment({ inputs: { scoredBy: 'Example', date: '2025-04-01', example: true } }),
      ),
    ).toBe("its manual scores are the bundled example, not the partnership's");
  });
});
