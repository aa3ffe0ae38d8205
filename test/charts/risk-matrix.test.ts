/** riskMatrix: the banded grid, the issue circles and how they share a cell, and the alt text. */
import { describe, expect, it } from 'vitest';

import { riskBand, riskMatrix } from '../../src/charts/index.js';
import type { RiskIssue, RiskMatrixInput } from '../../src/charts/index.js';
import { all, layer, parseXml, texts } from './xml.js';
import type { XmlElement } from './xml.js';

const bands = { high: 15, medium: 8 };
const issue = (rank: number, harm: number, likelihood: number, label = `Issue ${rank}`) =>
  ({
    key: `k${rank}`,
    label,
    harm,
    likelihood,
    band: riskBand(harm * likelihood, bands),
    rank,
  }) satisfies RiskIssue;

const input: RiskMatrixInput = {
  id: 'risk',
  title: 'Priorities',
  bands,
  issues: [
    issue(1, 4, 5, 'Residential burglary'),
    issue(2, 5, 4, 'Domestic abuse'),
    issue(3, 2, 4, 'Shoplifting'),
    issue(4, 2, 4, 'Fly-tipping'),
    issue(5, 1, 1, 'Graffiti'),
  ],
};

const circles = (root: XmlElement) => all(layer(root, 'issues')!, 'circle');
/** The band tints: cells' rects that are not pattern overlays. */
const tints = (root: XmlElement) =>
  all(layer(root, 'cells')!, 'rect').filter((r) => !(r.attrs.fill ?? '').startsWith('url('));

describe('riskMatrix', () => {
  it('draws a scale × scale grid, each cell banded by harm × likelihood', () => {
    const root = parseXml(riskMatrix(input));
    expect(tints(root)).toHaveLength(25);
    const scores = texts(layer(root, 'cells'));
    expect(scores).toHaveLength(25);
    // Harm 1 row first: 1..5, top row (harm 5) last: 5..25.
    expect(scores.slice(0, 5)).toEqual(['1', '2', '3', '4', '5']);
    expect(scores.slice(20)).toEqual(['5', '10', '15', '20', '25']);
    const fills = tints(root).map((r) => r.attrs.fill);
    expect(new Set(fills).size).toBe(3);
    // Not colour alone: High and Medium cells carry a pattern, prefixed with the chart id.
    const patterned = all(layer(root, 'cells')!, 'rect').filter((r) =>
      r.attrs.fill?.startsWith('url('),
    );
    expect(patterned.map((r) => r.attrs.fill)).toContain('url(#risk-High)');
    expect(patterned.map((r) => r.attrs.fill)).toContain('url(#risk-Medium)');
  });

  it('puts each issue in its cell as a numbered circle, High ones filled', () => {
    const root = parseXml(riskMatrix(input));
    expect(circles(root)).toHaveLength(5);
    expect(texts(layer(root, 'issues')).sort()).toEqual(['1', '2', '3', '4', '5']);
    const filled = circles(root).filter((c) => c.attrs.fill === '#1a1a1a');
    expect(filled).toHaveLength(2);
  });

  it('lays out several issues in one cell without overlap and inside the cell', () => {
    const many = Array.from({ length: 7 }, (_, i) => issue(i + 1, 3, 3));
    const root = parseXml(riskMatrix({ ...input, issues: many }));
    const cs = circles(root).map((c) => ({
      x: Number(c.attrs.cx),
      y: Number(c.attrs.cy),
      r: Number(c.attrs.r),
    }));
    expect(cs).toHaveLength(7);
    for (const [i, a] of cs.entries()) {
      for (const b of cs.slice(i + 1)) {
        expect(Math.hypot(a.x - b.x, a.y - b.y)).toBeGreaterThanOrEqual(a.r + b.r);
      }
    }
    const cell = tints(root)[2 * 5 + 2]!; // harm 3, likelihood 3
    const [x, y, w] = ['x', 'y', 'width'].map((k) => Number(cell.attrs[k]));
    for (const c of cs) {
      expect(c.x - c.r).toBeGreaterThanOrEqual(x!);
      expect(c.x + c.r).toBeLessThanOrEqual(x! + w!);
      expect(c.y - c.r).toBeGreaterThanOrEqual(y!);
      expect(c.y + c.r).toBeLessThanOrEqual(y! + w!);
    }
  });

  it('shows "+n" for issues that do not fit in a cell', () => {
    const many = Array.from({ length: 60 }, (_, i) => issue(i + 1, 3, 3));
    const root = parseXml(riskMatrix({ ...input, issues: many }));
    const shown = circles(root).length;
    const more = texts(layer(root, 'issues')).find((t) => t.startsWith('+'));
    expect(shown).toBeLessThan(60);
    expect(shown + Number(more?.slice(1))).toBe(60);
  });

  it('lists the High issues in the alt text', () => {
    const desc = all(parseXml(riskMatrix(input)), 'desc')[0]?.text;
    expect(desc).toBe(
      'Priorities: 5 issues on a 5 × 5 matrix of harm against likelihood. ' +
        'High: 1 Residential burglary (harm 4 × likelihood 5 = 20) ' +
        'and 2 Domestic abuse (harm 5 × likelihood 4 = 20); 2 Medium and 1 Low.',
    );
  });

  it('has a band legend with the risk ranges', () => {
    const legend = texts(layer(parseXml(riskMatrix(input)), 'legend'));
    expect(legend.slice(0, 3)).toEqual([
      'High (risk 15–25)',
      'Medium (risk 8–14)',
      'Low (risk 1–7)',
    ]);
  });

  it('supports another scale', () => {
    const root = parseXml(
      riskMatrix({ ...input, scale: 4, bands: { high: 12, medium: 6 }, issues: [issue(1, 4, 4)] }),
    );
    expect(tints(root)).toHaveLength(16);
  });

  it('keeps the grid and says "No data" when there are no issues', () => {
    const root = parseXml(riskMatrix({ ...input, issues: [] }));
    expect(tints(root)).toHaveLength(25);
    expect(texts(root)).toContain('No data');
    expect(all(root, 'desc')[0]?.text).toBe(
      'Priorities: no issues scored on the 5 × 5 matrix of harm against likelihood.',
    );
  });

  it('refuses an issue off the grid', () => {
    expect(() => riskMatrix({ ...input, issues: [issue(1, 6, 1)] })).toThrow(RangeError);
  });
});
