/**
 * The public page of a district (`lantern serve` at /public/<district>, `lantern public-page`):
 * read with the public's scope (police.uk street data only, whoever asks), the priorities of the
 * district's action plan (those of the saved assessment it was made from, when that is fit to
 * publish; partner-only issues left out: report/audience.ts),
 * the trends of every category over the latest whole year published (domain/disclosure/
 * public-period.ts: calendar years by default, so that no two pages overlap; read before the trends use case's
 * own control for totals-only callers, since the page applies its own to everything it shows:
 * report/public-page-data.ts), the public actions of the action plan (from a provider the caller
 * gives: the plan's store is wired in by whoever holds it), the public-page settings (how to
 * report, "You said, we did"), the directory's public services for the district, and the
 * reporting rate of all crime. `buildPublicPage` writes it as index.html and public.css.
 */
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';

import { readability, type Readability } from '../analysis/readability.js';
import { districtSettings, type PublicPageConfig } from '../config/public-page.js';
import type { ReportingRate } from '../config/reporting-rates.js';
import { planDay } from '../domain/plan/plan-day.js';
import type { Assessment, SavedAssessmentRecord } from '../domain/assessment.js';
import { refuseUnsafePublicThreshold, type DisclosurePolicy } from '../domain/disclosure/table.js';
import type { Discontinuity } from '../domain/discontinuities.js';
import type { Scope } from '../domain/scope.js';
import { forReaders } from '../domain/support-service.js';
import { InputError, NotFoundError } from '../errors.js';
import {
  headlineTrends,
  publicHiddenFigure,
  publicPriorities,
  slugOf,
  unfitToPublish,
  type PublicAction,
  type PublicPage,
  type PublicPriorities,
} from '../report/public-page-data.js';
import { publicPageHtml, publicPageProse } from '../report/public-page-html.js';
import { PUBLIC_PAGE_CSS } from '../report/public-page-style.js';
import { savedAssessment } from '../store/assessments.js';
import { listAreas, resolveArea } from '../store/areas.js';
import type { Db } from '../store/db.js';
import { listServices } from './support-services.js';
import { PublicPeriodError, trendsForOwnDisclosure } from './trends.js';
import { makeFolder, refuseOutputPath } from './output-file.js';

/** What the public may read, whoever asks: police.uk street data, in every area. */
export const PUBLIC_SCOPE: Scope = { areas: 'all', datasets: ['police-street'] };

/**
 * A district's action plan as the public page reads it: its public actions, and the saved
 * assessment its priorities were taken from (`plan create --from-assessment`), null when it was
 * made without one.
 */
export interface PublishedPlan {
  assessmentId: string | null;
  /** The plan's year ("2026-27"), and the plan year of the day the page is made. */
  year?: { shown: string; today: string };
  actions: readonly PublicAction[];
}

/** A district's action plan (usecases/plan/public-actions.ts); null when no plan is held. */
export type PublicActions = (area: { code: string; name: string }) => Promise<PublishedPlan | null>;

/** Until the action plan is wired in: no plan published. */
export const NO_PUBLIC_ACTIONS: PublicActions = () => Promise.resolve(null);

export interface PublicPageOptions {
  config: PublicPageConfig;
  rates: readonly ReportingRate[];
  disclosure: DisclosurePolicy;
  discontinuities: readonly Discontinuity[];
  actions: PublicActions;
  now: Date;
  /** The districts with a public page, when the caller has them already (publicDistricts). */
  districts?: readonly PublicDistrict[];
}

export interface PublicDistrict {
  code: string;
  name: string;
  slug: string;
}

/** The districts with a public page: those whose police.uk data the store holds. */
export async function publicDistricts(db: Db): Promise<PublicDistrict[]> {
  const areas = await listAreas(db, PUBLIC_SCOPE, { type: 'district', all: false });
  return areas
    .filter((a) => a.crime + a.asb > 0)
    .map((a) => ({ code: a.code, name: a.name, slug: slugOf(a.name) }))
    .sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
}

/**
 * A district by its slug ("three-rivers"), code or name; `held` the districts with a public page
 * (publicDistricts) when the caller has them already. NotFoundError or InputError if none.
 */
export async function publicDistrictOf(
  db: Db,
  wanted: string,
  held?: readonly PublicDistrict[],
): Promise<{ code: string; name: string }> {
  const key = wanted.trim().toLowerCase();
  held ??= await publicDistricts(db);
  const bySlug = held.find((d) => d.slug === slugOf(key) || d.code.toLowerCase() === key);
  if (bySlug) return bySlug;
  const area = await resolveArea(db, wanted);
  if (area.type !== 'district' && area.type !== 'csp')
    throw new InputError(`${area.name} is a ${area.type}: the public page is for a district`, {
      field: 'area',
    });
  return area;
}

/**
 * The priorities the partnership has published: those of its action plan, taken from the saved
 * assessment the plan was made from, when that assessment is fit to publish (a whole year, every
 * month held, manual scores the partnership's own or none: report/public-page-data.ts). Otherwise none,
 * and why, for the analyst: a saved assessment alone, a few months' figures or a trial run with
 * the example scores is not what the partnership chose to focus on.
 */
async function publishedPriorities(
  db: Db,
  district: { name: string },
  plan: PublishedPlan | null,
): Promise<{ priorities: PublicPriorities | null; unpublished?: string }> {
  if (!plan)
    return {
      priorities: null,
      unpublished: `no action plan of ${district.name} is held: its priorities are published by making the plan from a saved assessment of a whole year (lantern plan create --from-assessment ID)`,
    };
  if (!plan.assessmentId)
    return {
      priorities: null,
      unpublished: `the action plan of ${district.name} was not made from a saved assessment (lantern plan create --from-assessment ID)`,
    };
  let record: SavedAssessmentRecord;
  try {
    record = await savedAssessment(db, plan.assessmentId);
  } catch (error) {
    if (!(error instanceof NotFoundError)) throw error;
    return {
      priorities: null,
      unpublished: `the assessment the action plan of ${district.name} was made from (${plan.assessmentId.slice(0, 12)}) is no longer saved`,
    };
  }
  const assessment = JSON.parse(record.result) as Assessment;
  const why = unfitToPublish(assessment);
  if (why)
    return {
      priorities: null,
      unpublished: `the assessment the action plan of ${district.name} was made from (${record.id.slice(0, 12)}) is not fit to publish: ${why}`,
    };
  return { priorities: publicPriorities(assessment, record.savedAt) };
}

export async function publicPage(
  db: Db,
  area: string,
  options: PublicPageOptions,
): Promise<PublicPage> {
  refuseUnsafePublicThreshold(options.disclosure, 'the public page');
  const district = await publicDistrictOf(db, area, options.districts);
  let headline: PublicPage['trends'] = null;
  let noTrends: string | null = null;
  try {
    headline = headlineTrends(
      await trendsForOwnDisclosure(db, PUBLIC_SCOPE, {
        area: district.code,
        category: 'all',
        discontinuities: options.discontinuities,
        publicPeriod: options.disclosure.publicPeriod ?? 'calendar-year',
      }),
      options.disclosure,
    );
  } catch (error) {
    if (!(error instanceof NotFoundError || error instanceof InputError)) throw error;
    noTrends =
      error instanceof PublicPeriodError
        ? error.message
        : `We do not hold any police figures for ${district.name} yet.`;
  }
  const plan = await options.actions(district);
  const published = await publishedPriorities(db, district, plan);
  const settings = districtSettings(options.config, district);
  const services = forReaders(await listServices(db, { area: district.code, publicOnly: true }));
  return {
    area: { code: district.code, name: district.name, slug: slugOf(district.name) },
    made: planDay(options.now),
    priorities: published.priorities,
    ...(published.unpublished ? { unpublished: published.unpublished } : {}),
    trends: headline,
    noTrends,
    actions: [...(plan?.actions ?? [])],
    planHeld: plan !== null,
    ...(plan?.year ? { planYear: plan.year } : {}),
    youSaidWeDid: settings.youSaidWeDid,
    contacts: settings.contacts,
    services,
    hidden: publicHiddenFigure(
      options.rates.find((r) => r.key === 'police:all-crime'),
      headline,
    ),
    threshold: options.disclosure.threshold,
  };
}

/**
 * Refuses settings that name a district the register does not hold (a misspelt name would
 * otherwise leave that district's contacts and "You said, we did" silently unused).
 */
export async function checkSettingsAreas(db: Db, config: PublicPageConfig): Promise<void> {
  for (const [i, d] of config.districts.entries()) {
    try {
      await resolveArea(db, d.area);
    } catch (error) {
      if (!(error instanceof NotFoundError)) throw error;
      throw new InputError(
        `${config.configFile}: districts.${i}.area: no area "${d.area}" in the register (give a district's name or ONS code)`,
        { field: 'settings' },
      );
    }
  }
}

/** The page's reading ease, measured on its prose. */
export const pageReadability = (page: PublicPage): Readability =>
  readability(publicPageProse(page).join('\n'));

export interface BuiltPublicPage {
  out: string;
  files: string[];
  readability: Readability;
  page: PublicPage;
}

/**
 * Writes the page as index.html and public.css into `out`, through a sibling staging folder put
 * in place whole; a folder that holds other files is refused.
 */
export async function buildPublicPage(
  db: Db,
  request: PublicPageOptions & { area: string; out: string },
): Promise<BuiltPublicPage> {
  refuseOutputPath(request.out, 'out', db.path, 'folder');
  await checkSettingsAreas(db, request.config);
  const page = await publicPage(db, request.area, request);
  const reading = pageReadability(page);
  const out = resolve(request.out);
  const present = await readdir(out).catch(() => null);
  const ours = new Set(['index.html', 'public.css']);
  if (present && present.some((f) => !ours.has(f)))
    throw new InputError(
      `${request.out} holds other files: give an empty folder, or one an earlier public page was written to`,
      { field: 'out' },
    );
  await makeFolder(dirname(out));
  const staging = `${out}.writing-${process.pid}`;
  const old = `${out}.replaced-${process.pid}`;
  await rm(staging, { recursive: true, force: true });
  await mkdir(staging);
  try {
    await writeFile(join(staging, 'index.html'), publicPageHtml(page, reading, 'public.css'));
    await writeFile(join(staging, 'public.css'), PUBLIC_PAGE_CSS);
    // The earlier page is moved aside, not deleted, until the new one is in place.
    if (present) await rename(out, old);
    await rename(staging, out);
  } finally {
    await rm(staging, { recursive: true, force: true });
    await rm(old, { recursive: true, force: true });
  }
  return { out: request.out, files: [...ours], readability: reading, page };
}
