/**
 * `lantern stop-search`: a force's stop and search over a period (publication months), as a
 * scrutiny panel asks about it: searches by self-defined and officer-defined ethnicity, age
 * range, gender, legislation, object of search and outcome, each group's find rate (an outcome
 * other than no further action, linked to the object searched for) and arrest rate with exact 95%
 * intervals; disproportionality (searches per 1,000 residents of each broad ethnic group against
 * White residents, Census populations of the force's districts, the year named); the monthly
 * trend with the same comparison and test as `trends`; and where searches took place. Months not
 * held are named. Stop-and-search is published per force, with a point but no LSOA: each search
 * is placed in a district by its point at import (`place-searches.ts`), so a district's (or
 * CSP's) searches can be read on their own, with its own residents; searches with no location,
 * or at a point in no district held, are in no district's figures and are counted as such.
 */
import { searchRateRatio, type SearchRateRatio } from '../analysis/disproportionality.js';
import { proportionInterval } from '../analysis/proportion.js';
import { trendDocuments, type TrendDocument } from '../analysis/trend-table.js';
import type { AreaCounts, AreaSummary, Measure } from '../domain/area-counts.js';
import { ETHNIC_GROUPS, ethnicGroupOf } from '../domain/ethnic-groups.js';
import { forceIds } from '../domain/forces.js';
import { periodCoverage, requireSomeMonthHeld } from '../domain/held-months.js';
import type { Month, Period } from '../domain/month.js';
import { didYouMean } from '../domain/suggest.js';
import type { Scope } from '../domain/scope.js';
import { InputError, NotFoundError } from '../errors.js';
import { toBng } from '../geo/bng.js';
import { stopSearchMapSvg } from '../report/stop-search-map.js';
import type { Db } from '../store/db.js';
import { CommandReads } from './command-reads.js';
import { findAreaOnce, forceCoveringOnce } from './place-reads.js';
import {
  ethnicPopulationsOfArea,
  ethnicPopulationsOfForce,
  NO_FURTHER_ACTION,
  policeForce,
  SEARCH_DIMENSIONS,
  searchBreakdown,
  searchCounts,
  searchesByDistrict,
  searchesByMonthAndEthnicity,
  searchMonths,
  searchPoints,
  type EthnicPopulation,
  type SearchArea,
  type SearchDimension,
  type SearchGroupCount,
} from '../store/stop-search.js';

export interface SearchObjectSummary {
  object: string;
  searches: number;
  outcomes: { outcome: string; count: number }[];
  /** Searches whose outcome the file marks as linked to the object searched for. */
  linked: number;
  /** Searches whose file leaves the link empty. */
  linkUnstated: number;
  /** linked / searches. */
  linkedShare: number | null;
}

/** One group of a breakdown (a value of a dimension) with its rates. */
export interface SearchGroup {
  value: string;
  searches: number;
  /** Share of all searches in the period. */
  share: number;
  finds: number;
  findRate: number;
  findRateCi95: [number, number];
  arrests: number;
  arrestRate: number;
  arrestRateCi95: [number, number];
}

export interface SearchBreakdown {
  dimension: SearchDimension | 'selfDefinedEthnicGroup';
  label: string;
  groups: SearchGroup[];
}

export interface Disproportionality {
  /** The Census year and source of the populations; null when none is held for the force. */
  population: { year: number; source: string } | null;
  reference: 'White';
  groups: ({ group: string; searches: number; residents: number } & SearchRateRatio)[];
  /** Searches whose self-defined ethnicity is not stated (in no group). */
  notStated: number;
  notes: string[];
}

export interface SearchMapData {
  /** Searches per grid cell (British National Grid metres, lower-left corner). */
  cells: { x: number; y: number; size: number; count: number }[];
  /** Searches with a location, and without one (not mapped). */
  located: number;
  unlocated: number;
}

/** Where a force's searches were placed (the whole force's report only). */
export interface SearchPlacement {
  /** Searches in each district of the force's area, most first. */
  districts: { code: string; name: string; searches: number }[];
  /** Placed in a district outside the force's area (near its edge, or a search elsewhere). */
  elsewhere: number;
  /** No location given: in no district. */
  noLocation: number;
  /** At a point in no district whose boundary Lantern holds: in no district. */
  noDistrict: number;
  /** Not yet placed (held before this version; placed when the store is next opened to write). */
  notYetPlaced: number;
}

export interface StopSearchReport {
  force: string;
  forceName: string;
  /** The district or CSP read; null for the whole force. */
  area: { code: string; name: string; type: 'district' | 'csp' } | null;
  /** What the report is of, in words: the area's name, or the force's. */
  areaName: string;
  /** Where the force's searches were placed; null when one district or CSP is read. */
  placement: SearchPlacement | null;
  period: Period;
  missingMonths: string[];
  /** "2 of 3 months held: …"; null when all are held. */
  coverage: string | null;
  searches: number;
  objects: SearchObjectSummary[];
  linkedShare: number | null;
  /** Find rate and arrest rate of all searches, with exact 95% intervals. */
  findRate: number | null;
  findRateCi95: [number, number] | null;
  arrestRate: number | null;
  arrestRateCi95: [number, number] | null;
  breakdowns: SearchBreakdown[];
  disproportionality: Disproportionality;
  /** All searches, then each broad self-defined ethnic group: the `trends` comparison and test. */
  trends: TrendDocument[];
  map: SearchMapData;
  /** The map as SVG, when asked for. */
  mapSvg?: string;
  notes: string[];
}

const DIMENSION_LABELS: Record<SearchBreakdown['dimension'], string> = {
  selfDefinedEthnicGroup: 'Self-defined ethnicity (broad group)',
  selfDefinedEthnicity: 'Self-defined ethnicity',
  officerDefinedEthnicity: 'Officer-defined ethnicity',
  ageRange: 'Age range',
  gender: 'Gender',
  legislation: 'Legislation',
  objectOfSearch: 'Object of search',
  outcome: 'Outcome',
};

/** Map grid cell side, metres: searches are shown in 1 km squares. */
const MAP_CELL = 1000;

function group(c: Omit<SearchGroupCount, 'dimension'>, total: number): SearchGroup {
  return {
    value: c.value,
    searches: c.searches,
    share: total > 0 ? c.searches / total : 0,
    finds: c.finds,
    findRate: c.finds / c.searches,
    findRateCi95: proportionInterval(c.finds, c.searches),
    arrests: c.arrests,
    arrestRate: c.arrests / c.searches,
    arrestRateCi95: proportionInterval(c.arrests, c.searches),
  };
}

function breakdowns(rows: readonly SearchGroupCount[], total: number): SearchBreakdown[] {
  const out: SearchBreakdown[] = [];
  const self = rows.filter((r) => r.dimension === 'selfDefinedEthnicity');
  const broad = new Map<string, Omit<SearchGroupCount, 'dimension'>>();
  for (const r of self) {
    const g = ethnicGroupOf(r.value === 'Not stated' ? null : r.value) ?? 'Not stated';
    const b = broad.get(g) ?? { value: g, searches: 0, finds: 0, arrests: 0 };
    b.searches += r.searches;
    b.finds += r.finds;
    b.arrests += r.arrests;
    broad.set(g, b);
  }
  const order = [...ETHNIC_GROUPS, 'Not stated'];
  out.push({
    dimension: 'selfDefinedEthnicGroup',
    label: DIMENSION_LABELS.selfDefinedEthnicGroup,
    groups: [...broad.values()]
      .sort((a, b) => order.indexOf(a.value) - order.indexOf(b.value))
      .map((g) => group(g, total)),
  });
  for (const dimension of Object.keys(SEARCH_DIMENSIONS) as SearchDimension[]) {
    out.push({
      dimension,
      label: DIMENSION_LABELS[dimension],
      groups: rows
        .filter((r) => r.dimension === dimension)
        .sort((a, b) => b.searches - a.searches || a.value.localeCompare(b.value))
        .map((g) => group(g, total)),
    });
  }
  return out;
}

/** The population year nearest the period's last year (the later on ties). */
function nearestYear(pops: readonly EthnicPopulation[], period: Period): EthnicPopulation | null {
  const year = Number(period.to.slice(0, 4));
  return (
    [...pops].sort(
      (a, b) => Math.abs(a.year - year) - Math.abs(b.year - year) || b.year - a.year,
    )[0] ?? null
  );
}

function disproportionality(
  broad: SearchBreakdown,
  pops: readonly EthnicPopulation[],
  period: Period,
  residentsOf: string,
  monthsHeld: number,
): Disproportionality {
  const pop = nearestYear(pops, period);
  const searchesOf = (g: string) => broad.groups.find((x) => x.value === g)?.searches ?? 0;
  const notStated = searchesOf('Not stated');
  const white = pop?.groups.White ?? 0;
  const groups =
    pop && white > 0
      ? ETHNIC_GROUPS.filter((g) => (pop.groups[g] ?? 0) > 0).map((g) => ({
          group: g,
          searches: searchesOf(g),
          residents: pop.groups[g] as number,
          ...searchRateRatio(
            { searches: searchesOf(g), residents: pop.groups[g] as number },
            { searches: searchesOf('White'), residents: white },
          ),
        }))
      : [];
  const gap = pop ? Number(period.to.slice(0, 4)) - pop.year : 0;
  return {
    population: pop ? { year: pop.year, source: pop.source } : null,
    reference: 'White',
    groups,
    notStated,
    notes: pop
      ? [
          `Rates per 1,000 residents of each broad ethnic group of ${residentsOf}, ${pop.source} (${pop.year})${gap >= 5 ? `: ${gap} years before the searches, so the groups' sizes may have changed; import a later Census table with 'lantern areas import-population --ethnic-group-column' to use it` : ''}.${monthsHeld === 12 ? '' : ` They count the searches of the ${monthsHeld === 1 ? 'month' : `${monthsHeld} months`} held, not a year's.`}`,
          'Ratio: the group’s search rate over the White rate, with the exact 95% interval (searches as Poisson counts, residents as exposure). Residents are not everyone present where searches happen, and a person searched twice counts twice.',
          `${notStated.toLocaleString('en-GB')} searches had no self-defined ethnicity stated and are in no group, so every rate is a lower bound.`,
        ]
      : [
          `No population by ethnic group is held for ${residentsOf}: import one with 'lantern areas import-population --ethnic-group-column'.`,
        ],
  };
}

function searchTrends(
  subject: AreaSummary,
  held: readonly Month[],
  monthly: readonly { month: string; ethnicity: string | null; count: number }[],
  pops: readonly EthnicPopulation[],
  period: Period,
): TrendDocument[] {
  const counts = new Map<string, Map<Month, number>>();
  for (const r of monthly) {
    const g = ethnicGroupOf(r.ethnicity) ?? 'Not stated';
    const series = counts.get(g) ?? new Map<Month, number>();
    series.set(r.month, (series.get(r.month) ?? 0) + r.count);
    counts.set(g, series);
  }
  const input: AreaCounts = {
    area: subject,
    observed: held,
    counts,
    populations: pops.map((p) => ({
      year: p.year,
      source: p.source,
      count: Object.values(p.groups).reduce((n, c) => n + c, 0),
    })),
  };
  const caveats = ['Searches measure police activity, not crime.'];
  const measures: Measure[] = [
    { key: 'all', label: 'All searches', includes: () => true, caveats },
    ...ETHNIC_GROUPS.map((g) => ({
      key: g,
      label: `Searches of people self-defined ${g}`,
      includes: (c: string) => c === g,
      caveats,
    })),
  ];
  return trendDocuments(input, measures, period, { notTested: (m) => m.key === 'all' });
}

function searchMap(
  points: readonly { lon: number; lat: number }[],
  unlocated: number,
): SearchMapData {
  const cells = new Map<string, { x: number; y: number; size: number; count: number }>();
  for (const p of points) {
    const [e, n] = toBng(p.lon, p.lat);
    const x = Math.floor(e / MAP_CELL) * MAP_CELL;
    const y = Math.floor(n / MAP_CELL) * MAP_CELL;
    const key = `${x},${y}`;
    const cell = cells.get(key) ?? { x, y, size: MAP_CELL, count: 0 };
    cell.count++;
    cells.set(key, cell);
  }
  return {
    cells: [...cells.values()].sort((a, b) => b.count - a.count || a.x - b.x || a.y - b.y),
    located: points.length,
    unlocated,
  };
}

export interface StopSearchRequest {
  /** The police.uk force id; may be left out when `area` names a district, CSP or force. */
  force?: string;
  /** A district, CSP or force (code, name or force id): its searches only. */
  area?: string;
  period: Period;
  withMapSvg?: boolean;
}

interface Subject {
  force: { id: string; name: string; areaCode: string | null };
  area: StopSearchReport['area'];
}

/** The force and area a request reads: `--area` names a district, CSP or force, `--force` a force. */
async function subjectOf(
  db: Db,
  request: StopSearchRequest,
  reads: CommandReads,
): Promise<Subject> {
  if (request.area === undefined) {
    if (request.force === undefined)
      throw new InputError(
        'name a force (--force northumbria) or an area (--area "Newcastle upon Tyne")',
      );
    const force = await policeForce(db, request.force);
    if (!force)
      throw new InputError(
        `⟨force⟩: "${request.force}" is not a police.uk force id${didYouMean(request.force, forceIds()) || ' (lantern areas --type force lists the forces)'}`,
        { field: 'force' },
      );
    return { force, area: null };
  }
  const area = await findAreaOnce(db, request.area, reads);
  if (area.type === 'ward' || area.type === 'lsoa')
    throw new InputError(
      `${area.name} (${area.code}) is a ${area.type}: stop and search is placed in districts, so name a district, a CSP or a force`,
    );
  const covering = await forceCoveringOnce(db, area.code, reads);
  if (!covering) throw new NotFoundError(`no police force is known to cover ${area.name}`);
  if (request.force !== undefined && request.force !== covering.id)
    throw new InputError(
      `${area.name} is in the area of ${covering.name} ("${covering.id}"), not of force "${request.force}": leave --force out or name that force`,
    );
  const force = { id: covering.id, name: covering.name, areaCode: covering.areaCode };
  return {
    force,
    area:
      area.type === 'district' || area.type === 'csp'
        ? { code: area.code, name: area.name, type: area.type }
        : null,
  };
}

function placementOf(rows: Awaited<ReturnType<typeof searchesByDistrict>>): SearchPlacement {
  const sum = (f: (r: (typeof rows)[number]) => boolean) =>
    rows.filter(f).reduce((n, r) => n + r.searches, 0);
  return {
    districts: rows
      .filter((r) => r.match === 'point' && r.inForceArea && r.district !== null)
      .map((r) => ({
        code: r.district as string,
        name: r.name ?? (r.district as string),
        searches: r.searches,
      })),
    elsewhere: sum((r) => r.match === 'point' && !r.inForceArea),
    noLocation: sum((r) => r.match === 'none'),
    noDistrict: sum((r) => r.match === 'unmatched'),
    notYetPlaced: sum((r) => r.match === null),
  };
}

function placementNotes(subject: Subject, p: SearchPlacement | null): string[] {
  const n = (v: number) => v.toLocaleString('en-GB');
  if (subject.area !== null)
    return [
      `Searches are placed in districts by the point police.uk gives each (an approximate map point); searches of ${subject.force.name} with no location, or at a point in no district whose boundary is held, are in no district's figures.`,
    ];
  if (p === null) return [];
  const unplaced = [
    ...(p.noLocation > 0 ? [`${n(p.noLocation)} had no location`] : []),
    ...(p.noDistrict > 0 ? [`${n(p.noDistrict)} lay in no district whose boundary is held`] : []),
    ...(p.elsewhere > 0 ? [`${n(p.elsewhere)} lay in districts outside the force's area`] : []),
  ];
  return [
    ...(unplaced.length > 0
      ? [
          `Of these searches, ${unplaced.join(', ')}: they count for the force, in no district of it.`,
        ]
      : []),
    ...(p.notYetPlaced > 0
      ? [
          `${n(p.notYetPlaced)} searches were stored by an earlier version and are not yet placed in districts: the next command that writes to the store (an import, for instance) places them.`,
        ]
      : []),
  ];
}

export async function stopSearchSummary(
  db: Db,
  scope: Scope,
  request: StopSearchRequest,
  reads: CommandReads = new CommandReads(),
): Promise<StopSearchReport> {
  const subject = await subjectOf(db, request, reads);
  const { force } = subject;
  const heldList = await searchMonths(db, force.id);
  const held = new Set(heldList);
  if (held.size === 0)
    throw new NotFoundError(
      `the store holds no stop-and-search data of force "${force.id}": import the force's police.uk stop-and-search files first (lantern import FILES; the demo store holds none, and the repository ships Northumbria's: lantern import data/police/northumbria-stop-and-search.zip)`,
    );
  requireSomeMonthHeld(request.period, held, `stop-and-search data of force "${force.id}"`);
  const where: SearchArea = { force: force.id, forceArea: force.areaCode, area: subject.area };
  const areaName = subject.area?.name ?? force.name;
  const coverage = periodCoverage(request.period, held);
  const rows = await searchCounts(db, scope, where, request.period);
  const byObject = new Map<string, typeof rows>();
  for (const r of rows) byObject.set(r.object, [...(byObject.get(r.object) ?? []), r]);
  const objects = [...byObject].map(([object, list]): SearchObjectSummary => {
    const outcomes = new Map<string, number>();
    for (const r of list) outcomes.set(r.outcome, (outcomes.get(r.outcome) ?? 0) + r.count);
    const linked = list.filter((r) => r.linked === true).reduce((n, r) => n + r.count, 0);
    const searches = list.reduce((n, r) => n + r.count, 0);
    const linkUnstated = list.filter((r) => r.linked === null).reduce((n, r) => n + r.count, 0);
    return {
      object,
      searches,
      outcomes: [...outcomes]
        .sort((a, b) => b[1] - a[1])
        .map(([outcome, count]) => ({ outcome, count })),
      linked,
      linkUnstated,
      linkedShare: searches > 0 ? linked / searches : null,
    };
  });
  const linked = objects.reduce((n, o) => n + o.linked, 0);
  const searches = objects.reduce((n, o) => n + o.searches, 0);
  const unstated = objects.reduce((n, o) => n + o.linkUnstated, 0);
  const neverFalse = !rows.some((r) => r.linked === false);

  const groupRows = await searchBreakdown(db, scope, where, request.period);
  const parts = breakdowns(groupRows, searches);
  const all = groupRows.filter((r) => r.dimension === 'outcome');
  const finds = all.reduce((n, r) => n + r.finds, 0);
  const arrests = all.reduce((n, r) => n + r.arrests, 0);
  const pops = subject.area
    ? await ethnicPopulationsOfArea(db, subject.area.code)
    : await ethnicPopulationsOfForce(db, force.id);
  const dispro = disproportionality(
    parts[0] as SearchBreakdown,
    pops,
    request.period,
    subject.area ? subject.area.name : "the force's districts",
    coverage.heldMonths.length,
  );
  const monthly = await searchesByMonthAndEthnicity(db, scope, where);
  const trendArea: AreaSummary = subject.area ?? {
    code: force.areaCode ?? force.id,
    name: force.name,
    type: 'force',
  };
  const trends = searchTrends(trendArea, heldList, monthly, pops, request.period);
  const located = await searchPoints(db, scope, where, request.period);
  const placement =
    subject.area === null
      ? placementOf(await searchesByDistrict(db, scope, { ...where, area: null }, request.period))
      : null;
  const overall = trends[0];
  const map = searchMap(located.points, located.unlocated);
  return {
    force: force.id,
    forceName: force.name,
    area: subject.area,
    areaName,
    placement,
    period: request.period,
    missingMonths: coverage.missingMonths,
    coverage: coverage.words,
    searches,
    objects: objects.sort((a, b) => b.searches - a.searches),
    linkedShare: searches > 0 ? linked / searches : null,
    findRate: searches > 0 ? finds / searches : null,
    findRateCi95: searches > 0 ? proportionInterval(finds, searches) : null,
    arrestRate: searches > 0 ? arrests / searches : null,
    arrestRateCi95: searches > 0 ? proportionInterval(arrests, searches) : null,
    breakdowns: parts,
    disproportionality: dispro,
    trends,
    map,
    ...(request.withMapSvg
      ? {
          mapSvg: stopSearchMapSvg(map, {
            id: 'stop-search-map',
            title: `Stop and search in ${subject.area ? subject.area.name : `the ${force.name} area`}, ${request.period.from}..${request.period.to}`,
            audience: 'partner',
          }),
        }
      : {}),
    notes: [
      'Months are publication months: a file may carry a few searches of the month before.',
      ...placementNotes(subject, placement),
      `Find rate: searches whose outcome was other than "${NO_FURTHER_ACTION}" and linked to the object searched for, of all searches. Arrest rate: searches ending in arrest, of all searches. Intervals are exact 95% intervals.`,
      `Linked share: searches whose outcome the file marks as linked to the object of search (no further action included), of all searches; ${unstated.toLocaleString('en-GB')} leave it empty.`,
      ...(neverFalse && unstated > 0
        ? [
            'These files never mark a search as not linked: an empty field may mean "not linked" or "not recorded".',
          ]
        : []),
      ...(overall?.comparison && overall.pValue !== null
        ? [
            `Trend: ${overall.reading} (the exact test trends uses; groups' p-values Holm-adjusted).`,
          ]
        : []),
      'Searches measure police activity, not crime; groups with few searches give wide intervals.',
    ],
  };
}
