/**
 * `lantern briefing`: a short printable pack for volunteers or staff on one theme in one area.
 * The local figures come from the trends use case (the theme's police.uk category or partner
 * dataset), with disclosure control (report/briefing-data.ts); the hidden figure from the
 * reporting rates; the signs from the briefing-themes settings; the services from the directory
 * (public ones only for volunteers). Writes briefing.html and, when Chromium is installed,
 * briefing.pdf, and measures the pack's reading ease.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';

import { readability, type Readability } from '../analysis/readability.js';
import type {
  BriefingTheme,
  BriefingThemes,
  BriefingThemeText,
} from '../config/briefing-themes.js';
import type { ReportingRate } from '../config/reporting-rates.js';
import { planDay } from '../domain/plan/plan-day.js';
import { refuseUnsafePublicThreshold, type DisclosurePolicy } from '../domain/disclosure/table.js';
import type { Discontinuity } from '../domain/discontinuities.js';
import type { Period } from '../domain/month.js';
import type { Scope } from '../domain/scope.js';
import { forReaders } from '../domain/support-service.js';
import { ForbiddenError, InputError, NotFoundError } from '../errors.js';
import { ChromiumSession, CHROMIUM_HINT, findChromium } from '../render/chromium.js';
import {
  briefingFigures,
  briefingHiddenFigure,
  type BriefingAudience,
  type BriefingPack,
} from '../report/briefing-data.js';
import { briefingHtml, briefingProse } from '../report/briefing-html.js';
import { ancestorsOf, resolveArea } from '../store/areas.js';
import type { Db } from '../store/db.js';
import { listServices } from './support-services.js';
import { findDataset } from '../domain/datasets.js';
import { monthsWithSmallCounts } from './partner-totals-disclosure.js';
import { PublicPeriodError, trendsForOwnDisclosure } from './trends.js';
import { makeFolder, refuseOutputPath } from './output-file.js';

export interface BriefingRequest {
  theme: BriefingTheme;
  audience: BriefingAudience;
  area: string;
  period?: Period;
  out: string;
  pdf: boolean;
  themes: BriefingThemes;
  rates: readonly ReportingRate[];
  disclosure: DisclosurePolicy;
  discontinuities: readonly Discontinuity[];
  now: Date;
  env: NodeJS.ProcessEnv;
}

export interface BuiltBriefing {
  out: string;
  files: string[];
  pdf: { written: boolean; pages: number | null; reason: string | null };
  readability: Readability;
  pack: BriefingPack;
}

/** The pack's content, without writing anything. */
export async function briefingPack(
  db: Db,
  scope: Scope,
  request: Omit<BriefingRequest, 'out' | 'pdf' | 'env'>,
): Promise<BriefingPack> {
  // A pack is printed and handed out: it follows the rule of public outputs.
  refuseUnsafePublicThreshold(request.disclosure, 'a briefing pack');
  const area = await resolveArea(db, request.area);
  if (area.type !== 'district' && area.type !== 'csp' && area.type !== 'force')
    throw new InputError(
      `${area.name} is a ${area.type}: a pack is made for a district or a force`,
      {
        field: 'area',
      },
    );
  const text = await withLocalSources(db, area.code, request.themes[request.theme]);
  let figures: BriefingPack['figures'] = null;
  let noFigures: string | null = null;
  try {
    const [trend] = await trendsForOwnDisclosure(db, scope, {
      area: area.code,
      category: text.figures.category,
      ...(request.period ? { period: request.period } : {}),
      ...(text.figures.dataset ? { dataset: text.figures.dataset } : {}),
      discontinuities: request.discontinuities,
      publicPeriod: request.disclosure.publicPeriod ?? 'calendar-year',
    });
    // A partner dataset's sums (quarters, the year) are given only over months no district of the
    // force holds a small count in that could have the month held back: a reader of its months
    // under month-by-month control (everyone, for a restricted dataset; a totals-only caller, for
    // another) could otherwise subtract them from the pack's sums. Police.uk counts are published
    // by police.uk itself (docs/data-handling.md).
    const dataset = text.figures.dataset ? findDataset(text.figures.dataset) : undefined;
    const unsafe =
      trend && dataset
        ? await monthsWithSmallCounts(db, dataset, area, trend.category, request.disclosure)
        : undefined;
    if (trend) figures = briefingFigures(trend, text.figures.what, request.disclosure, unsafe);
  } catch (error) {
    // A period asked for that no public output may cover is the asker's mistake: refused.
    if (error instanceof PublicPeriodError && request.period) throw error;
    if (!(
      error instanceof NotFoundError ||
      error instanceof InputError ||
      error instanceof ForbiddenError
    ))
      throw error;
    // Said to a volunteer: not the store's own words ("⟨period⟩ … no month of it is held").
    // Figures held but not open to the maker's grants are not "not held" (found by QA).
    noFigures =
      error instanceof PublicPeriodError
        ? error.message
        : error instanceof ForbiddenError
          ? `This pack gives no local figures on ${text.figures.what} for ${area.name}: the account that made it may not see them.`
          : `We do not hold local figures on ${text.figures.what} for ${area.name} yet, so this pack gives none.`;
  }
  const rate = text.reportingRate
    ? request.rates.find((r) => r.key === text.reportingRate)
    : undefined;
  const services = forReaders(
    await listServices(db, {
      theme: request.theme,
      area: area.code,
      publicOnly: request.audience === 'volunteers',
    }),
  );
  return {
    theme: request.theme,
    audience: request.audience,
    area: { code: area.code, name: area.name, type: area.type },
    made: planDay(request.now),
    text,
    figures,
    noFigures,
    hiddenFigure: briefingHiddenFigure(rate, request.theme),
    services,
    threshold: request.disclosure.threshold,
  };
}

/**
 * The theme's text with the local sources of its signs that belong to the pack's area (a
 * council's own page, named only for that council's area or one within it) added to its source,
 * and the others left out: Three Rivers' ASB toolkit is never cited in Torfaen's pack.
 */
async function withLocalSources(
  db: Db,
  areaCode: string,
  text: BriefingThemeText,
): Promise<BriefingThemeText> {
  const { local, ...signs } = text.signs;
  if (!local || local.length === 0) return { ...text, signs };
  const within = new Set(await ancestorsOf(db, areaCode));
  const sources: string[] = [];
  for (const l of local) {
    const place = await resolveArea(db, l.area).catch(() => null);
    if (place && within.has(place.code)) sources.push(l.source);
  }
  return { ...text, signs: { ...signs, source: [signs.source, ...sources].join('; and ') } };
}

/** Pages in a PDF that Chromium printed: its page objects. */
function pdfPages(bytes: Buffer): number {
  return (bytes.toString('latin1').match(/\/Type\s*\/Page(?!s)/gu) ?? []).length;
}

export async function buildBriefing(
  db: Db,
  scope: Scope,
  request: BriefingRequest,
): Promise<BuiltBriefing> {
  refuseOutputPath(request.out, 'out', db.path, 'folder');
  const pack = await briefingPack(db, scope, request);
  const reading = readability(briefingProse(pack).join('\n'));
  const out = resolve(request.out);
  await makeFolder(out);
  const html = join(out, 'briefing.html');
  await writeFile(html, briefingHtml(pack, reading));
  const files = ['briefing.html'];
  let pdf: BuiltBriefing['pdf'] = { written: false, pages: null, reason: 'not asked for' };
  if (request.pdf) {
    const chromium = findChromium(request.env);
    if (chromium === null) pdf = { written: false, pages: null, reason: CHROMIUM_HINT };
    else {
      const browser = new ChromiumSession(chromium);
      try {
        await browser.print(html, join(out, 'briefing.pdf'));
      } finally {
        await browser.close();
      }
      files.push('briefing.pdf');
      pdf = {
        written: true,
        pages: pdfPages(await readFile(join(out, 'briefing.pdf'))),
        reason: null,
      };
    }
  }
  return { out: request.out, files, pdf, readability: reading, pack };
}
