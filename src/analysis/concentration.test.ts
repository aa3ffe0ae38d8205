import { describe, expect, it } from 'vitest';

import { concentration } from './concentration.js';

const places = (counts: number[]) =>
  counts.map((count, i) => ({ key: String(i), label: null, count }));

describe('concentration', () => {
  it('shares at the top places and the Gini coefficient, by hand', () => {
    // 10 places: 50, 20, 10, 10, 5, 5, 0, 0, 0, 0 (total 100). Top 10% = 1 place = 50%.
    // Ascending Lorenz L: 0,0,0,0,.05,.10,.20,.30,.50,1.00; area = Σ (L(i−1)+L(i))/20
    // = (0+0+0+0+.05+.15+.30+.50+.80+1.50)/20 = 3.30/20 = 0.165; Gini = 1 − 0.33 = 0.67.
    const c = concentration(places([50, 20, 10, 10, 5, 5, 0, 0, 0, 0]));
    expect(c.places).toBe(10);
    expect(c.placesWithIncidents).toBe(6);
    expect(c.top.find((t) => t.percent === 10)).toMatchObject({
      places: 1,
      incidents: 50,
      share: 0.5,
    });
    expect(c.top.find((t) => t.percent === 1)?.places).toBe(1); // at least one place
    expect(c.gini).toBeCloseTo(0.67, 10);
  });

  it('is 0 when every place is alike and 1 − 1/n when one place has everything', () => {
    expect(concentration(places([3, 3, 3, 3])).gini).toBeCloseTo(0, 12);
    expect(concentration(places([12, 0, 0, 0])).gini).toBeCloseTo(0.75, 12);
  });

  it('gives the floor and the generalised Gini when places outnumber incidents (Bernasco & Steenbeek)', () => {
    // 3 incidents at 3 of 100 places: as even as they can be, yet Gini 1 − 3/100 = 0.97.
    const even = concentration(places([1, 1, 1, ...Array<number>(97).fill(0)]));
    expect(even.gini).toBeCloseTo(0.97, 12);
    expect(even.giniFloor).toBeCloseTo(0.97, 12);
    expect(even.generalisedGini).toBe(0);
    // lorenzgini's example (R package of the paper): 5, 2, 1 and seven zeros: Gini 0.8,
    // generalised 0.75 (= 1 − (10/8)·(1 − 0.8)).
    const sparse = concentration(places([5, 2, 1, 0, 0, 0, 0, 0, 0, 0]));
    expect(sparse.gini).toBeCloseTo(0.8, 12);
    expect(sparse.giniFloor).toBeCloseTo(0.2, 12);
    expect(sparse.generalisedGini).toBeCloseTo(0.75, 12);
    // All at one place: 1 − 1/N.
    expect(concentration(places([4, 0, 0, 0, 0, 0, 0, 0])).generalisedGini).toBeCloseTo(0.75, 12);
    // As many incidents as places or more: the Gini itself; the floor is the most even spread's.
    const dense = concentration(places([10, 8, 2, 0, 0, 0, 0, 0, 0, 0]));
    expect(dense.generalisedGini).toBe(dense.gini);
    expect(dense.gini).toBeCloseTo(0.78, 12);
    expect(dense.giniFloor).toBeCloseTo(0, 12);
    expect(concentration(places([2, 1, 1])).giniFloor).toBeCloseTo(1 / 6, 12);
  });

  it('has a curve from (0, 0) to (1, 1) that never falls', () => {
    const c = concentration(places([9, 1, 4, 0, 7, 2, 2, 0, 5]));
    expect(c.curve[0]).toEqual({ places: 0, incidents: 0 });
    expect(c.curve[c.curve.length - 1]).toEqual({ places: 1, incidents: 1 });
    c.curve
      .slice(1)
      .forEach((pt, i) => expect(pt.incidents).toBeGreaterThanOrEqual(c.curve[i]!.incidents));
  });
});
