/**
 * `lantern report` on the demo store (the bundled Hertfordshire police.uk data and the synthetic
 * partner data): the files, the sections, numbers equal to the assessment's and the trends', the
 * accessibility of every chart and table, the public version's disclosure rules, the PDF's pages
 * rendered to PNG when Chromium and poppler are installed, and bad input refused with nothing
 * written.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Assessment } from '../src/domain/assessment.js';
import { renderAssessment } from '../src/report/assessment-html.js';
import { assessmentFor } from '../src/report/audience.js';
import { hotspotFigure } from '../src/report/report-tables.js';
import { all, descendants, layer, parseXml, type XmlElement } from './charts/xml.js';
import { run, runJson } from './helpers/cli.js';
import { demoStoreCopy } from './helpers/demo-store.js';
import { threeRiversData } from './helpers/three-rivers-report.js';
import {
  internalText,
  pageOutline,
  pageProblems,
  pdfPageCount,
  pdfPages,
  readerText,
} from './helpers/report-pages.js';
import { tempDir } from './helpers/temp.js';
import { settingsFrom } from './helpers/settings.js';

const SETTINGS = await settingsFrom();

const dir = tempDir();
let db: string;

beforeAll(() => {
  db = demoStoreCopy(dir.path);
});
afterAll(() => dir.remove());

const area = ['report', '--area', 'Three Rivers', '--period', '2025-01..2025-12'];
const example = 'config/examples/three-rivers-2025-26.yaml';
// A partnership's own contacts and plan: nothing in them is still the bundled example.
const settings = 'test/fixtures/report/settings.yaml';
const own = [
  '--report-settings',
  settings,
  '--police-crime-plan',
  'test/fixtures/report/plan.yaml',
];
const base = [...area, ...own];
const chromium = existsSync('/usr/bin/chromium');
const poppler = (() => {
  try {
    execFileSync('pdftoppm', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

interface Built {
  out: string;
  assessmentId: string;
  files: string[];
  pdf: { written: boolean; reason: string | null };
  priorities: string[];
}

const csv = (path: string) =>
  Papa.parse<Record<string, string>>(readFileSync(path, 'utf8'), {
    header: true,
    skipEmptyLines: true,
  });

describe('lantern report (partner version)', () => {
  let out: string;
  let built: Built;
  let html: string;
  beforeAll(async () => {
    out = join(dir.path, 'three-rivers');
    // As the README makes it: the bundled settings and plan, the example inputs, as a draft.
    const r = await runJson<Built>([
      ...area,
      '--inputs',
      example,
      '--draft',
      '--out',
      out,
      '--db',
      db,
    ]);
    expect(r.code, r.stderr).toBe(0);
    built = r.json;
    html = readFileSync(join(out, 'assessment.html'), 'utf8');
  });

  it('writes the document, the infographics and a CSV for every chart and table', async () => {
    for (const f of [
      'assessment.html',
      'infographic.svg',
      'infographic.png',
      'infographic-social.svg',
      'infographic-social.png',
      'data/index.csv',
    ])
      expect(existsSync(join(out, f)), f).toBe(true);
    expect(built.pdf.written).toBe(chromium);
    // Every id in the document has its CSV, and the index lists exactly the CSVs written.
    const ids = [...html.matchAll(/<(?:figure|table) id="([^"]+?)(?:-table)?"/gu)].map(
      (m) => m[1]!,
    );
    expect(ids.length).toBeGreaterThan(10);
    for (const id of new Set(ids))
      expect(existsSync(join(out, 'data', `${id}.csv`)), id).toBe(true);
    const index = csv(join(out, 'data/index.csv')).data.map((r) => r.file);
    expect(index.sort()).toEqual(
      readdirSync(join(out, 'data'))
        .filter((f) => f !== 'index.csv' && f.endsWith('.csv'))
        .sort(),
    );
    // One self-contained file: no scripts, no external requests.
    expect(html).not.toMatch(/<script|<link |src="http|href="http/u);
  });

  it("names the partners' methods where they are used", () => {
    const [body] = html.split('<section id="method"');
    expect(body).toMatch(/exact test, Holm-adjusted across categories/u);
    expect(body).toMatch(/Busiest significant hotspots \(Getis-Ord Gi\*\)/u);
    expect(body).toMatch(/overdispersion: they typically differ by about \d+%/u);
  });

  it('says on the infographic that a High priority is left off (Three Rivers 2025 has 6)', async () => {
    expect(built.priorities.length).toBe(6);
    for (const file of ['infographic.svg', 'infographic-social.svg']) {
      const svg = readFileSync(join(out, file), 'utf8');
      expect(svg, file).toContain('5 of 6 High priorities shown: the report lists all.');
    }
  });

  it('has the sections of a strategic assessment, with real headings', async () => {
    for (const id of [
      'summary',
      'priorities',
      'priority-1',
      'categories',
      'partner',
      'alignment',
      'method',
      'appendix',
    ])
      expect(html, id).toContain(`<section id="${id}"`);
    expect(html.match(/<h1>/gu)).toHaveLength(1);
    expect(html).toContain('<h1>Community safety strategic assessment: Three Rivers</h1>');
    // A section per High priority, in rank order, as the CLI reported them.
    const headings = [
      ...html.matchAll(/<h2 id="priority-\d+-h">Priority \d+: ([^<]+)<\/h2>/gu),
    ].map((m) => m[1]);
    expect(headings).toEqual(built.priorities.map((p) => p.replace(/&/gu, '&amp;')));
    for (const words of [
      'police.uk locations are approximate',
      'missing from the data is unknown',
      'population',
      'much is never reported',
    ])
      expect(html).toContain(words);
  });

  it('speaks to its reader: no command, option, file, figure id or internal note; each caveat once', async () => {
    for (const file of ['assessment.html', 'infographic.svg', 'infographic-social.svg'])
      expect(internalText(readerText(readFileSync(join(out, file), 'utf8'))), file).toEqual([]);
    expect(html).not.toMatch(/<code>|class="fig-id"/u);
    // Figures and tables are numbered in order, and the index says which CSV holds each.
    for (const [kind, tag] of [
      ['Figure', 'figcaption'],
      ['Table', 'caption'],
    ] as const) {
      const numbers = [
        ...html.matchAll(new RegExp(`<${tag}><span class="label">(${kind} \\d+)\\.`, 'gu')),
      ].map((m) => m[1]!);
      expect(numbers.length, kind).toBeGreaterThan(5);
      expect(numbers).toEqual(numbers.map((_, i) => `${kind} ${i + 1}`));
    }
    const index = csv(join(out, 'data/index.csv')).data;
    expect(index.find((r) => r.file === 'fig-risk-matrix.csv')!['in the report']).toBe(
      'Figure 1 and Table 1',
    );
    // Tactical options say what, where and why in words; the commands are in the data folder.
    const options = csv(join(out, 'data/tab-p1-options.csv'));
    expect(options.meta.fields).toEqual([
      'what would be done',
      'where',
      'why',
      'approach',
      'what is known of its effect',
    ]);
    for (const o of options.data) for (const v of Object.values(o)) expect(v).not.toBe('');
    const reproduce = readFileSync(join(out, 'data/how-to-reproduce.txt'), 'utf8');
    expect(reproduce).toMatch(
      /lantern repeat-locations --area "Three Rivers" --category violent-crime/u,
    );
    expect(reproduce).toMatch(/^ {2}Figure 2 \(by month\): lantern exceptions/mu);
    // Each caveat once: none repeats another.
    const method = /<section id="method"[\s\S]*?<\/section>/u.exec(html)![0];
    const caveats = [...method.matchAll(/<li>([\s\S]*?)<\/li>/gu)].map((m) => readerText(m[1]!));
    expect(caveats.length).toBeGreaterThan(5);
    const words = (t: string) => new Set(t.toLowerCase().match(/[a-z]{4,}/gu));
    for (const [i, a] of caveats.entries())
      for (const b of caveats.slice(i + 1)) {
        const [x, y] = [words(a), words(b)];
        const shared = [...x].filter((w) => y.has(w)).length;
        expect(shared / Math.min(x.size, y.size), `${a}\n${b}`).toBeLessThan(0.6);
      }
    // A county force's area is "the county".
    expect(html).toContain('Alignment with the county and the Police and Crime Plan');
  });

  it('marks every value still at its bundled example as not yet confirmed, on every page', async () => {
    expect(html).toContain(
      '<p class="draft-banner">Draft: the &quot;ASB and fly-tipping&quot; contact, the Police and Crime Plan objectives and the manual scores are not yet confirmed by the partnership.</p>',
    );
    expect(html).toMatch(
      /@page \{ @top-center \{ content: "DRAFT: NOT YET CONFIRMED BY THE PARTNERSHIP"/u,
    );
    expect(html).toContain(
      'your local council <span class="draft-note">(example, not yet confirmed by the partnership)</span>',
    );
    expect(html).toContain(
      'The Police and Crime Plan objectives below are an example, not yet confirmed by the partnership',
    );
    for (const file of ['infographic.svg', 'infographic-social.svg']) {
      const svg = readerText(readFileSync(join(out, file), 'utf8'));
      expect(svg, file).toContain('DRAFT');
      expect(svg, file).toContain('Not yet confirmed by the partnership');
    }
  });

  it('gives every chart a title, a description and a caption, and every table a caption and headers', async () => {
    const svgs = [...html.matchAll(/<svg[^>]*>/gu)].map((m) => m[0]);
    expect(svgs.length).toBeGreaterThan(5);
    for (const s of svgs.filter((s) => s.includes('role="img"')))
      expect(s).toMatch(/aria-labelledby="[^"]+-title [^"]+-desc"/u);
    const figures = html.split('<figure ').slice(1);
    for (const f of figures) {
      expect(f).toMatch(/<title id=/u);
      expect(f).toMatch(/<desc id=[^>]*>[^<]{20,}/u);
      expect(f).toMatch(/<figcaption>/u);
    }
    for (const t of html.split('<table ').slice(1)) {
      expect(t).toMatch(/^[^>]*>\s*<caption>/u);
      expect(t).toMatch(/<th scope="col">/u);
    }
  });

  it('shows the same numbers as the assessment and the trends', async () => {
    const assessed = (
      await runJson<{
        issues: {
          key: string;
          label: string;
          rank: number;
          band: string;
          risk: number;
          evidence: { recorded: number };
        }[];
      }>([
        'assess',
        '--area',
        'Three Rivers',
        '--period',
        '2025-01..2025-12',
        '--inputs',
        example,
        '--no-save',
        '--db',
        db,
      ])
    ).json;
    const matrix = csv(join(out, 'data/fig-risk-matrix.csv')).data;
    expect(matrix.map((r) => [Number(r.rank), r.band, Number(r.risk)])).toEqual(
      assessed.issues.map((i) => [i.rank, i.band, i.risk]),
    );
    const trend = (
      await runJson<{ current: number; previous: number }>([
        'trends',
        '--area',
        'Three Rivers',
        '--category',
        'all-crime',
        '--period',
        '2025-01..2025-12',
        '--db',
        db,
      ])
    ).json;
    expect(html).toContain(`recorded ${trend.current.toLocaleString('en-GB')} crimes`);
    const categories = csv(join(out, 'data/tab-categories.csv')).data;
    expect(categories).toHaveLength(14);
    for (const c of categories)
      expect(Number(c.recorded), c.category).toBe(
        assessed.issues.find((i) => i.label === c.category)!.evidence.recorded,
      );
    expect(categories.reduce((n, c) => n + Number(c.recorded), 0)).toBe(
      trend.current +
        Number(categories.find((c) => c.category === 'Anti-social behaviour')!.recorded),
    );
    // The first priority's monthly CSV sums, over the period, to its recorded count.
    const first = assessed.issues[0]!;
    const months = csv(join(out, 'data/fig-p1-trend.csv')).data.filter(
      (m) => m.month! >= '2025-01' && m.month! <= '2025-12',
    );
    expect(months.reduce((n, m) => n + Number(m.recorded), 0)).toBe(first.evidence.recorded);
  });

  it('gives hate crime by strand and fly-tipping by waste type, as trends counts them', async () => {
    for (const [dataset, file, by] of [
      ['hate-crime', 'tab-hate-crime-by-strand.csv', 'strand'],
      ['fly-tipping', 'tab-fly-tipping-by-waste-type.csv', 'waste type'],
    ] as const) {
      const docs = (
        await runJson<{ category: string; label: string; current: number; previous: number }[]>([
          'trends',
          '--area',
          'Three Rivers',
          '--dataset',
          dataset,
          '--all',
          '--period',
          '2025-01..2025-12',
          '--db',
          db,
        ])
      ).json.filter((d) => d.category !== 'total' && (d.current > 0 || d.previous > 0));
      const rows = csv(join(out, 'data', file)).data;
      expect(rows.length, file).toBe(docs.length);
      for (const d of docs) {
        const row = rows.find(
          (r) => r[by]!.toLowerCase() === d.label.replace(/^.*?: /u, '').toLowerCase(),
        );
        expect(row, d.label).toBeDefined();
        expect([Number(row!.recorded), Number(row!['2024'])], d.label).toEqual([
          d.current,
          d.previous,
        ]);
      }
      // Largest first.
      const counts = rows.map((r) => Number(r.recorded));
      expect(counts).toEqual([...counts].sort((a, b) => b - a));
    }
    // A reader is told why the strands add up to more than the offences.
    expect(html).toContain('strand totals add up to more than the number of offences');
    // A restricted dataset's counts: a year is given only where trends shows every month of it
    // (here no other district of the force holds domestic abuse), in words where it does not.
    const abuse = (
      await runJson<
        {
          category: string;
          current: number | null;
          months: { month: string; count: number | null }[];
        }[]
      >([
        'trends',
        '--area',
        'Three Rivers',
        '--dataset',
        'domestic-abuse',
        '--all',
        '--period',
        '2025-01..2025-12',
        '--db',
        db,
      ])
    ).json;
    const counts = csv(join(out, 'data', 'tab-domestic-abuse-counts.csv')).data;
    expect(counts.map((r) => r['count of'])).toEqual([
      'Incidents recorded',
      'Of which crimes',
      'Victims with a previous incident in the last 12 months',
      'Referrals to support services (e.g. MARAC, IDVA)',
    ]);
    for (const [i, category] of ['incidents', 'crimes', 'repeat-victims', 'referrals'].entries()) {
      const d = abuse.find((x) => x.category === category)!;
      const whole = d.months.every((m) => m.count !== null);
      expect(counts[i]!.recorded, category).toBe(whole ? String(d.current) : 'not shown');
    }
    expect(counts.some((r) => r.recorded === 'not shown')).toBe(true); // referrals: small months
    expect(html).toContain('Restricted dataset: a count is not shown where a month it covers');
    // Prevent, whose every count is held back, gets no table.
    expect(existsSync(join(out, 'data', 'tab-prevent-by-stage.csv'))).toBe(false);
  });

  it('prints to an A4 PDF whose pages render and read well, when Chromium is installed', async () => {
    if (!chromium) {
      expect(built.pdf.reason).toMatch(/apt-get install chromium/u);
      return;
    }
    const pdf = join(out, 'assessment.pdf');
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    if (!poppler) return; // pages are rendered with poppler-utils, which .ci/run installs
    const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
    expect(info).toMatch(/Page size:\s+59[45]\.\d+ x 841\.\d+ pts \(A4\)/u);
    const pages = pdfPages(pdf);
    expect(pages).toHaveLength(pdfPageCount(pdf));
    expect(pages.length).toBeGreaterThan(10);
    expect(pages.length).toBeLessThan(25);
    // Every page reads well: none near-empty, no heading or table header left at a page's foot;
    // every page says it is a draft; none holds internal text.
    expect(pageProblems(pages, html)).toEqual([]);
    for (const [i, p] of pages.entries()) {
      expect(p, `page ${i + 1}`).toContain('DRAFT: NOT YET CONFIRMED BY THE PARTNERSHIP');
      expect(internalText(p), `page ${i + 1}`).toEqual([]);
    }
    // What each page holds: a change of layout shows here (update with vitest -u, having looked
    // at the pages: test-output/report/page-*.png).
    await expect(pageOutline(pages, html)).toMatchFileSnapshot('golden/report-pages-partner.txt');
    const shots = 'test-output/report';
    mkdirSync(shots, { recursive: true });
    execFileSync('pdftoppm', ['-r', '60', '-png', '-f', '1', '-l', '3', pdf, join(shots, 'page')]);
    const pngs = readdirSync(shots).filter((f) => /^page-\d+\.png$/u.test(f));
    expect(pngs.length).toBe(3);
    // A rendered page with text and charts is far from blank.
    for (const p of pngs) expect(readFileSync(join(shots, p)).length).toBeGreaterThan(20_000);
  });
});

describe('lantern report (public version)', () => {
  it('shows no count from 1 to 4 and leaves out datasets shared only between partners', async () => {
    const out = join(dir.path, 'public');
    const r = await runJson<Built>([...base, '--audience', 'public', '--out', out, '--db', db]);
    expect(r.code, r.stderr).toBe(0);
    const html = readFileSync(join(out, 'assessment.html'), 'utf8');
    expect(html).toContain('Public version');
    // A resident reads plain words; the methods behind them are named once, under Method.
    const [body, method] = html.split('<section id="method"');
    expect(body).toMatch(/larger than chance would explain/u);
    expect(body).toMatch(/places with clearly more recorded than their surroundings/u);
    expect(body).not.toMatch(/Holm|Gi\*|Getis|overdispers|Spiegelhalter|Poisson/u);
    expect(method).toMatch(/Holm(&#39;|')s adjustment/u);
    expect(method).toMatch(/Getis-Ord Gi\* statistic/u);
    expect(method).toMatch(/Spiegelhalter(&#39;|')s additive random effect/u);
    const outline = publicReads(out, html);
    if (outline !== null)
      await expect(outline).toMatchFileSnapshot('golden/report-pages-public.txt');
    // Prevent (restricted) and hate crime (partner only) are not in it; the note says so.
    const matrix = readFileSync(join(out, 'data/fig-risk-matrix.csv'), 'utf8');
    expect(matrix).toMatch(/Fly-tipping/u);
    expect(matrix).not.toMatch(/Prevent|Hate crime|Domestic abuse/u);
    const headings = html.match(/<h2 id="priority-\d+-h">[^<]*/gu) ?? [];
    expect(headings.length).toBeGreaterThan(0);
    for (const h of headings) expect(h).not.toMatch(/Hate|Prevent|Domestic/u);
    expect(html).toMatch(
      /Left out of this public version \(shared only between partners\): Domestic abuse \(synthetic\), Hate crime offences \(synthetic\), Prevent referrals \(synthetic\)/u,
    );
    expect(html.split('Prevent referrals')).toHaveLength(2);
    // Every count column of every CSV: no 1, 2, 3 or 4.
    const index = csv(join(out, 'data/index.csv')).data;
    let checked = 0;
    for (const { file } of index) {
      const rows = csv(join(out, 'data', file!));
      for (const field of rows.meta.fields ?? [])
        if (/^(recorded|earlier period)$/u.test(field))
          for (const row of rows.data) {
            checked += 1;
            expect(['1', '2', '3', '4'], `${file} ${field}`).not.toContain(row[field]);
          }
    }
    expect(checked).toBeGreaterThan(50);
    // Robbery is rare enough that some months hold fewer than 5: shown so, not as numbers.
    const robberyFile = index.find((t) => t.caption === 'Robbery by month')!.file!;
    const robbery = readFileSync(join(out, 'data', robberyFile), 'utf8');
    expect(robbery).toContain('fewer than 5');
    // The HTML's table cells likewise.
    let cells = 0;
    for (const table of html.split('<table ').slice(1)) {
      const head = [...table.matchAll(/<th scope="col">([^<]*)<\/th>/gu)].map((m) => m[1]);
      const counts = head.flatMap((h, i) =>
        h === 'recorded' || h === 'earlier period' ? [i] : [],
      );
      for (const row of table.split('<tr>').slice(2)) {
        const values = [...row.matchAll(/<t[hd][^>]*>([^<]*)<\/t[hd]>/gu)].map((m) => m[1]);
        for (const i of counts) {
          cells += 1;
          expect(['1', '2', '3', '4']).not.toContain(values[i]);
        }
      }
    }
    expect(cells).toBeGreaterThan(50);
    const svg = readFileSync(join(out, 'infographic.svg'), 'utf8');
    expect(svg).toMatch(/<svg[^>]+role="img"/u);
  });

  /**
   * The public version speaks to its reader, is no draft, ranks without gaps, prints well; what
   * each of its pages holds, when Chromium and poppler are installed.
   */
  function publicReads(out: string, html: string): string | null {
    for (const file of ['assessment.html', 'infographic.svg', 'infographic-social.svg'])
      expect(internalText(readerText(readFileSync(join(out, file), 'utf8'))), file).toEqual([]);
    expect(readerText(html)).not.toMatch(/not yet confirmed|draft/iu);
    // Its own list ranked 1..n, with no gap where a partner-only dataset stood.
    const ranks = csv(join(out, 'data/fig-risk-matrix.csv')).data.map((r) => Number(r.rank));
    expect(ranks).toEqual(ranks.map((_, i) => i + 1));
    const shown = [...html.matchAll(/<h2 id="priority-\d+-h">Priority (\d+):/gu)].map((m) =>
      Number(m[1]),
    );
    expect(shown).toEqual(shown.map((_, i) => i + 1));
    // Robbery's months of fewer than 5 are drawn as not shown, not as months with no data.
    const robbery =
      /<figure id="fig-p\d+-trend">(?:(?!<\/figure>)[\s\S])*?Robbery by month[\s\S]*?<\/figure>/u.exec(
        html,
      )![0];
    expect(robbery).toContain('Not shown (to protect small numbers)');
    if (!chromium || !poppler) return null;
    const pages = pdfPages(join(out, 'assessment.pdf'));
    expect(pageProblems(pages, html)).toEqual([]);
    for (const [i, p] of pages.entries()) expect(internalText(p), `page ${i + 1}`).toEqual([]);
    return pageOutline(pages, html);
  }

  it("leaves the inputs file's reasons out, and says where the plan's table leaves an issue out", async () => {
    const out = join(dir.path, 'public-inputs');
    const r = await runJson<Built>([
      ...area,
      '--inputs',
      example,
      '--draft',
      '--audience',
      'public',
      '--no-pdf',
      '--out',
      out,
      '--db',
      db,
    ]);
    expect(r.code, r.stderr).toBe(0);
    const html = readFileSync(join(out, 'assessment.html'), 'utf8');
    // Who scored and when stay; why (the partnership's internal note) does not.
    expect(html).toContain(
      'organisational position 2 (Example analyst (illustrative), 2026-01-15)',
    );
    for (const note of [
      'no dedicated ASB officer',
      'Illustrative: exploitation of children',
      'Neighbourhood Watch',
    ])
      expect(html, note).not.toContain(note);
    // Hate crime (partner only) is what the plan's "Protect vulnerable people" objective covers.
    const plan = csv(join(out, 'data/tab-plan-alignment.csv')).data;
    const protect = plan.find((row) => Object.values(row)[0]!.startsWith('Protect vulnerable'))!;
    expect(Object.values(protect).slice(1)).toEqual([
      'left out of the public version',
      'left out of the public version',
    ]);
  });

  it("keeps partner-only themes out of the county's side too", async () => {
    const a = (await runJson<Assessment>(['assess', ...area.slice(1), '--no-save', '--db', db]))
      .json;
    // The demo's county holds no partner theme: give it a restricted one, High there only.
    expect(a.alignment.county).not.toBeNull();
    a.alignment.county!.countyOnly.push({
      key: 'prevent',
      label: 'Prevent referrals',
      countyRank: 1,
      district: null,
    });
    a.county!.issues.push({ ...a.county!.issues[0]!, key: 'prevent', label: 'Prevent referrals' });
    const keys = (x: Assessment) => [
      ...x.alignment.county!.countyOnly.map((c) => c.key),
      ...x.county!.issues.map((i) => i.key),
    ];
    expect(keys(assessmentFor(a, 'partner').shown)).toContain('prevent');
    const { shown, withheld } = assessmentFor(a, 'public');
    expect(keys(shown)).not.toContain('prevent');
    expect(keys(shown)).toContain('burglary');
    expect(withheld.join('; ')).toMatch(/Prevent referrals/u);
  });

  it('estimates no hidden figure from a count under 5 for the public, and says force area unless a county', async () => {
    const data = await threeRiversData(db, 'public');
    const p = data.priorities.find((x) => x.hiddenFigure !== null);
    expect(p).toBeDefined();
    const hidden = p!.hiddenFigure!;
    expect(renderAssessment(data).html).toContain(
      `${Math.round(hidden.estimate).toLocaleString('en-GB')} (95% range`,
    );
    p!.hiddenFigure = { ...hidden, recorded: 3, estimate: 7.5, interval: [6, 9] };
    const html = renderAssessment(data).html;
    expect(html).toContain('Not estimated here: fewer than 5 were recorded.');
    expect(html).not.toMatch(/may stand for about/u);
    // A district of a force that is no county (a metropolitan force): "the force area".
    const metropolitan = renderAssessment({ ...data, forceWord: 'force area' }).html;
    expect(metropolitan).toContain('Alignment with the force area and the Police and Crime Plan');
    expect(readerText(metropolitan)).not.toMatch(/\bcounty\b(?! lines)/iu);
    expect(readerText(renderAssessment(data).html)).toMatch(/\bcounty\b/iu);
  });

  it('produces the HTML without Chromium and says how to get the PDF', async () => {
    const out = join(dir.path, 'no-chromium');
    // In this process: what is tested is the command without Chromium, not the process's contract
    // (the report reads LANTERN_CHROMIUM from the environment it is given).
    const r = await run([...base, '--out', out, '--db', db], { LANTERN_CHROMIUM: '' });
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(join(out, 'assessment.html'))).toBe(true);
    expect(existsSync(join(out, 'assessment.pdf'))).toBe(false);
    expect(r.stdout).toMatch(
      /No PDF: no Chromium found: install Chromium \(Debian\/Ubuntu: apt-get install chromium\)/u,
    );
  });
});

describe('lantern report: bad input', () => {
  it('refuses bad options and a folder that is not a report, writing nothing', async () => {
    const taken = join(dir.path, 'taken');
    mkdirSync(taken);
    writeFileSync(join(taken, 'notes.txt'), 'mine');
    const cases: [string[], RegExp][] = [
      [
        [...base, '--out', join(dir.path, 'x'), '--audience', 'press'],
        /--audience: "press" is not partner or public/u,
      ],
      [[...base], /--out DIR is required/u],
      [
        ['report', '--area', 'Three Rivers', '--out', join(dir.path, 'x')],
        /--period PERIOD is required/u,
      ],
      [[...base, '--out', taken], /taken already holds files; give --replace/u],
      [[...base, '--out', join(taken, 'notes.txt')], /notes\.txt: is a file, not a folder/u],
      [
        [...base, '--out', join(dir.path, 'x'), '--inputs', 'no-such.yaml'],
        /no-such\.yaml: no such inputs file/u,
      ],
      // A value still at its bundled example: the file, the line and what to put there.
      [
        [...area, '--out', join(dir.path, 'x')],
        /config\/report\.yaml:18: contacts\.3\.detail: "your local council" is the bundled example, not the partnership's: put your council's phone number or web page for reporting anti-social behaviour and fly-tipping/u,
      ],
      [
        [...area, '--out', join(dir.path, 'x')],
        /config\/police-crime-plan\.yaml:13: illustrative: .* put your Police and Crime Commissioner's published plan/u,
      ],
      [
        [...base, '--inputs', example, '--out', join(dir.path, 'x')],
        /three-rivers-2025-26\.yaml:5: example: .*is the bundled example.*or make a draft with --draft/su,
      ],
    ];
    for (const [args, message] of cases) {
      const r = await run([...args, '--no-pdf', '--db', db]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(message);
    }
    expect(existsSync(join(dir.path, 'x'))).toBe(false);
    expect(readdirSync(taken)).toEqual(['notes.txt']);
    expect(readdirSync(dir.path).filter((f) => f.includes('.partial-'))).toEqual([]);
  });

  it('saves the assessment behind it, unless --no-save', async () => {
    const saved = async () =>
      (await runJson<unknown[]>(['assess', 'list', '--db', db])).json.length;
    const watford = [
      ...['report', '--area', 'Watford', '--period', '2025-01..2025-12', '--no-pdf'],
      ...own,
    ];
    const before = await saved();
    const out = join(dir.path, 'watford');
    expect((await run([...watford, '--out', out, '--no-save', '--db', db])).code).toBe(0);
    expect(await saved()).toBe(before);
    expect((await run([...watford, '--out', out, '--replace', '--db', db])).code).toBe(0);
    expect(await saved()).toBe(before + 1);
  });

  it("replaces an earlier report only with --replace, and then only the report's own files", async () => {
    // The case of issue 14: a folder holding a file named assessment.html beside the user's own.
    const out = join(dir.path, 'theirs');
    mkdirSync(join(out, 'sub'), { recursive: true });
    writeFileSync(join(out, 'assessment.html'), 'an old report');
    writeFileSync(join(out, 'keep.txt'), 'mine');
    writeFileSync(join(out, 'sub', 'thesis.docx'), 'my thesis');
    const refused = await run([...base, '--out', out, '--no-pdf', '--db', db]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(
      /theirs already holds files; give --replace to replace the report there .*or give a new or empty folder/u,
    );
    expect(readFileSync(join(out, 'assessment.html'), 'utf8')).toBe('an old report');
    expect(readdirSync(out).sort()).toEqual(['assessment.html', 'keep.txt', 'sub']);

    const r = await run([...base, '--out', out, '--no-pdf', '--replace', '--db', db]);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(join(out, 'assessment.html'), 'utf8')).toMatch(/^<!doctype html>/u);
    expect(readFileSync(join(out, 'keep.txt'), 'utf8')).toBe('mine');
    expect(readFileSync(join(out, 'sub', 'thesis.docx'), 'utf8')).toBe('my thesis');
    expect(existsSync(join(out, 'data', 'index.csv'))).toBe(true);

    // Again over that report: a CSV the earlier report listed and the new one does not write goes;
    // the user's own CSV in data/ (not in the index) stays.
    const index = join(out, 'data', 'index.csv');
    writeFileSync(index, `${readFileSync(index, 'utf8')}fig-p9-trend,Old,fig-p9-trend.csv\n`);
    writeFileSync(join(out, 'data', 'fig-p9-trend.csv'), 'month,recorded\n');
    writeFileSync(join(out, 'data', 'mine.csv'), 'a,b\n');
    expect((await run([...base, '--out', out, '--no-pdf', '--replace', '--db', db])).code).toBe(0);
    expect(existsSync(join(out, 'data', 'fig-p9-trend.csv'))).toBe(false);
    expect(readFileSync(join(out, 'data', 'mine.csv'), 'utf8')).toBe('a,b\n');
    expect(readFileSync(join(out, 'keep.txt'), 'utf8')).toBe('mine');
    expect(readFileSync(index, 'utf8')).not.toMatch(/fig-p9-trend/u);
    expect(readdirSync(dir.path).filter((f) => f.includes('.partial-'))).toEqual([]);
  });

  it("refuses, even with --replace, to write over a file of the user's in the report's place", async () => {
    const own = join(dir.path, 'own-index');
    mkdirSync(join(own, 'data'), { recursive: true });
    writeFileSync(join(own, 'data', 'index.csv'), 'name,notes\nx,y\n');
    const r = await run([...base, '--out', own, '--no-pdf', '--replace', '--db', db]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/holds data\/index\.csv, which no earlier Lantern report wrote/u);
    expect(readFileSync(join(own, 'data', 'index.csv'), 'utf8')).toBe('name,notes\nx,y\n');
    expect(readdirSync(own).sort()).toEqual(['data']);
    expect(readdirSync(dir.path).filter((f) => f.includes('.partial-'))).toEqual([]);
  });

  it('writes a new or empty folder without --replace', async () => {
    const empty = join(dir.path, 'empty');
    mkdirSync(empty);
    expect((await run([...base, '--out', empty, '--no-pdf', '--db', db])).code).toBe(0);
    expect(existsSync(join(empty, 'assessment.html'))).toBe(true);
  });
});

describe('lantern report: tactical options', () => {
  /** The rows of a priority's options table, as a reader reads them. */
  const optionRows = (html: string, index: number) =>
    [
      ...new RegExp(`<table id="tab-p${index}-options-table"[\\s\\S]*?</table>`, 'u')
        .exec(html)![0]
        .matchAll(/<tr><th scope="row">[\s\S]*?<\/tr>/gu),
    ].map((m) => readerText(m[0]).trim());

  it("words the library's options as true of any area, with no period of their own", () => {
    // A report covers a month or a year: an option "of the last quarter", or one about the times
    // a crime clusters (police.uk gives only the month), would not be true of what is beside it.
    for (const o of SETTINGS.tacticalOptions)
      expect(`${o.option} ${o.why ?? ''}`, o.option).not.toMatch(
        /\bquarter\b|\b(last|this|past|latest) (weeks?|months?|years?)\b|\bat (a few|the) times\b/iu,
      );
  });

  it("gives the area's own figures as the area's, and says so where the hotspot analysis found no concentration", async () => {
    const data = await threeRiversData(db, 'partner');
    const index = data.priorities.findIndex((p) => p.key === 'robbery') + 1;
    expect(index).toBeGreaterThan(0);
    const robbery = data.priorities[index - 1]!;
    // Three Rivers' 44 robberies of 2025 are too few for Gi* to mark a hotspot (0.18 expected
    // around each cell): whether any place stands out is not known, and the option says neither
    // that robbery clusters somewhere nor that it does not.
    expect(robbery.hotspot!.found).toBeUndefined();
    expect(robbery.hotspot!.top).toEqual([]);
    const [unknown] = optionRows(renderAssessment(data).html, index);
    expect(unknown).toContain(
      'Where robbery is concentrated, if the hotspot analysis finds such places',
    );
    expect(unknown).not.toMatch(/busiest hotspots|found no place/u);

    // The busiest hotspots' counts are said to be Three Rivers' in 2025, not left to read as
    // proof of the library's general reason.
    const top = [
      { location: 'On or near High Street, Rickmansworth Town ward', count: 4 },
      { location: 'On or near Bridge Street, Oxhey Hall ward', count: 3 },
    ];
    robbery.hotspot = { ...robbery.hotspot!, found: true, top };
    const [found] = optionRows(renderAssessment(data).html, index);
    expect(found).toContain(
      `In Three Rivers, January to December 2025, the ${top.length} busiest hotspots saw`,
    );

    // Where the analysis found no hotspot, the option says so, and names no place where
    // robbery "concentrates" or "clusters".
    robbery.hotspot = { ...robbery.hotspot!, found: false, top: [] };
    const [none] = optionRows(renderAssessment(data).html, index);
    expect(none).toContain(
      'In Three Rivers, January to December 2025, the hotspot analysis found no place where robbery is concentrated',
    );
    expect(none).not.toMatch(
      /busiest hotspots|Where robbery concentrates|(^|[.:;] )Robbery clusters/u,
    );

    // A hotspot found but not named (too small for the public version) is not said to be none.
    robbery.hotspot = { ...robbery.hotspot, found: true };
    const [unnamed] = optionRows(renderAssessment(data).html, index);
    expect(unnamed).not.toMatch(/no place|None yet/u);
  });
});

describe('lantern report: hotspot map and its list', () => {
  /** The names of the cells a hotspot map numbers, in the order of their numbers. */
  function numberedOnMap(svg: string, cells: readonly { count: number; label?: string }[]) {
    const root = parseXml(svg);
    const centre = (r: XmlElement) =>
      `${(Number(r.attrs.x) + Number(r.attrs.width) / 2).toFixed(1)},${(Number(r.attrs.y) + Number(r.attrs.height) / 2).toFixed(1)}`;
    // The cells layer draws the cells with incidents in the order given.
    const shaded = cells.filter((c) => c.count > 0);
    const byCentre = new Map(
      all(layer(root, 'cells')!, 'rect').map((r, i) => [centre(r), shaded[i]!.label]),
    );
    // Each number follows the outline of the cell it marks.
    const marks = descendants(layer(root, 'top-cells')!);
    const named: [number, string | undefined][] = [];
    marks.forEach((e, i) => {
      if (e.name !== 'text') return;
      const outline = marks.slice(0, i).findLast((m) => m.name === 'rect')!;
      named.push([Number(e.text), byCentre.get(centre(outline))]);
    });
    return named.sort((a, b) => a[0] - b[0]).map(([, name]) => name);
  }

  it('numbers on the map the places the text lists, in its order, where counts tie', async () => {
    // Three Rivers, July to December 2025: two places have 20 violent crimes each. (December alone,
    // with two places of 5 each, is now too few for Gi* to mark any hotspot: 0.7 expected around
    // each cell.)
    const data = await threeRiversData(db, 'partner', {
      period: { from: '2025-07', to: '2025-12' },
    });
    const index = data.priorities.findIndex((p) => p.key === 'violent-crime') + 1;
    const p = data.priorities[index - 1]!;
    const listed = p.hotspot!.top.map((t) => t.location);
    expect(p.hotspot!.top[0]!.count).toBe(p.hotspot!.top[1]!.count);
    const figure = hotspotFigure(p, index, data)!;
    expect(numberedOnMap(figure.svg, p.hotspot!.cells)).toEqual(listed);
    // The text numbers them as the map does.
    const text = readerText(renderAssessment(data).html);
    expect(text).toContain(
      `numbered as on the map: ${p.hotspot!.top.map((t, i) => `${i + 1}. ${t.location} (${t.count})`).join('; ')}.`,
    );
  });
});

describe('lantern report: the months held', () => {
  it('says under Method which months of police.uk data are held for the area, and the gaps, and what each harm weight stands in for', async () => {
    const data = await threeRiversData(db, 'public');
    const method = /<section id="method"[\s\S]*?<\/section>/u.exec(renderAssessment(data).html)![0];
    // Each harm weight is said to be a simplification, with what it stands in for.
    expect(readerText(method)).toContain(
      'Each is the weight of one offence used for a whole police.uk category, which mixes offences of very different severity: a simplification. Violence and sexual offences: the weight of violence with injury stands for the whole category, which runs from assault without injury (12.99) and harassment (39.64) to homicide (7,979 or 7,797: the sources differ); no weight was found for sexual offences.',
    );
    // The demo store: Hertfordshire's police.uk data in three runs with gaps.
    expect(readerText(method)).toContain(
      'Months of police.uk street data held for Three Rivers: October 2018 to February 2019, January 2021 to January 2022 and January to December 2025 (30 months). Not held between them: March 2019 to December 2020 and February 2022 to December 2024 (57 months).',
    );
  });
});

describe('lantern report: CSV files a spreadsheet opens safely', () => {
  it('writes a cell that starts like a formula as text, and negative numbers as numbers', async () => {
    // A plan whose objective titles would run as formulas in Excel (OWASP's CSV injection).
    const titles = ['=HYPERLINK("http://example.com","x")', '+1+1', '-2+3', '@SUM(A1)', '\tTab'];
    let plan = readFileSync('test/fixtures/report/plan.yaml', 'utf8');
    let k = 0;
    plan = plan.replace(/title: .*/gu, (line) =>
      k < titles.length ? `title: ${JSON.stringify(titles[k++])}` : line,
    );
    expect(k).toBe(titles.length);
    const planFile = join(dir.path, 'formula-plan.yaml');
    writeFileSync(planFile, plan);
    const out = join(dir.path, 'formulas');
    const r = await run([
      ...area,
      '--report-settings',
      settings,
      '--police-crime-plan',
      planFile,
      '--out',
      out,
      '--no-pdf',
      '--no-save',
      '--db',
      db,
    ]);
    expect(r.code, r.stderr).toBe(0);
    const rows = csv(join(out, 'data/tab-plan-alignment.csv')).data.map((row) => row.objective);
    for (const t of titles) expect(rows).toContain(`'${t}`);
    // No cell of any CSV starts with a formula character, except numbers (a fall of 15%).
    for (const file of readdirSync(join(out, 'data'))) {
      const parsed = Papa.parse<string[]>(readFileSync(join(out, 'data', file), 'utf8'), {
        skipEmptyLines: true,
      });
      for (const cell of parsed.data.flat())
        if (/^[=+\-@\t\r]/u.test(cell)) expect(cell, file).toMatch(/^-\d+(\.\d+)?$/u);
    }
    const categories = readFileSync(join(out, 'data/tab-categories.csv'), 'utf8');
    // UTF-8 with a byte-order mark, as the API's CSVs: Excel reads "Ynys Môn" and dashes right.
    expect(categories.charCodeAt(0)).toBe(0xfeff);
    expect(readFileSync(join(out, 'data/index.csv'), 'utf8').charCodeAt(0)).toBe(0xfeff);
    expect(categories).toMatch(/^Anti-social behaviour,\d+,\d+,-\d+(\.\d)?,/mu);
  });
});
