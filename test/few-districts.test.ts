/**
 * A force of five districts (Merseyside; the bundled real file for January 2019): too few areas to
 * estimate how much districts differ beyond chance, so the funnel limits are Poisson and every
 * output says so. Before the ten-area rule, τ² estimated from these five districts (Liverpool
 * included) made Liverpool's limits 7–169 around 60.8 expected, and its 128 thefts from the person,
 * twice the county rate, were called "within: in line with the others".
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { FULL_SCOPE } from '../src/domain/scope.js';
import { comparisonEvidence } from '../src/report/comparison-evidence.js';
import { comparisonSentence, funnelFigure } from '../src/report/report-tables.js';
import type { Db } from '../src/store/db.js';
import { openStore } from '../src/store/open-store.js';
import { compareAreas } from '../src/usecases/compare-areas.js';
import { run } from './helpers/cli.js';
import { FIXTURES, tempDir } from './helpers/temp.js';

const dir = tempDir();
const store = `${dir.path}/mers.duckdb`;
const request = {
  within: 'Merseyside',
  category: 'theft-from-the-person',
  period: { from: '2019-01', to: '2019-01' },
};
let db: Db;
beforeAll(async () => {
  const imported = await run([
    'import',
    `${FIXTURES}merseyside/2019-01-merseyside-street.csv.gz`,
    '--db',
    store,
  ]);
  expect(imported.code).toBe(0);
  db = await openStore(store);
});
afterAll(() => {
  db.close();
  dir.remove();
});

/**
 * Worked independently (scipy.stats.poisson.ppf): counts 128, 12, 19, 16, 3 over populations
 * 485,300, 183,100, 319,900, 278,800, 154,200 (Census 2021), so the county rate is 178 / 1,421,300
 * and the counts expected 60.78, 22.93, 40.06, 34.92, 19.31. Poisson quantiles at
 * 2.5%–97.5% and 0.1%–99.9% of each.
 */
const EXPECTED = {
  Liverpool: { count: 128, limits: [46, 77, 38, 86], flag: 'above' },
  'St. Helens': { count: 12, limits: [14, 33, 10, 39], flag: 'below' },
  Wirral: { count: 19, limits: [28, 53, 22, 61], flag: 'below' },
  Sefton: { count: 16, limits: [24, 47, 18, 55], flag: 'below' },
  Knowsley: { count: 3, limits: [11, 28, 7, 34], flag: 'below' },
} as const;

describe('compare with five districts (Merseyside, theft from the person, January 2019)', () => {
  it('draws Poisson limits, estimating no spread from five, and flags Liverpool above them', async () => {
    const c = await compareAreas(db, FULL_SCOPE, request);
    expect(c.limitsMethod).toBe('poisson');
    expect(c.overdispersion).toEqual({ areas: 5, phi: null, tau2: null });
    expect(
      Object.fromEntries(
        c.areas.map((a) => [
          a.name,
          {
            count: a.count,
            limits: [a.limits!.lower95, a.limits!.upper95, a.limits!.lower998, a.limits!.upper998],
            flag: a.flag,
          },
        ]),
      ),
    ).toEqual(EXPECTED);
    expect(c.notes[0]).toMatch(
      /^Funnel limits: exact Poisson quantiles .* 5 areas are too few to estimate how much areas differ beyond chance \(at least 10 are needed\), so these limits allow for chance alone: one outside them differs by more than chance, but perhaps by no more than areas usually differ\.$/u,
    );
  });

  it('the report says Liverpool is outside limits of chance alone, and never "in line"', async () => {
    const c = await compareAreas(db, FULL_SCOPE, request);
    const liverpool = c.areas.find((a) => a.name === 'Liverpool')!;
    const evidence = comparisonEvidence(c, liverpool.code)!;
    const sentence = comparisonSentence(evidence, 'Liverpool')!;
    // 128 against an upper 99.8% limit of 86: the funnel's filled triangle, and the text says so.
    expect(sentence).toBe(
      'Against the districts of Merseyside, Liverpool is above the 99.8% limits of chance alone. There are too few districts to estimate how much districts differ beyond chance, so this may be no more than the usual difference between places.',
    );
    // St Helens' 12 lies between its 95% (14) and 99.8% (10) lower limits.
    const helens = comparisonEvidence(c, c.areas.find((a) => a.name === 'St. Helens')!.code)!;
    expect(comparisonSentence(helens, 'St Helens')).toMatch(
      /^Against the districts of Merseyside, St Helens is below the 95% limits of chance alone\./u,
    );
    const figure = funnelFigure({ label: c.label, comparison: evidence }, 1, 'partner')!;
    expect(figure.caption).toMatch(
      /The limits are Poisson\. Too few districts to estimate how much districts differ beyond chance \(at least 10 are needed\)/u,
    );
    // The public caption says "chance alone" once (QA: it said it twice, Newport's report).
    const plain = funnelFigure({ label: c.label, comparison: evidence }, 1, 'public')!;
    expect(plain.caption).toMatch(/Too few districts to estimate/u);
    expect(plain.caption.match(/chance alone/gu)).toHaveLength(1);
    // A district inside limits of chance alone is in line: chance explains it.
    const within = comparisonSentence({ ...evidence, flag: 'within' }, 'Liverpool')!;
    expect(within).toMatch(/within the 95% limits of chance alone: its rate is in line/u);
  });

  it('the command and the overview say the same', async () => {
    const text = await run([
      'compare',
      '--within',
      'Merseyside',
      '--category',
      'theft-from-the-person',
      '--period',
      '2019-01..2019-01',
      '--db',
      store,
    ]);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(
      /Poisson limits \(chance alone: too few areas to estimate how much they differ beyond it\)/u,
    );
    expect(text.stdout).toMatch(/^ +1 {2}Liverpool +128 .* 46–77 +38–86 +above$/mu);
    expect(text.stdout).toMatch(
      /5 areas are too few to estimate how much areas differ beyond chance/u,
    );
    const overview = await run([
      'overview',
      '--within',
      'Merseyside',
      '--period',
      '2019-01..2019-01',
      '--db',
      store,
    ]);
    expect(overview.code).toBe(0);
    expect(overview.stdout).toMatch(
      /Funnel: each district against the count expected at the group’s rate\. 5 districts are too few to estimate how much districts differ beyond chance/u,
    );
    expect(overview.stdout).not.toMatch(/limits allowing for the usual spread between districts/u);
  });
});
