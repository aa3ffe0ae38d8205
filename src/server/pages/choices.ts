/**
 * What the filters offer: the forces whose data the store holds with their districts, and the
 * categories. Read through the same commands as everything else (`areas`, `categories`).
 */
import type { AnyCommand } from '../../commands/definition.js';
import { findCommand } from '../../commands/registry.js';
import type { PeriodPresets } from '../../domain/period-presets.js';
import { mayReadDataset } from '../../domain/scope.js';
import { WELSH_DISTRICT_NAMES } from '../../domain/welsh-names.js';
import { slugOf } from '../../report/public-page-data.js';
import { heldPeriodPresets } from '../../usecases/resolve-period.js';
import type { ServerContext } from '../context.js';
import { runCommandFor } from '../api-commands.js';
import { DocumentCache, requestKey } from '../document-cache.js';

export interface AreaChoice {
  code: string;
  name: string;
  /** Seen as totals only (an aggregate grant): its trends and overview, not its records. */
  totalsOnly?: boolean;
}

export interface Choices {
  forces: (AreaChoice & { districts: AreaChoice[] })[];
  /** Districts the caller sees whose force they do not (not even as totals). */
  otherDistricts: AreaChoice[];
  categories: { code: string; name: string }[];
  /**
   * Every partner dataset (the Data page lists them all); `open`: the caller's grants open it, in
   * detail or as totals, so the Category box offers it (QA: an analyst without domestic abuse was
   * offered it there, and refused on choosing it).
   */
  datasets: { dataset: string; label: string; open: boolean }[];
  /** The periods offered beside the Period box, from the months the store holds. */
  periods: PeriodPresets;
}

interface AreaListing {
  areas: { code: string; name: string }[];
  totalsOnly?: { code: string; name: string }[];
}

/** The areas listed, those seen in detail and those seen as totals only, by name. */
function choicesOf(listing: AreaListing): AreaChoice[] {
  return [
    ...listing.areas.map((a) => ({ code: a.code, name: a.name })),
    ...(listing.totalsOnly ?? []).map((a) => ({ code: a.code, name: a.name, totalsOnly: true })),
  ].sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
}

export function command(name: string): AnyCommand {
  const found = findCommand(name.split(' '));
  if (!found) throw new Error(`no command ${name}`);
  return found.command;
}

export async function run<T>(
  ctx: ServerContext,
  name: string,
  query: Record<string, string[]>,
): Promise<T> {
  return (await runCommandFor(ctx, command(name), query)).document as T;
}

/**
 * What the caller may choose, made once per caller's scope and day until the store changes (an
 * import or a plan edit: `documents`), not for every page: it runs the \`areas\` command for each
 * force and reads the months held (on the demo store 70-140 ms of CPU, even for a page refused for
 * a bad period), and none of it leaves an audit row.
 */
export async function loadChoices(
  ctx: ServerContext,
  documents: DocumentCache = new DocumentCache(),
): Promise<Choices> {
  return documents.once(requestKey('choices', {}, ctx.scope, ctx.clock()), () => readChoices(ctx));
}

async function readChoices(ctx: ServerContext): Promise<Choices> {
  const forces = choicesOf(await run<AreaListing>(ctx, 'areas', { type: ['force'] }));
  const withDistricts = await Promise.all(
    forces.map(async (f) => ({
      ...f,
      districts: choicesOf(
        await run<AreaListing>(ctx, 'areas', { type: ['district'], within: [f.code] }),
      ),
    })),
  );
  // A caller granted a district but nothing of its force still has that district to choose.
  const listed = new Set(withDistricts.flatMap((f) => f.districts.map((d) => d.code)));
  const otherDistricts =
    ctx.scope.areas === 'all'
      ? []
      : choicesOf(await run<AreaListing>(ctx, 'areas', { type: ['district'] })).filter(
          (d) => !listed.has(d.code),
        );
  const cats = await run<{
    police: { code: string; name: string }[];
    datasets: { dataset: string; label: string }[];
  }>(ctx, 'categories', {});
  const db = await ctx.store.session();
  const periods = await heldPeriodPresets(db).finally(() => db.close());
  return {
    forces: withDistricts,
    otherDistricts,
    categories: cats.police,
    datasets: cats.datasets.map((d) => ({
      ...d,
      open:
        mayReadDataset(ctx.scope, d.dataset) ||
        (ctx.scope.aggregateDatasets ?? []).includes(d.dataset),
    })),
    periods,
  };
}

/** The force a district (or the force itself) belongs to, by name or code as typed. */
export function forceOf(choices: Choices, area: string): AreaChoice | null {
  const same = namedBy(area);
  for (const f of choices.forces) if (same(f) || f.districts.some(same)) return f;
  return null;
}

/**
 * Whether a choice is the area named: by its code, its name (any case) or its public page's
 * address part ("three-rivers"), as the other views find areas (found by QA: Compare alone said
 * "three-rivers" was not a district).
 */
function namedBy(area: string): (a: AreaChoice) => boolean {
  const k = area.trim().toLowerCase();
  const slug = slugOf(area);
  // A principal area of Wales by its Welsh name too, as the other views find it (QA: Compare
  // alone refused "Casnewydd").
  const welsh = (a: AreaChoice) => {
    const name = WELSH_DISTRICT_NAMES[a.code];
    return name !== undefined && slugOf(name) === slug;
  };
  return (a) =>
    a.code.toLowerCase() === k || a.name.toLowerCase() === k || slugOf(a.name) === slug || welsh(a);
}

/** The district or force the state names, as the register names it. */
export function areaNamed(choices: Choices, area: string): AreaChoice | null {
  const same = namedBy(area);
  for (const f of choices.forces) {
    if (same(f)) return f;
    const d = f.districts.find(same);
    if (d) return d;
  }
  return choices.otherDistricts.find(same) ?? null;
}

/** The area a first visit shows: Three Rivers when the store holds it, else the first district. */
export function defaultArea(choices: Choices): string {
  const all = [...choices.forces.flatMap((f) => f.districts), ...choices.otherDistricts];
  // The caller's own district (seen in detail) first, then any.
  const detail = all.filter((d) => !d.totalsOnly);
  return (
    (
      detail.find((d) => d.name === 'Three Rivers') ??
      detail[0] ??
      all.find((d) => d.name === 'Three Rivers') ??
      all[0] ??
      choices.forces[0]
    )?.name ?? 'Three Rivers'
  );
}
