/** barChart and changeArrow: bars, value labels, change marks and their alt text. */
import { describe, expect, it } from 'vitest';

import { barChart, changeArrow } from '../../src/charts/index.js';
import type { BarChartInput } from '../../src/charts/index.js';
import { all, layer, parseXml, texts, triangleDirection } from './xml.js';

const input: BarChartInput = {
  id: 'bars',
  title: 'Burglary by ward',
  unit: 'incidents',
  bars: [
    { label: 'South Oxhey', value: 61, previous: 48 },
    { label: 'Rickmansworth Town', value: 44, previous: 50 },
    { label: 'Abbots Langley', value: 38, previous: 38 },
    { label: 'Leavesden', value: 9, previous: 0 },
    { label: 'Moor Park', value: 17, note: 'provisional' },
  ],
};

describe('barChart', () => {
  it('draws one bar per item, in the order given, longest for the largest', () => {
    const bars = all(layer(parseXml(barChart(input)), 'bars')!, 'rect');
    expect(bars).toHaveLength(5);
    const widths = bars.map((b) => Number(b.attrs.width));
    expect(widths[0]).toBeGreaterThan(widths[1]!);
    const ys = bars.map((b) => Number(b.attrs.y));
    expect([...ys].sort((a, b) => a - b)).toEqual(ys);
  });

  it('labels values and changes: arrow and signed percentage, or none without a previous', () => {
    const root = parseXml(barChart(input));
    const values = texts(layer(root, 'values'));
    expect(values).toEqual([
      'South Oxhey',
      '61',
      '+27%',
      'Rickmansworth Town',
      '44',
      '−12%',
      'Abbots Langley',
      '38',
      '0%',
      'Leavesden',
      '9',
      'from 0',
      'Moor Park',
      '17',
      'provisional',
    ]);
    const arrows = all(layer(root, 'values')!, 'path').map((p) =>
      triangleDirection(p.attrs.d ?? ''),
    );
    expect(arrows).toEqual(['up', 'down', 'up']);
  });

  it('describes the range and the changes', () => {
    const desc = all(parseXml(barChart(input)), 'desc')[0]?.text;
    expect(desc).toBe(
      'Burglary by ward (incidents): 5 bars; highest South Oxhey (61), lowest Leavesden (9). ' +
        'Against the previous values: 2 up, 1 down and 1 unchanged; largest rise South Oxhey ' +
        '(+27%), largest fall Rickmansworth Town (−12%).',
    );
  });

  it('escapes labels and cuts long ones with an ellipsis', () => {
    const long = 'Chorleywood South and Maple Cross and a great deal more besides';
    const svg = barChart({
      ...input,
      bars: [
        { label: 'A & B <x>', value: 3 },
        { label: long, value: 4 },
      ],
    });
    expect(svg).toContain('A &amp; B &lt;x&gt;');
    const labels = texts(layer(parseXml(svg), 'values'));
    expect(labels).toContain('A & B <x>');
    const cut = labels.find((l) => l.startsWith('Chorleywood'));
    expect(cut?.endsWith('…')).toBe(true);
  });

  it('draws zeros on a 0–4 axis and one bar alone', () => {
    const zero = parseXml(barChart({ ...input, bars: [{ label: 'A', value: 0 }] }));
    expect(texts(layer(zero, 'grid'))).toEqual(['0', '1', '2', '3', '4']);
    expect(all(zero, 'desc')[0]?.text).toBe('Burglary by ward (incidents): 1 bar, A at 0.');
  });

  it('draws a "No data" chart for no bars and refuses a negative value', () => {
    expect(texts(parseXml(barChart({ ...input, bars: [] })))).toContain('No data');
    expect(() => barChart({ ...input, bars: [{ label: 'A', value: -1 }] })).toThrow(RangeError);
  });
});

describe('changeArrow', () => {
  const arrow = (changePct: number | null, significant: boolean) =>
    parseXml(changeArrow({ id: 'arrow', changePct, significant }));
  const shape = (changePct: number | null, significant: boolean) =>
    all(arrow(changePct, significant), 'path')[0];

  it('points up, down or level, solid when significant and outline when not', () => {
    const up = shape(12, true)!;
    const pts = [...(up.attrs.d ?? '').matchAll(/[ML](-?[\d.]+),(-?[\d.]+)/g)];
    expect(Number(pts[0]?.[2])).toBeLessThan(Number(pts[3]?.[2])); // the tip is above the tail
    expect(up.attrs.fill).toBe('#1a1a1a');
    expect(shape(12, false)?.attrs.fill).toBe('#ffffff');
    const down = shape(-8, true)!;
    const dpts = [...(down.attrs.d ?? '').matchAll(/[ML](-?[\d.]+),(-?[\d.]+)/g)];
    expect(Number(dpts[0]?.[2])).toBeGreaterThan(Number(dpts[3]?.[2]));
    const level = shape(0.2, false)!;
    const lpts = [...(level.attrs.d ?? '').matchAll(/[ML](-?[\d.]+),(-?[\d.]+)/g)];
    expect(Number(lpts[0]?.[1])).toBeGreaterThan(Number(lpts[3]?.[1])); // points right
  });

  it('says the change and its significance in title and desc', () => {
    expect(all(arrow(12.4, true), 'title')[0]?.text).toBe('Up 12%, significant');
    expect(all(arrow(-8, false), 'desc')[0]?.text).toBe(
      'An arrow pointing down, in outline: a change of −8%, not statistically significant.',
    );
    expect(all(arrow(null, false), 'title')[0]?.text).toBe('No comparison');
    expect(all(arrow(null, false), 'path')).toHaveLength(0);
  });

  it('is a small transparent SVG of the size asked for', () => {
    const root = parseXml(changeArrow({ id: 'a', changePct: 5, significant: true, size: 16 }));
    expect(root.attrs).toMatchObject({ width: '16', height: '16', viewBox: '0 0 16 16' });
    expect(all(root, 'rect')).toHaveLength(0);
  });
});
