/**
 * The shared writer and text helpers, and the tests' own XML checker (a checker that accepts
 * anything would make every structural test below it worthless).
 */
import { describe, expect, it } from 'vitest';

import { naturalBreaks } from '../../src/charts/classes.js';
import { monthIndex, monthLong, monthShort } from '../../src/charts/months.js';
import { chartId, el, escapeXml, num, svgDocument, text } from '../../src/charts/svg.js';
import {
  formatNumber,
  formatPercentChange,
  listJoin,
  textWidth,
  truncate,
} from '../../src/charts/text.js';
import { parseXml } from './xml.js';

describe('escapeXml', () => {
  it('escapes the five XML specials and drops characters XML forbids', () => {
    expect(escapeXml(`A & B <x> "q" 'a'`)).toBe('A &amp; B &lt;x&gt; &quot;q&quot; &#39;a&#39;');
    expect(escapeXml('tab\tok\u0000\u0007\u001f done')).toBe('tab\tok done');
    expect(escapeXml('café 😀')).toBe('café 😀');
  });

  it('round-trips through an element and the parser', () => {
    const label = `A & B <x> "quoted" it's`;
    const doc = parseXml(el('g', { 'aria-label': label }, text(0, 0, label)));
    expect(doc.attrs['aria-label']).toBe(label);
    expect(doc.children[0]?.text).toBe(label);
  });
});

describe('num', () => {
  it('rounds to one decimal without trailing zeros or negative zero', () => {
    expect(num(1.25)).toBe('1.3');
    expect(num(12)).toBe('12');
    expect(num(0.30000000000000004)).toBe('0.3');
    expect(num(-0.04)).toBe('0');
    expect(num(-2.46)).toBe('-2.5');
  });

  it('refuses a coordinate that is not a number', () => {
    expect(() => num(Number.NaN)).toThrow(RangeError);
  });
});

describe('chartId', () => {
  it('keeps a safe id and repairs one that would break aria-labelledby', () => {
    expect(chartId('trend-1')).toBe('trend-1');
    expect(chartId('burglary trend')).toBe('burglary-trend');
    expect(chartId('2025')).toBe('c-2025');
  });
});

describe('svgDocument', () => {
  it('is an accessible SVG labelled by its own title and desc', () => {
    const svg = svgDocument({ id: 'x', width: 100, height: 50, title: 'T', desc: 'D', body: [] });
    const root = parseXml(svg);
    expect(root.attrs).toMatchObject({
      xmlns: 'http://www.w3.org/2000/svg',
      viewBox: '0 0 100 50',
      width: '100',
      height: '50',
      role: 'img',
      'aria-labelledby': 'x-title x-desc',
    });
    expect(svg.endsWith('</svg>\n')).toBe(true);
  });
});

describe('text helpers', () => {
  it('formats numbers without the locale', () => {
    expect(formatNumber(1234567)).toBe('1,234,567');
    expect(formatNumber(1234.56, 1)).toBe('1,234.6');
    expect(formatNumber(-5)).toBe('−5');
    expect(formatNumber(-0.01, 1)).toBe('0.0');
  });

  it('formats percentage changes with a sign', () => {
    expect(formatPercentChange(26.9)).toBe('+27%');
    expect(formatPercentChange(-12)).toBe('−12%');
    expect(formatPercentChange(3.44)).toBe('+3.4%');
    expect(formatPercentChange(0.01)).toBe('0%');
  });

  it('truncates to a width with an ellipsis, and leaves short text alone', () => {
    expect(truncate('Watford', 200, 11)).toBe('Watford');
    const cut = truncate('Chorleywood South and Maple Cross', 100, 11);
    expect(cut.endsWith('…')).toBe(true);
    expect(textWidth(cut, 11)).toBeLessThanOrEqual(100);
  });

  it('joins lists in English', () => {
    expect(listJoin([])).toBe('');
    expect(listJoin(['a'])).toBe('a');
    expect(listJoin(['a', 'b', 'c'])).toBe('a, b and c');
  });

  it('labels months', () => {
    const i = monthIndex('2025-01');
    expect(monthShort(i)).toBe('Jan 25');
    expect(monthLong(i + 11)).toBe('December 2025');
    expect(() => monthIndex('2025-13')).toThrow(RangeError);
  });
});

describe('naturalBreaks', () => {
  it('finds the obvious groups', () => {
    expect(naturalBreaks([1, 2, 3, 10, 11, 12, 50, 51], 3)).toEqual([
      { min: 1, max: 3 },
      { min: 10, max: 12 },
      { min: 50, max: 51 },
    ]);
  });

  it('gives one class per value when there are no more values than classes', () => {
    expect(naturalBreaks([2, 2, 7], 5)).toEqual([
      { min: 2, max: 2 },
      { min: 7, max: 7 },
    ]);
    expect(naturalBreaks([], 5)).toEqual([]);
  });

  it('covers every value once, in order, with k classes', () => {
    const values = Array.from({ length: 200 }, (_, i) => (i * 37) % 61);
    const classes = naturalBreaks(values, 5);
    expect(classes).toHaveLength(5);
    expect(classes[0]?.min).toBe(0);
    expect(classes[4]?.max).toBe(60);
    classes.slice(1).forEach((c, i) => expect(c.min).toBeGreaterThan(classes[i]?.max ?? 0));
  });
});

describe('parseXml (the tests’ checker)', () => {
  const bad: [string, string][] = [
    ['unclosed element', '<svg><g></svg>'],
    ['crossed tags', '<svg><g><text></g></text></svg>'],
    ['two roots', '<svg/><svg/>'],
    ['raw ampersand in text', '<svg><text>A & B</text></svg>'],
    ['raw < in an attribute', '<svg><g aria-label="a<b"/></svg>'],
    ['unquoted attribute', '<svg><rect width=3/></svg>'],
    ['repeated attribute', '<svg><rect x="1" x="2"/></svg>'],
    ['duplicate id', '<svg><g id="a"/><g id="a"/></svg>'],
    ['dangling reference', '<svg aria-labelledby="t"><g clip-path="url(#c)"/></svg>'],
    ['text outside the root', '<svg/>stray'],
  ];
  it.each(bad)('rejects %s', (_, source) => {
    expect(() => parseXml(source)).toThrow();
  });

  it('accepts a small well-formed document and decodes entities', () => {
    const root = parseXml('<svg id="s"><title>A &amp; B &#39;c&#39;</title><g/></svg>');
    expect(root.children[0]?.text).toBe("A & B 'c'");
  });
});
