/**
 * `lantern report`: the strategic assessment and its infographic for a district or a force, in one
 * folder: assessment.html (self-contained), assessment.pdf (through headless Chromium when it is
 * installed), infographic.svg/.png (A4 portrait), infographic-social.svg/.png (1080 × 1350), and
 * data/ with a CSV for every chart and table (data/index.csv lists them).
 *
 * Nothing is half-written: everything is made in a sibling folder first, and only when all of it
 * is there does it take its place (usecases/report-folder.ts). A folder that already holds files
 * is refused unless `replace` is given, and then only an earlier report's own files are replaced.
 */
import { mkdir, rm, rmdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { SETTING_FILES, type SettingName } from '../config/setting-files.js';
import type { Scope } from '../domain/scope.js';
import { InputError } from '../errors.js';
import { CHROMIUM_HINT, ChromiumSession, findChromium } from '../render/chromium.js';
import { svgsToPngs } from '../render/svg-png.js';
import { renderAssessment } from '../report/assessment-html.js';
import { CSV_BOM, csvText } from '../report/csv-text.js';
import { infographicSvg } from '../report/infographic.js';
import { infographicData } from '../report/infographic-data.js';
import type { ReportTable } from '../report/report-tables.js';
import type { Db } from '../store/db.js';
import { howToReproduce } from '../report/how-to-reproduce.js';
import { NO_PLAN_TO_REVIEW, reportData, type ReportRequest } from './report-data.js';
import { refuseExampleValues } from './report-examples.js';
import { makeFolder, refuseOutputPath } from './output-file.js';
import {
  checkOutFolder,
  INDEX_HEADER,
  REPRODUCE_FILE,
  stagingFolder,
  swapInto,
} from './report-folder.js';

export interface BuildReportRequest extends ReportRequest {
  out: string;
  /** Replace the report in a folder that already holds files (only the report's own files). */
  replace?: boolean;
  /** Make the PDF when Chromium is installed (default true). */
  pdf?: boolean;
  /**
   * Publish values still at their bundled example (config/example-values.ts) as a draft, each
   * marked "not yet confirmed by the partnership"; without it they are refused.
   */
  draft?: boolean;
  env?: NodeJS.ProcessEnv;
}

export interface BuiltReport {
  out: string;
  assessmentId: string | null;
  audience: 'partner' | 'public';
  files: string[];
  pdf: { written: boolean; reason: string | null };
  priorities: string[];
  notes: string[];
}

export async function buildReport(
  db: Db,
  scope: Scope,
  request: BuildReportRequest,
): Promise<BuiltReport> {
  const out = resolve(request.out);
  const examples = refuseExampleValues(request);
  refuseOutputPath(request.out, 'out', db.path, 'folder');
  await checkOutFolder(request.out, out, request.replace === true);
  // Chromium starts now, while the report is read and laid out, and is closed in every case.
  const chromium = request.pdf !== false ? findChromium(request.env) : null;
  const browser = chromium ? new ChromiumSession(chromium) : null;
  try {
    return await writeReport(db, scope, request, out, examples, browser);
  } finally {
    await browser?.close();
  }
}

async function writeReport(
  db: Db,
  scope: Scope,
  request: BuildReportRequest,
  out: string,
  examples: ReturnType<typeof refuseExampleValues>,
  browser: ChromiumSession | null,
): Promise<BuiltReport> {
  // The folder first: one that cannot be made (no such drive, no permission) is refused before a
  // second of work, not after the report is read and laid out.
  const staging = stagingFolder(out);
  await rm(staging, { recursive: true, force: true });
  const made = await makeFolder(dirname(out), 'out', request.out);
  // A report that fails leaves no folder it made: the staging folder, and those above it.
  const unmake = async () => {
    await rm(staging, { recursive: true, force: true });
    for (const folder of made.reverse()) await rmdir(folder).catch(() => undefined);
  };
  // Not recursive: under /proc Node's recursive mkdir never returned (output-file.ts).
  for (const folder of [staging, join(staging, 'data')])
    await mkdir(folder).catch(async (error: NodeJS.ErrnoException) => {
      await unmake();
      throw new InputError(
        `⟨out⟩ ${request.out}: cannot write in ${dirname(out)} (${error.code ?? error.message}); nothing was written`,
        { field: 'out' },
      );
    });
  let data: Awaited<ReturnType<typeof reportData>>;
  let rendered: ReturnType<typeof renderAssessment>;
  try {
    data = await reportData(db, scope, request);
    rendered = renderAssessment(data);
  } catch (error) {
    await unmake();
    throw error;
  }
  const files: string[] = [];
  const put = async (name: string, content: string | Buffer) => {
    await writeFile(join(staging, name), content);
    files.push(name);
  };
  let pdf: BuiltReport['pdf'] = { written: false, reason: 'not asked for (⟨noPdf⟩)' };
  // Chromium prints the PDF while the rest is laid out and written; awaited in every case.
  let printing: Promise<void> | null = null;
  try {
    await put('assessment.html', rendered.html);
    if (browser)
      printing = browser.print(join(staging, 'assessment.html'), join(staging, 'assessment.pdf'));
    printing?.catch(() => undefined);
    const info = infographicData(data);
    const a4 = infographicSvg(info, 'a4');
    const social = infographicSvg(info, 'social');
    // Both PNGs are drawn off the main thread, side by side.
    const pngs = svgsToPngs([a4, social]);
    pngs.catch(() => undefined);
    await put('infographic.svg', a4);
    await put('infographic-social.svg', social);
    const [a4Png, socialPng] = await pngs;
    await put('infographic.png', a4Png!);
    await put('infographic-social.png', socialPng!);
    // In the order they appear in the document (the labels were given in that order).
    const order = [...rendered.labels.keys()];
    const at = (id: string) => (order.includes(id) ? order.indexOf(id) : order.length);
    const tables = uniqueTables(rendered.tables).sort((a, b) => at(a.id) - at(b.id));
    // With a byte-order mark, as the API's exports: Excel opens them as UTF-8.
    for (const t of tables) await put(`data/${t.id}.csv`, CSV_BOM + toCsv(t));
    await put(
      'data/index.csv',
      CSV_BOM +
        csvText(
          INDEX_HEADER,
          tables.map((t) => [
            (rendered.labels.get(t.id) ?? []).join(' and '),
            t.caption,
            `${t.id}.csv`,
            t.id,
          ]),
        ),
    );
    await put(
      REPRODUCE_FILE,
      howToReproduce(
        data,
        {
          files: filesGiven(request),
          draft: request.draft,
          allowPartial: request.allowPartial,
        },
        rendered.labels,
      ),
    );
    if (request.pdf !== false) {
      if (!printing) pdf = { written: false, reason: `no Chromium found: ${CHROMIUM_HINT}` };
      else {
        await printing;
        files.push('assessment.pdf');
        pdf = { written: true, reason: null };
      }
    }
    await swapInto(staging, out, files);
  } catch (error) {
    await printing?.catch(() => undefined); // nothing still writing into the folder removed
    await unmake();
    throw error;
  }
  return {
    out,
    assessmentId: data.assessment.id,
    audience: data.audience,
    files: files.sort(),
    pdf,
    priorities: data.priorities.map((p) => p.label),
    notes: [
      ...(data.withheld.length > 0
        ? [`Left out of the public version: ${data.withheld.join(', ')}.`]
        : []),
      ...(data.planReview === null ? [NO_PLAN_TO_REVIEW] : []),
      ...(examples.length > 0
        ? [
            `Draft: not yet confirmed by the partnership, and marked so on every page: ${examples.map((e) => `${e.what} (${e.where})`).join('; ')}.`,
          ]
        : []),
    ],
  };
}

function uniqueTables(tables: readonly ReportTable[]): ReportTable[] {
  const seen = new Set<string>();
  return tables.filter((t) => (seen.has(t.id) ? false : (seen.add(t.id), true)));
}

export function toCsv(t: ReportTable): string {
  return csvText(
    t.columns,
    t.rows.map((r) => r.map((v) => v ?? '')),
  );
}

/**
 * The settings files the report was made with that are not the defaults, by their option
 * (`--police-crime-plan my-plan.yaml`), for data/how-to-reproduce.txt.
 */
function filesGiven(request: BuildReportRequest): [string, string][] {
  const option = (name: string) => `--${name.replace(/[A-Z]/gu, (c) => `-${c.toLowerCase()}`)}`;
  const given: [string, string][] = request.inputs ? [['--inputs', request.inputs.path]] : [];
  for (const [name, setting] of Object.entries(request.settings)) {
    const path = (setting as { path?: unknown }).path;
    const file = SETTING_FILES[name as SettingName]?.defaultFile;
    if (typeof path !== 'string' || !file) continue;
    const byDefault = fileURLToPath(new URL(`../../${file}`, import.meta.url));
    if (resolve(path) !== resolve(byDefault)) given.push([option(name), path]);
  }
  return given;
}
