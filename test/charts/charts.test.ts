/**
 * What every chart promises, checked on every sample (the edge cases included): well-formed XML,
 * an accessible root labelled by its own title and desc, ids all prefixed by the chart's id (so
 * several charts share a page), coordinates to one decimal, the same bytes every time, text
 * escaped, and source that runs in a browser (no Node APIs). The samples are written to
 * test-output/charts/ for a person to look at, and a few are kept as file snapshots.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';

import ts from 'typescript';
import { describe, expect, it } from 'vitest';

import {
  barChart,
  changeArrow,
  choroplethMap,
  funnelPlot,
  hotspotMap,
  riskMatrix,
  trendChart,
} from '../../src/charts/index.js';
import {
  barSample,
  choroplethSample,
  funnelSample,
  hotspotSample,
  riskSample,
  sampleCharts,
  trendSample,
} from './samples.js';
import { expectGolden } from '../helpers/golden.js';
import { cutTexts } from './text-boxes.js';
import { all, descendants, parseXml } from './xml.js';

const samples = sampleCharts();
const SRC = new URL('../../src/charts/', import.meta.url);
const OUT = new URL('../../test-output/charts/', import.meta.url);

describe.each(Object.entries(samples))('%s', (_name, svg) => {
  const root = parseXml(svg);
  const id = (root.attrs['aria-labelledby'] ?? '').split(' ')[0]?.replace(/-title$/, '') ?? '';

  it('is an accessible SVG labelled by its own title and desc', () => {
    expect(root.name).toBe('svg');
    expect(root.attrs).toMatchObject({
      xmlns: 'http://www.w3.org/2000/svg',
      role: 'img',
      'aria-labelledby': `${id}-title ${id}-desc`,
      'font-family': 'DejaVu Sans, Arial, Helvetica, sans-serif',
    });
    expect(root.attrs.viewBox).toBe(`0 0 ${root.attrs.width} ${root.attrs.height}`);
    expect(root.children[0]).toMatchObject({ name: 'title', attrs: { id: `${id}-title` } });
    expect(root.children[1]).toMatchObject({ name: 'desc', attrs: { id: `${id}-desc` } });
    const desc = root.children[1]?.text ?? '';
    expect(desc).toMatch(/^[^\n]{10,}[.]$/);
  });

  it('prefixes every id with the chart id', () => {
    const ids = descendants(root).flatMap((e) => (e.attrs.id === undefined ? [] : [e.attrs.id]));
    expect(ids.every((i) => i.startsWith(`${id}-`))).toBe(true);
  });

  it('writes coordinates to at most one decimal', () => {
    const numeric = /^(x|y|x1|y1|x2|y2|cx|cy|r|width|height|stroke-width)$/;
    for (const e of descendants(root)) {
      for (const [key, value] of Object.entries(e.attrs)) {
        if (numeric.test(key)) expect(value, `${e.name}@${key}`).toMatch(/^-?\d+(\.\d)?$/);
        if (key === 'd') {
          for (const n of value.match(/-?[\d.]+/g) ?? []) expect(n).toMatch(/^-?\d+(\.\d)?$/);
        }
      }
    }
  });

  it('uses only presentation attributes (a <style> would leak into the page)', () => {
    expect(all(root, 'style')).toHaveLength(0);
    expect(descendants(root).some((e) => 'class' in e.attrs || 'style' in e.attrs)).toBe(false);
  });
});

describe('all charts', () => {
  it('render byte-identical output for the same input', () => {
    expect(sampleCharts()).toEqual(samples);
  });

  it('can share one HTML page: no id is used by two charts', () => {
    const ids = Object.values(samples).flatMap((svg) =>
      descendants(parseXml(svg)).flatMap((e) => (e.attrs.id === undefined ? [] : [e.attrs.id])),
    );
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('escape titles and labels', () => {
    const title = `A & B <x> "it's"`;
    const svgs = [
      trendChart({ ...trendSample, title }),
      funnelPlot({
        ...funnelSample,
        title,
        areas: [{ name: title, count: 10, population: 1000, highlight: true }],
      }),
      hotspotMap({
        ...hotspotSample,
        title,
        cells: [{ x: 506_000, y: 195_000, size: 250, count: 2, label: title }],
      }),
      riskMatrix({ ...riskSample, title, issues: [{ ...riskSample.issues[0]!, label: title }] }),
      barChart({ ...barSample, title, bars: [{ label: title, value: 1, note: title }] }),
      choroplethMap({
        ...choroplethSample,
        title,
        areas: choroplethSample.areas.map((a) => ({ ...a, name: title, label: title })),
      }),
    ];
    for (const svg of svgs) {
      expect(all(parseXml(svg), 'title')[0]?.text).toBe(title);
      expect(svg).not.toMatch(/<x>|& B/);
    }
    // The arrow's title is generated; its id is made safe instead.
    const arrow = parseXml(changeArrow({ id: title, changePct: 1, significant: true }));
    expect(arrow.attrs['aria-labelledby']).toBe('A---B--x---it-s--title A---B--x---it-s--desc');
  });

  it('are whole SVG documents, written to test-output/charts for a person to look at', () => {
    mkdirSync(OUT, { recursive: true });
    for (const [name, svg] of Object.entries(samples)) {
      const root = parseXml(svg);
      expect(root.name, name).toBe('svg');
      expect(root.attrs.viewBox, name).toMatch(/^0 0 \d+(\.\d+)? \d+(\.\d+)?$/u);
      writeFileSync(new URL(`${name}.svg`, OUT), svg);
    }
  });

  // Golden SVGs: a change of layout fails here (LANTERN_UPDATE_GOLDEN=1 writes them afresh).
  it.each([
    'trend',
    'trend-gap',
    'trend-forecast',
    'funnel',
    'risk',
    'bar',
    'hotspot-one-cell',
    'hotspot-wards',
    'hotspot-wards-small',
    'choropleth',
    'arrow-up',
  ])('match the golden SVG of %s', (name) => {
    expectGolden(new URL(`__snapshots__/${name}.svg`, import.meta.url), samples[name] ?? '');
  });

  it('draw no text cut off: none outside the chart, none shortened but the long-label samples', () => {
    const cutOnPurpose = ['trend-one-month', 'bar-long-labels'];
    for (const [name, svg] of Object.entries(samples)) {
      const cut = cutTexts(parseXml(svg));
      if (cutOnPurpose.includes(name)) continue;
      expect(cut, name).toEqual([]);
    }
  });
});

describe('browser safety', () => {
  const files = readdirSync(SRC)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .map((f) => new URL(f, SRC));

  // Domain modules are pure and import nothing but domain and errors (ESLint checks it).
  it('imports only its own files, the domain and the d3 packages', () => {
    for (const file of files) {
      const source = readFileSync(file, 'utf8');
      for (const [, spec = ''] of source.matchAll(
        /^\s*(?:import|export)[^'"]*from\s+'([^']+)'/gm,
      )) {
        expect(spec, file.pathname).toMatch(
          /^(\.\/[\w-]+\.js|\.\.\/domain\/[\w-]+\.js|d3-(array|scale|shape))$/,
        );
      }
    }
  });

  it('type-checks against the DOM library with no Node types', () => {
    const program = ts.createProgram(
      files.map((f) => f.pathname),
      {
        target: ts.ScriptTarget.ES2022,
        lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
        types: [],
        module: ts.ModuleKind.ESNext,
        moduleResolution: ts.ModuleResolutionKind.Bundler,
        strict: true,
        noEmit: true,
        skipLibCheck: true,
      },
    );
    const problems = ts
      .getPreEmitDiagnostics(program)
      .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    expect(problems).toEqual([]);
  });
});
