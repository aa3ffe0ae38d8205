/**
 * The report's section for a scrutiny panel on trust: what happened after crimes were reported in
 * the area (`outcomes`), and the stop and search in it (`stop-search`: a district's or CSP's own
 * searches, placed by their points; the force's for a force). The figures are those the two
 * commands give.
 */
import { readComparison } from '../analysis/reading.js';
import type { AreaSummary } from '../domain/area-counts.js';
import { monthsInWords } from '../domain/held-months.js';
import type { Period } from '../domain/month.js';
import type { OutcomeCategories } from '../domain/outcome-groups.js';
import type { Scope } from '../domain/scope.js';
import { InputError, NotFoundError } from '../errors.js';
import type { SearchGroupRow, TrustData } from '../report/report-data.js';
import type { Db } from '../store/db.js';
import { CommandReads } from './command-reads.js';
import { outcomesFor } from './outcomes.js';
import { forceCoveringOnce } from './place-reads.js';
import { stopSearchSummary, type SearchGroup, type StopSearchReport } from './stop-search.js';

const row = (g: SearchGroup): SearchGroupRow => ({
  value: g.value,
  searches: g.searches,
  finds: g.finds,
  findRate: g.findRate,
  findRateCi95: g.findRateCi95,
  arrests: g.arrests,
  arrestRate: g.arrestRate,
  arrestRateCi95: g.arrestRateCi95,
});

/**
 * The trend for a reader: the months compared in words, as they are not always the period's
 * (QA: "recorded 322 searches … fell 55% (from 375 to 167, 2020-05..2020-12 vs
 * 2021-05..2021-12)" read as a fall to 167 of the 322).
 */
function trendWords(t: StopSearchReport['trends'][number]): string | null {
  const c = t.comparison;
  if (!c || t.previous === null || t.pValue === null) return c ? t.reading : null;
  const whole = c.currentMonths.length === t.months.filter((m) => m.count !== null).length;
  return readComparison(
    'Searches',
    { current: c.current, previous: t.previous, changePct: t.changePct, pValue: t.pValue },
    `${monthsInWords(c.previousMonths)} against ${monthsInWords(c.currentMonths)}${whole ? '' : ', the months held in both years'}`,
  );
}

/** A refusal of "nothing held" from a command, as null; anything else is thrown on. */
async function orNone<T>(work: Promise<T>): Promise<T | string> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof InputError || error instanceof NotFoundError) return error.message;
    throw error;
  }
}

export async function trustData(
  db: Db,
  scope: Scope,
  area: AreaSummary,
  period: Period,
  outcomeCategories: OutcomeCategories,
  reads: CommandReads = new CommandReads(),
): Promise<TrustData> {
  const o = await orNone(
    outcomesFor(db, scope, { area: area.code, period }, outcomeCategories, reads),
  );
  const outcomes: TrustData['outcomes'] =
    typeof o === 'string'
      ? null
      : {
          coverage: o.coverage,
          crimes: o.all.crimes,
          charged: o.all.chargedOrSummonsed,
          chargeShare: o.all.chargeShare,
          chargeShareCi95: o.all.chargeShareCi95,
          groups: o.all.groups.map((g) => ({ label: g.label, count: g.count, share: g.share })),
          categories: o.categories.map((c) => ({
            label: c.label,
            crimes: c.crimes,
            charged: c.chargedOrSummonsed,
            chargeShare: c.chargeShare,
          })),
          tiedCrimes: o.all.tiedCrimes,
          notes: o.notes.filter((n) => !/config\/|Crime ID/u.test(n)),
        };
  const force = await forceCoveringOnce(db, area.code, reads);
  if (!force) return { outcomes, stopSearch: null };
  const ofArea = area.type === 'district' || area.type === 'csp';
  const s = await orNone(
    stopSearchSummary(
      db,
      scope,
      ofArea ? { area: area.code, period } : { force: force.id, period },
      reads,
    ),
  );
  if (typeof s === 'string')
    return {
      outcomes,
      stopSearch: {
        force: force.name,
        area: ofArea ? area.name : null,
        missing:
          `No stop-and-search data of ${force.name} is held for this period. Stop and search is published for each force, with the approximate place of each search; ` +
          `with its data this section says who is searched${ofArea ? ` in ${area.name}` : ''} by ethnic group, age and gender, how often a search finds what was looked for or leads to an arrest, and how search rates per head compare with those of White residents.`,
        coverage: null,
        searches: 0,
        findRate: null,
        findRateCi95: null,
        arrestRate: null,
        arrestRateCi95: null,
        population: null,
        byEthnicGroup: [],
        byAge: [],
        byGender: [],
        trend: null,
        map: [],
        notes: [],
      },
    };
  const part = (d: string) => s.breakdowns.find((b) => b.dimension === d)?.groups ?? [];
  const dispro = new Map(s.disproportionality.groups.map((g) => [g.group, g]));
  const overall = s.trends[0];
  return {
    outcomes,
    stopSearch: {
      force: s.forceName,
      area: s.area?.name ?? null,
      missing: null,
      coverage: s.coverage,
      searches: s.searches,
      findRate: s.findRate,
      findRateCi95: s.findRateCi95,
      arrestRate: s.arrestRate,
      arrestRateCi95: s.arrestRateCi95,
      population: s.disproportionality.population,
      byEthnicGroup: part('selfDefinedEthnicGroup').map((g) => {
        const d = dispro.get(g.value);
        return {
          ...row(g),
          residents: d?.residents ?? null,
          ratePer1000: d?.ratePer1000 ?? null,
          ratio: d ? d.ratio : null,
          ci95: d && g.value !== 'White' ? d.ci95 : null,
        };
      }),
      byAge: part('ageRange').map(row),
      byGender: part('gender').map(row),
      trend: overall ? trendWords(overall) : null,
      trendCounts:
        overall?.comparison && overall.previous !== null
          ? {
              current: overall.current,
              compared: overall.comparison.current,
              previous: overall.previous,
            }
          : null,
      map: s.map.cells,
      // The report names no command: the notes' advice on what to import is left to the data folder.
      notes: [...s.disproportionality.notes, ...s.notes]
        .map((n) =>
          n
            .replace(/; import a later Census table with '[^']*' to use it/u, '')
            .replace(/: import one with '[^']*'/u, ''),
        )
        .filter((n) => !/Linked share|never mark|^Trend:/u.test(n)),
    },
  };
}
