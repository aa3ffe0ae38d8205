/**
 * The one-page infographic: well-formed and accessible SVG at each format's size, a description
 * that gives the totals, small counts never shown on a public page, text that stays inside its
 * panel however long the labels (measured with the charts' DejaVu Sans widths), the map or a
 * "no map" note, the same bytes every time, escaping, no Node APIs in the source, and a PNG of
 * the right size from resvg. The samples are written to test-output/report/ (SVG and PNG) for a
 * person to look at.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';

import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';

import { textWidth } from '../../src/charts/text.js';
import {
  infographicSvg,
  type InfographicData,
  type InfographicFigure,
} from '../../src/report/infographic.js';
import {
  countText,
  periodInWords,
  shortPeriod,
  wrapText,
} from '../../src/report/infographic-text.js';
import { all, parseXml, type XmlElement } from '../charts/xml.js';

const FORMATS = { a4: { width: 794, height: 1123 }, social: { width: 1080, height: 1350 } };
const MIN_FONT = { a4: 12, social: 18 };
const OUT = new URL('../../test-output/report/', import.meta.url);
const SRC = new URL('../../src/report/', import.meta.url);

/** An outline of about 15 km by 12 km around (507500, 196000), British National Grid metres. */
function outline(): [number, number][] {
  return Array.from({ length: 48 }, (_, i) => {
    const a = (i / 48) * 2 * Math.PI;
    const r = 1 + 0.1 * Math.sin(3 * a) + 0.05 * Math.cos(5 * a);
    return [
      Math.round(507_500 + 7_000 * r * Math.cos(a)),
      Math.round(196_000 + 5_500 * r * Math.sin(a)),
    ] as [number, number];
  });
}

/** About 40 cells of 250 m in three clusters, counts 1 to 30. */
function cells(): { x: number; y: number; size: number; count: number }[] {
  const out: { x: number; y: number; size: number; count: number }[] = [];
  const centres = [
    [503_000, 197_000],
    [510_500, 193_500],
    [507_000, 199_500],
  ] as const;
  let k = 0;
  for (const [cx, cy] of centres) {
    for (let dx = -2; dx <= 2; dx++) {
      for (let dy = -1; dy <= 1; dy++) {
        if (Math.abs(dx) + Math.abs(dy) > 2) continue;
        k++;
        const count = Math.max(1, Math.round(30 / (1 + dx * dx + dy * dy + (k % 3))));
        out.push({ x: cx + dx * 250, y: cy + dy * 250, size: 250, count });
      }
    }
  }
  return out;
}

const fig = (
  count: number | null,
  previous: number | null,
  changePct: number | null,
  significant: boolean,
): InfographicFigure => ({ count, previous, changePct, significant });

const threeRivers: InfographicData = {
  area: 'Three Rivers',
  period: { from: '2025-01', to: '2025-12' },
  audience: 'partner',
  totals: { crime: fig(8701, 8208, 6, true), asb: fig(1237, 1455, -15, true) },
  priorities: [
    { rank: 1, label: 'Violence and sexual offences', band: 'High' },
    { rank: 2, label: 'Fly-tipping', band: 'High' },
    { rank: 3, label: 'Robbery', band: 'High' },
    { rank: 4, label: 'Shoplifting', band: 'High' },
    { rank: 5, label: 'Burglary', band: 'High' },
  ],
  trends: [
    { label: 'Burglary', ...fig(250, 223, 12, false) },
    { label: 'Shoplifting', ...fig(583, 272, 114, true) },
    { label: 'Vehicle crime', ...fig(362, 548, -34, true) },
  ],
  hotspot: { title: 'Where crime concentrates, 2025', outline: [outline()], cells: cells() },
  hiddenFigure:
    'Only about 4 in 10 violent crimes are reported to the police (Crime Survey for England and Wales).',
  contacts: [
    { label: 'Emergency', detail: '999' },
    { label: 'Non-emergency', detail: '101 or police.uk' },
    { label: 'Crimestoppers (anonymous)', detail: '0800 555 111' },
    { label: 'Anti-social behaviour', detail: 'Your district council' },
  ],
  source: 'Source: police.uk open data, Hertfordshire Constabulary; Lantern 0.1.0',
  caveats: ['Locations are approximate', 'SYNTHETIC partner data'],
};

/** A public page with small counts, a zero, a missing figure and no map. */
const publicSmall: InfographicData = {
  ...threeRivers,
  audience: 'public',
  totals: { crime: fig(3, 0, null, false), asb: fig(0, 2, -100, false) },
  trends: [
    { label: 'Robbery of personal property', ...fig(4, 9, -56, false) },
    { label: 'Burglary', ...fig(12, 3, 300, true) },
    { label: 'Arson', ...fig(null, null, null, false) },
    { label: 'Bicycle theft', ...fig(27, 30, -10, false) },
  ],
  hotspot: null,
  caveats: [...threeRivers.caveats, 'Counts from 1 to 4 are shown as "fewer than 5"'],
};

const LONG = 'Violence against women and girls, including domestic abuse and stalking';

/** Everything as long as it could be: wrapping, the tighter line limits, and the fallbacks. */
const longest: InfographicData = {
  ...threeRivers,
  area: 'Chorleywood, Rickmansworth, Abbots Langley & South Oxhey <Three Rivers> District',
  priorities: [1, 2, 3, 4, 5].map((rank) => ({
    rank,
    label: `${LONG} ${rank}`,
    band: (['High', 'Medium', 'Low'] as const)[rank % 3] ?? 'Low',
  })),
  trends: [1, 2, 3, 4].map((i) => ({
    label: `Theft from the person and robbery of personal property ${i}`,
    ...fig(123_456 * i, 100_000, 23.5 * i, i % 2 === 0),
  })),
  hiddenFigure: `${threeRivers.hiddenFigure} ${threeRivers.hiddenFigure} ${threeRivers.hiddenFigure}`,
  contacts: [
    ...threeRivers.contacts,
    {
      label: 'Domestic abuse helpline (free, 24 hours, confidential)',
      detail: '0808 2000 247 or www.nationaldahelpline.org.uk',
    },
  ],
  source: `${threeRivers.source}; Hertfordshire County Council; Three Rivers District Council; NHS`,
  caveats: Array.from({ length: 6 }, (_, i) => `A caveat that goes on for a while, number ${i}`),
};

const SAMPLES = {
  infographic: threeRivers,
  'infographic-public': publicSmall,
  'infographic-public-map': { ...threeRivers, audience: 'public' as const },
  // A draft whose local contact is still the bundled example: its mark must fit too.
  'infographic-draft': {
    ...threeRivers,
    draft: true,
    contacts: [
      ...threeRivers.contacts.slice(0, -1),
      { label: 'ASB and fly-tipping', detail: 'your district council', unconfirmed: true },
    ],
  },
  'infographic-longest': longest,
  'infographic-four-trends': {
    ...threeRivers,
    trends: [
      ...threeRivers.trends,
      { label: 'Criminal damage and arson', ...fig(702, 690, 1.7, false) },
    ],
  },
};

interface Placed {
  text: string;
  x: number;
  y: number;
  size: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
  field: string | undefined;
}

/** The page's own elements: everything but the charts nested in it. */
function own(e: XmlElement): XmlElement[] {
  return [e, ...e.children.filter((c) => c.name !== 'svg').flatMap(own)];
}

function nested(root: XmlElement): XmlElement[] {
  return all(root, 'svg').filter((s) => s !== root);
}

/** Each of the page's texts with its box, estimated from DejaVu Sans's advance widths. */
function placedTexts(root: XmlElement): Placed[] {
  return own(root)
    .filter((e) => e.name === 'text')
    .map((e) => {
      const x = Number(e.attrs.x);
      const y = Number(e.attrs.y);
      const size = Number(e.attrs['font-size']);
      const w = textWidth(e.text, size, e.attrs['font-weight'] === 'bold');
      const anchor = e.attrs['text-anchor'] ?? 'start';
      const left = anchor === 'middle' ? x - w / 2 : anchor === 'end' ? x - w : x;
      return {
        text: e.text,
        x,
        y,
        size,
        left,
        right: left + w,
        top: y - size * 0.8,
        bottom: y + size * 0.25,
        field: e.attrs['data-field'],
      };
    });
}

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** The white panels (rounded, bordered rectangles). */
function panels(root: XmlElement): Box[] {
  return own(root)
    .filter((e) => e.name === 'rect' && e.attrs.fill === '#ffffff' && e.attrs.stroke !== undefined)
    .map((e) => ({
      x: Number(e.attrs.x),
      y: Number(e.attrs.y),
      w: Number(e.attrs.width),
      h: Number(e.attrs.height),
    }));
}

const inside = (b: Box, x: number, y: number) =>
  x >= b.x && x <= b.x + b.w && y >= b.y && y <= b.y + b.h;

const render = (svg: string) =>
  new Resvg(svg, { font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' } }).render();

describe.each(Object.entries(SAMPLES))('%s', (name, data) => {
  describe.each(['a4', 'social'] as const)('%s', (format) => {
    const svg = infographicSvg(data, format);
    const root = parseXml(svg);
    const size = FORMATS[format];

    it('is a well-formed, accessible SVG of the format’s size', () => {
      expect(root.name).toBe('svg');
      expect(root.attrs.xmlns).toBe('http://www.w3.org/2000/svg');
      expect(root.attrs.width).toBe(String(size.width));
      expect(root.attrs.height).toBe(String(size.height));
      expect(root.attrs.viewBox).toBe(`0 0 ${size.width} ${size.height}`);
      expect(root.attrs.role).toBe('img');
      expect(root.attrs['font-family']).toBe('DejaVu Sans, Arial, Helvetica, sans-serif');
      const [titleId, descId] = (root.attrs['aria-labelledby'] ?? '').split(' ');
      const title = root.children.find((c) => c.name === 'title');
      const desc = root.children.find((c) => c.name === 'desc');
      expect(title?.attrs.id).toBe(titleId);
      expect(desc?.attrs.id).toBe(descId);
      expect(title?.text).toContain('Community safety in');
      expect(desc?.text).toMatch(/^Community safety in .+\. Police-recorded crime/);
    });

    it('keeps every text inside its panel and the page, at a readable size', () => {
      const boxes = panels(root);
      expect(boxes.length).toBeGreaterThanOrEqual(7);
      for (const [i, a] of boxes.entries()) {
        expect(a.x >= 0 && a.y >= 0, 'panel on the page').toBe(true);
        expect(a.x + a.w <= size.width && a.y + a.h <= size.height, 'panel on the page').toBe(true);
        for (const b of boxes.slice(i + 1)) {
          const apart =
            a.x + a.w <= b.x || b.x + b.w <= a.x || a.y + a.h <= b.y || b.y + b.h <= a.y;
          expect(apart, `panels overlap: ${JSON.stringify([a, b])}`).toBe(true);
        }
      }
      for (const t of placedTexts(root)) {
        const where = `"${t.text}" at ${t.x},${t.y}`;
        expect(t.size, where).toBeGreaterThanOrEqual(MIN_FONT[format]);
        expect(t.left, where).toBeGreaterThanOrEqual(0);
        expect(t.right, where).toBeLessThanOrEqual(size.width);
        expect(t.top, where).toBeGreaterThanOrEqual(0);
        expect(t.bottom, where).toBeLessThanOrEqual(size.height);
        const box = boxes.find((b) => inside(b, t.x, t.y));
        if (box === undefined) continue; // the header band or the footer
        expect(t.left, where).toBeGreaterThanOrEqual(box.x);
        expect(t.right, where).toBeLessThanOrEqual(box.x + box.w);
        expect(t.top, where).toBeGreaterThanOrEqual(box.y);
        expect(t.bottom, where).toBeLessThanOrEqual(box.y + box.h);
      }
      for (const chart of nested(root)) {
        const b = {
          x: Number(chart.attrs.x),
          y: Number(chart.attrs.y),
          w: Number(chart.attrs.width),
          h: Number(chart.attrs.height),
        };
        const host = boxes.find((p) => inside(p, b.x + 0.5, b.y + 0.5));
        expect(host, 'a nested chart sits in a panel').toBeDefined();
        if (host === undefined) continue;
        expect(b.x + b.w).toBeLessThanOrEqual(host.x + host.w);
        expect(b.y + b.h).toBeLessThanOrEqual(host.y + host.h);
      }
    });

    it('is the same every time', () => {
      expect(infographicSvg(structuredClone(data), format)).toBe(svg);
    });

    it('rasterises with resvg at the format’s size', () => {
      const image = render(svg);
      expect([image.width, image.height]).toEqual([size.width, size.height]);
      mkdirSync(OUT, { recursive: true });
      const file = `${name}${format === 'a4' ? '-a4' : '-social'}`;
      writeFileSync(new URL(`${file}.svg`, OUT), svg);
      writeFileSync(new URL(`${file}.png`, OUT), image.asPng());
    });
  });
});

describe('content', () => {
  const a4 = infographicSvg(threeRivers, 'a4');
  const root = parseXml(a4);
  const shown = placedTexts(root).map((t) => t.text);

  it('shows the header, the totals with their change in words, and the period', () => {
    expect(shown).toContain('Community safety in Three Rivers');
    expect(shown).toContain('Strategic assessment: January to December 2025');
    expect(shown).toEqual(expect.arrayContaining(['8,701', '1,237', '+6%', '−15%']));
    expect(shown).toEqual(expect.arrayContaining(['significant rise', 'significant fall']));
    expect(shown).toEqual(expect.arrayContaining(['In 2024: 8,208', 'In 2024: 1,455']));
  });

  it('never cuts a contact’s number or address: it wraps to the lines it needs (issue 16)', () => {
    const detail =
      'Three Rivers District Council, Three Rivers House, Northway, Rickmansworth WD3 1RL, 01923 776611';
    const data = {
      ...threeRivers,
      contacts: [...threeRivers.contacts.slice(0, -1), { label: 'ASB and fly-tipping', detail }],
    };
    for (const format of ['a4', 'social'] as const) {
      const texts = placedTexts(parseXml(infographicSvg(data, format))).map((t) => t.text);
      expect(
        texts.filter((t) => t.endsWith('…')),
        format,
      ).toEqual([]);
      expect(texts.join(' '), format).toContain('01923 776611');
    }
  });

  it('describes the page: totals, changes, priorities and trends', () => {
    const desc = root.children.find((c) => c.name === 'desc')?.text ?? '';
    expect(desc).toContain('8,701, up 6%, a significant rise compared with January to December');
    expect(desc).toContain('Anti-social behaviour: 1,237, down 15%, a significant fall');
    expect(desc).toContain('1. Violence and sexual offences (High)');
    expect(desc).toContain('Burglary: 250, up 12%, no significant change');
  });

  it('lists the priorities numbered with their bands written, and the trends', () => {
    const ranks = placedTexts(root).filter((t) => t.field === 'rank');
    expect(ranks.map((t) => t.text)).toEqual(['1', '2', '3', '4', '5']);
    expect(placedTexts(root).filter((t) => t.field === 'band')).toHaveLength(5);
    expect(shown).toEqual(expect.arrayContaining(['Shoplifting', '583', '+114%', 'significant']));
    expect(shown).toContain('not significant');
    expect(shown).toEqual(expect.arrayContaining(['How to report', '999', '0800 555 111']));
  });

  it('nests the charts’ map and arrows: solid when significant, outline when not', () => {
    const charts = nested(root);
    const map = charts.find((c) => all(c, 'title')[0]?.text === threeRivers.hotspot?.title);
    expect(map).toBeDefined();
    // The map's own heading is not shown (left off, or cropped off): the panel has one.
    const [, top = 0] = (map?.attrs.viewBox ?? '').split(' ').map(Number);
    const heading = all(map!, 'text').filter((t) => t.text === threeRivers.hotspot?.title);
    expect(heading.every((t) => Number(t.attrs.y) < top)).toBe(true);
    const arrows = charts.filter((c) => all(c, 'title')[0]?.text.match(/^(Up|Down) /));
    expect(arrows).toHaveLength(5);
    const fills = arrows.map((c) => all(c, 'path')[0]?.attrs.fill);
    expect(fills.filter((f) => f === '#ffffff')).toHaveLength(1); // burglary, not significant
  });

  it('says there is no map when there is none', () => {
    const svg = infographicSvg({ ...threeRivers, hotspot: null }, 'a4');
    const words = placedTexts(parseXml(svg)).map((t) => t.text);
    expect(words.join(' ')).toContain('No map: locations are not available for this period.');
    expect(nested(parseXml(svg)).some((c) => all(c, 'rect').length > 20)).toBe(false);
  });

  it('says no change is given where no earlier figure is held, not "Compared with" it', () => {
    const none = {
      ...threeRivers,
      period: { from: '2018-11', to: '2019-02' },
      comparedWith: { from: '2017-11', to: '2018-02' },
      trends: threeRivers.trends.map((t) => ({ ...t, previous: null, changePct: null })),
    };
    const words = placedTexts(parseXml(infographicSvg(none, 'a4')))
      .map((t) => t.text)
      .join(' ');
    expect(words).toContain(
      'No figures are held for November 2017 to February 2018, so no change is given',
    );
    expect(words).not.toContain('Compared with');
    // The heading says what the box holds: counts, not trends.
    expect(words).toContain('Counts of the High priorities');
    expect(words).not.toContain('Key trends');
    const compared = placedTexts(parseXml(infographicSvg(threeRivers, 'a4'))).map((t) => t.text);
    expect(compared).toContain('Key trends');
  });

  it('escapes text', () => {
    const svg = infographicSvg(
      { ...threeRivers, area: 'Tom & Jerry\'s <"District">', hiddenFigure: '1 < 2 & 3 > 2' },
      'social',
    );
    expect(() => parseXml(svg)).not.toThrow();
    expect(svg).toContain('Tom &amp; Jerry&#39;s &lt;&quot;District&quot;&gt;');
    expect(svg).not.toContain('<"District">');
    expect(svg).toContain('1 &lt; 2 &amp; 3 &gt; 2');
  });

  it('refuses an unknown format', () => {
    expect(() => infographicSvg(threeRivers, 'a3' as 'a4')).toThrow(RangeError);
  });

  it('uses no Node globals (ESLint bars node:* imports from src/report; Buffer and process are globals)', () => {
    const files = readdirSync(SRC).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
    expect(files).toEqual(expect.arrayContaining(['infographic.ts', 'assessment-html.ts']));
    for (const f of files) {
      const source = readFileSync(new URL(f, SRC), 'utf8');
      expect(source, f).not.toMatch(/from '(node:|fs|path)|\b(Buffer|process)\./);
    }
  });
});

describe('public audience', () => {
  for (const format of ['a4', 'social'] as const) {
    const svg = infographicSvg(publicSmall, format);
    const root = parseXml(svg);
    const texts = placedTexts(root);

    it(`${format}: never shows a count from 1 to 4, nor the change it would give away`, () => {
      const counts = texts.filter((t) => t.field === 'count').map((t) => t.text);
      expect(counts.join(' ')).toContain('fewer than 5');
      for (const t of texts.filter((t) => t.field !== 'rank')) {
        expect(t.text, `${t.text} at ${t.x},${t.y}`).not.toMatch(/^[1-4]$/);
      }
      // Outside the priorities' rank numbers, no text is a bare 1 to 4.
      const withoutRanks = svg.replace(/<text[^>]*data-field="rank"[^>]*>\d<\/text>/g, '');
      for (const n of ['1', '2', '3', '4']) expect(withoutRanks).not.toContain(`>${n}<`);
      expect(texts.map((t) => t.text)).toContain('In 2024: fewer than 5');
      // Crime 3 (no change), ASB 0 from 2: the −100% would say what the 2 was.
      expect(svg).not.toContain('−100%');
      expect(texts.map((t) => t.text).join(' ')).toContain('change not shown for small numbers');
      // Burglary 12 from 3: +300% would give the 3 away.
      expect(svg).not.toContain('+300%');
      const desc = root.children.find((c) => c.name === 'desc')?.text ?? '';
      expect(desc).toContain('Police-recorded crime excluding anti-social behaviour: fewer than 5');
      expect(desc).not.toMatch(/: [1-4],/);
    });

    it(`${format}: shows zero as 0 and a missing count as "not held"`, () => {
      const counts = texts.filter((t) => t.field === 'count').map((t) => t.text);
      expect(counts).toContain('0');
      expect(counts.join(' ')).toMatch(/not held|not\s+held/);
    });
  }

  it('shades no map cell with 1 to 4 incidents, and says so', () => {
    const svg = infographicSvg({ ...threeRivers, audience: 'public' }, 'a4');
    expect(svg).toContain('Cells with fewer than 5 incidents are not shaded.');
    const map = nested(parseXml(svg)).find((c) => all(c, 'rect').length > 20);
    const legend = all(map ?? parseXml('<svg/>'), 'g').find(
      (g) => g.attrs['data-layer'] === 'legend',
    );
    // The class labels (not the badge marking the top cells).
    const labels = all(legend ?? parseXml('<g/>'), 'text')
      .filter((t) => t.attrs['text-anchor'] !== 'middle')
      .map((t) => t.text);
    expect(labels.length).toBeGreaterThan(0);
    for (const l of labels) expect(l).not.toMatch(/^[1-4](–|$)/);
    // One caption style: the map has no caption of its own (the page's caveats say locations
    // are approximate); the note is in the caveats' size and colour, from the map's left edge.
    expect(all(map!, 'text').some((t) => t.text.startsWith('Locations are'))).toBe(false);
    const note = own(parseXml(svg)).find((e) => e.name === 'text' && e.text.startsWith('Cells'))!;
    const caveat = own(parseXml(svg)).find(
      (e) => e.name === 'text' && e.text.startsWith('Locations are approximate'),
    )!;
    expect(note.attrs['font-size']).toBe(caveat.attrs['font-size']);
    expect(note.attrs.fill).toBe(caveat.attrs.fill);
    expect(Number(note.attrs.x)).toBeGreaterThanOrEqual(Number(map!.attrs.x));
    expect(Number(note.attrs.x)).toBeLessThan(Number(map!.attrs.x) + 20);
  });
});

describe('words', () => {
  it('wraps to a width, splits a word too long for a line, and cuts with an ellipsis last', () => {
    const lines = wrapText('Violence and sexual offences', 120, 14);
    expect(lines.length).toBeGreaterThan(1);
    for (const l of lines) expect(textWidth(l, 14)).toBeLessThanOrEqual(120);
    expect(lines.join(' ')).toBe('Violence and sexual offences');
    const long = wrapText('Supercalifragilisticexpialidocious', 60, 14);
    for (const l of long) expect(textWidth(l, 14)).toBeLessThanOrEqual(60);
    expect(long.join('')).toBe('Supercalifragilisticexpialidocious');
    const cut = wrapText(LONG, 100, 14, true, 2);
    expect(cut).toHaveLength(2);
    expect(cut[1]).toMatch(/…$/);
    expect(wrapText('  ', 100, 14)).toEqual([]);
    expect(wrapText('WW', 1, 14)).toEqual(['W', 'W']); // narrower than a letter: still ends
  });

  it('counts, periods and comparisons in words', () => {
    expect(countText(8701, 'partner')).toBe('8,701');
    expect(countText(1_234_567, 'public')).toBe('1,234,567');
    expect(countText(3, 'partner')).toBe('3');
    expect(countText(3, 'public')).toBe('fewer than 5');
    expect(countText(0, 'public')).toBe('0');
    expect(countText(null, 'public')).toBe('not held');
    expect(periodInWords({ from: '2025-01', to: '2025-12' })).toBe('January to December 2025');
    expect(periodInWords({ from: '2024-04', to: '2025-03' })).toBe('April 2024 to March 2025');
    expect(periodInWords({ from: '2025-03', to: '2025-03' })).toBe('March 2025');
    expect(shortPeriod({ from: '2024-01', to: '2024-12' })).toBe('2024');
    expect(shortPeriod({ from: '2024-04', to: '2025-03' })).toBe('April 2024 to March 2025');
  });
});
