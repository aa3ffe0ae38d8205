import { describe, expect, it } from 'vitest';

import { countActions, type ReviewedAction } from '../domain/plan/plan-review.js';
import { publicPlanReview } from './public-data.js';
import type { PlanReviewData, PlanReviewPriority } from './report-data.js';

const action = (id: number, pub: boolean, owner: string): ReviewedAction => ({
  id,
  title: `Action ${id}`,
  owner,
  organisation: 'Three Rivers District Council',
  dueDate: '2022-03-31',
  status: 'complete',
  state: 'done',
  carriedOver: false,
  public: pub,
});

const priority = (key: string, figures: Partial<PlanReviewPriority['figures']>) => {
  const items = [action(1, true, 'Community Safety Officer'), action(2, false, 'Shivani Davé')];
  return {
    key,
    label: key,
    actions: countActions(items),
    items,
    figures: figures && {
      base: { from: '2021-01', to: '2021-12' },
      period: { from: '2025-01', to: '2025-12' },
      previous: 40,
      current: 30,
      changePct: -25,
      pValue: 0.3,
      significant: false,
      basis: 'paired' as const,
      notHeld: { base: [], period: [] },
      unpaired: [],
      ...figures,
    },
    noFigures: null,
    synthetic: false,
  };
};

const review: PlanReviewData = {
  partnership: 'Three Rivers CSP',
  year: '2021-22',
  made: '2021-05-01',
  base: { from: '2021-01', to: '2021-12' },
  asOf: '2026-02-01',
  priorities: [
    priority('burglary', {}),
    priority('robbery', { previous: 3, current: 7, changePct: 133, pValue: 0.34 }),
    priority('shoplifting', { unpaired: ['2025-07'] }),
    priority('domestic-abuse', {}),
  ],
  withheld: [],
};

describe('the plan review for the public', () => {
  const shown = publicPlanReview(review);

  it('keeps only the published actions, counted again, with no owner named', () => {
    const burglary = shown.priorities.find((p) => p.key === 'burglary')!;
    expect(burglary.items).toEqual([{ ...action(1, true, ''), owner: null }]);
    expect(burglary.actions).toMatchObject({ total: 1, complete: 1 });
    expect(JSON.stringify(shown)).not.toMatch(/Shivani|Community Safety Officer/u);
  });

  it('gives no significance beside a small count, and no figures when the months compared are fewer than the period’s', () => {
    const robbery = shown.priorities.find((p) => p.key === 'robbery')!;
    expect(robbery.figures).toMatchObject({ previous: 3, pValue: null, significant: false });
    const shoplifting = shown.priorities.find((p) => p.key === 'shoplifting')!;
    expect(shoplifting.figures).toBeNull();
    expect(shoplifting.noFigures).toMatch(/not given in this public version/u);
  });

  it('leaves out a priority whose data are shared only between partners', () => {
    expect(shown.priorities.map((p) => p.key)).toEqual(['burglary', 'robbery', 'shoplifting']);
    expect(shown.withheld).toEqual(['domestic-abuse']);
  });
});
