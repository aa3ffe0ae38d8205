/**
 * Issue 16, items 3 and 4, on the demo store (the bundled Hertfordshire data): the charts a report
 * publishes, as the report draws them, for two districts (partner and public) and the force.
 * Every hotspot map outlines its wards (a force's map, its districts) and identifies each one,
 * named in place or lettered with its name in the key, at a size that prints at 8 pt or more; no
 * funnel label covers another, a marker or a line, and every district on it is named or
 * numbered; and no text in either infographic (A4 and social) runs out of its box, the nested
 * map's included. In process, through the use cases the command calls.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { FULL_SCOPE } from '../../src/domain/scope.js';
import { renderAssessment } from '../../src/report/assessment-html.js';
import { infographicSvg } from '../../src/report/infographic.js';
import { infographicData } from '../../src/report/infographic-data.js';
import type { ReportData } from '../../src/report/report-data.js';
import type { ReportFigure } from '../../src/report/report-tables.js';
import type { Db } from '../../src/store/db.js';
import { openStore } from '../../src/store/open-store.js';
import { reportData } from '../../src/usecases/report-data.js';
import { demoStoreCopy } from '../helpers/demo-store.js';
import { settingsFrom } from '../helpers/settings.js';
import { tempDir } from '../helpers/temp.js';
import { funnelLabelProblems } from './funnel-geometry.js';
import { mapNames } from './map-names.js';
import { boxesOverlap, cutTexts, textBoxes, type Box } from './text-boxes.js';
import { all, layer, parseXml, type XmlElement } from './xml.js';

const period = { from: '2025-01', to: '2025-12' };
/** The width of an A4 page's text at the report's 14 mm side margins, in CSS px. */
const PRINT_WIDTH = ((210 - 2 * 14) / 25.4) * 96;

// A partnership's own contacts and plan (nothing left at the bundled example): the report as it
// is published, not a draft.
const SETTINGS = await settingsFrom({
  reportSettings: 'test/fixtures/report/settings.yaml',
  policeCrimePlan: 'test/fixtures/report/plan.yaml',
});
const dir = tempDir();
let db: Db;
beforeAll(async () => {
  db = await openStore(demoStoreCopy(dir.path));
});
afterAll(() => {
  db.close();
  dir.remove();
});

const CASES = [
  { area: 'Three Rivers', audience: 'partner', places: 'ward' },
  { area: 'Three Rivers', audience: 'public', places: 'ward' },
  { area: 'Watford', audience: 'partner', places: 'ward' },
  { area: 'Hertfordshire', audience: 'partner', places: 'district' },
] as const;

/** The white panels of an infographic page (rounded, bordered rectangles). */
function panels(root: XmlElement): Box[] {
  return root.children
    .flatMap(function own(e): XmlElement[] {
      return e.name === 'svg' ? [] : [e, ...e.children.flatMap(own)];
    })
    .filter((e) => e.name === 'rect' && e.attrs.fill === '#ffffff' && e.attrs.stroke !== undefined)
    .map((e) => {
      const [x, y] = [Number(e.attrs.x), Number(e.attrs.y)];
      return { x0: x, y0: y, x1: x + Number(e.attrs.width), y1: y + Number(e.attrs.height) };
    });
}

describe.each(CASES)('the report for $area ($audience), issue 16', ({ area, audience, places }) => {
  let data: ReportData;
  let figures: ReportFigure[];
  beforeAll(async () => {
    data = await reportData(db, FULL_SCOPE, {
      area,
      period,
      audience,
      save: false,
      settings: SETTINGS,
    });
    figures = renderAssessment(data).figures;
  });
  const maps = () => figures.filter((f) => f.id.endsWith('-hotspots'));

  it(`outlines every ${places} on every hotspot map and names or letters each one`, () => {
    expect(maps().length).toBeGreaterThan(0);
    const held = data.places;
    expect(held?.kind).toBe(places);
    const expected = (held?.places ?? []).map((p) => p.name).sort();
    expect(expected.length).toBeGreaterThan(8);
    for (const f of maps()) {
      const root = parseXml(f.svg);
      expect(all(layer(root, 'places')!, 'path'), f.id).toHaveLength(expected.length);
      const found = mapNames(root);
      expect(found.unmatched, f.id).toEqual([]);
      expect([...found.named, ...found.lettered.values()].sort(), f.id).toEqual(expected);
    }
  });

  it('draws the names at print size, over no other name, numbered cell or the map’s edge', () => {
    for (const f of maps()) {
      const root = parseXml(f.svg);
      // Drawn at its own size on the page (not shrunk), so 11 px prints at 8.25 pt.
      expect(Number(root.attrs.width), f.id).toBeLessThanOrEqual(PRINT_WIDTH);
      const names = textBoxes(layer(root, 'place-names')!);
      for (const n of names) expect(n.size * 0.75, `${f.id} ${n.text}`).toBeGreaterThanOrEqual(8);
      // A map with no hotspot marked (too few incidents for Gi*) numbers no cell.
      const numbered = layer(root, 'top-cells');
      const badges = numbered ? textBoxes(numbered) : [];
      for (const [i, a] of names.entries()) {
        for (const b of [...names.slice(i + 1), ...badges])
          expect(boxesOverlap(a, b), `${f.id}: ${a.text} / ${b.text}`).toBe(false);
      }
      expect(cutTexts(root), f.id).toEqual([]);
    }
  });

  it('names or numbers every area on every funnel, with no label over another, a marker or a line', () => {
    const funnels = figures.filter((f) => f.id.endsWith('-funnel'));
    if (places === 'ward') expect(funnels.length).toBeGreaterThan(0);
    for (const f of funnels) {
      const areas = f.table.rows.filter((r) => typeof r[2] === 'number').map((r) => String(r[0]));
      expect(areas.length, f.id).toBeGreaterThan(5);
      expect(funnelLabelProblems(parseXml(f.svg), areas), f.id).toEqual([]);
    }
  });

  for (const format of ['a4', 'social'] as const) {
    it(`cuts no text in the ${format} infographic: each inside its panel and its chart, the map’s included`, () => {
      const root = parseXml(infographicSvg(infographicData(data), format));
      const boxes = panels(root);
      const page = { x0: 0, y0: 0, x1: Number(root.attrs.width), y1: Number(root.attrs.height) };
      const texts = textBoxes(root);
      // The map is there, with its places.
      expect(texts.filter((t) => t.chart !== null).length).toBeGreaterThan(10);
      for (const t of texts) {
        const where = `"${t.text}"${t.chart ? ` in ${t.chart}` : ''}`;
        const mid = { x: (t.x0 + t.x1) / 2, y: (t.y0 + t.y1) / 2 };
        const host = boxes.find(
          (b) => mid.x > b.x0 && mid.x < b.x1 && mid.y > b.y0 && mid.y < b.y1,
        );
        const box = host ?? page;
        expect(t.x0, where).toBeGreaterThanOrEqual(box.x0 - 0.5);
        expect(t.x1, where).toBeLessThanOrEqual(box.x1 + 0.5);
        expect(t.y0, where).toBeGreaterThanOrEqual(box.y0 - 0.5);
        expect(t.y1, where).toBeLessThanOrEqual(box.y1 + 0.5);
        // A text outside every panel (the header band, the footer) crosses none.
        if (host === undefined)
          for (const b of boxes) expect(boxesOverlap(t, b), where).toBe(false);
      }
      expect(cutTexts(root)).toEqual([]);
      const map = all(root, 'svg').find((s) => s !== root && layer(s, 'cells') !== undefined);
      expect(map && all(layer(map, 'places')!, 'path').length, 'the map outlines its places').toBe(
        data.places?.places.length,
      );
    });
  }
});
