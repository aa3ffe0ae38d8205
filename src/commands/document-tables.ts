/**
 * The tables of the main commands' documents, one value per cell, for the API's exports (CSV,
 * XLSX, Parquet): the numbers a person sees in `lantern summary`, `trends --all`, `compare`,
 * `hotspots` and `assess`, unrounded, with the notes that say how to read them.
 */
import type { AreaComparison } from '../analysis/area-comparison.js';
import { CATEGORY_NAMES } from '../domain/categories.js';
import type { AssessmentOutput, IssueDisclosure } from '../domain/assessment.js';
import { withheldWords as issueWithheldWords } from '../analysis/restricted-issue.js';
import type { DataTable } from '../domain/data-table.js';
import type { HotspotReport, RankedCell } from '../usecases/hotspots.js';
import type { AreaSummary } from '../usecases/summarise-area.js';
import type { DisclosedTrendDocument as TrendDocument } from '../usecases/trends.js';

export function summaryTables(s: AreaSummary): DataTable[] {
  const label = (c: string) => (CATEGORY_NAMES as Record<string, string | undefined>)[c] ?? c;
  return [
    {
      id: 'summary',
      title: `police.uk street records in ${s.area.name} (${s.area.code}), ${s.period.from} to ${s.period.to}, by month and category`,
      columns: ['area_code', 'area_name', 'month', 'status', 'category', 'category_name', 'count'],
      rows: s.months.flatMap(({ month, status }) =>
        s.categories.map((c) => [
          s.area.code,
          s.area.name,
          month,
          status,
          c.category,
          label(c.category),
          status === 'missing'
            ? null
            : c.withheld?.[month]
              ? c.withheld[month] === 'fewer than'
                ? `fewer than ${s.disclosure?.threshold ?? 5}`
                : 'not shown'
              : (c.byMonth[month] ?? 0),
        ]),
      ),
      notes: [
        "A month whose status is 'missing' is not held: its counts are blank (unknown), never 0.",
        ...s.notes,
      ],
    },
  ];
}

export function trendsTables(docs: readonly TrendDocument[]): DataTable[] {
  const first = docs[0];
  const where = first ? `${first.area.name}, ${first.period.from} to ${first.period.to}` : '';
  return [
    {
      id: 'trends',
      title: `The change in each category, ${where}, against the same months of an earlier year`,
      columns: [
        'area_code',
        'area_name',
        'category',
        'category_name',
        'period_from',
        'period_to',
        'compared_from',
        'compared_to',
        'current',
        'previous',
        'change',
        'change_pct',
        'rate_ratio',
        'ci95_lower',
        'ci95_upper',
        'p_value',
        'p_value_adjusted',
        'rate_per_1000',
        'reading',
      ],
      rows: docs.map((d) => [
        d.area.code,
        d.area.name,
        d.category,
        d.label,
        d.period.from,
        d.period.to,
        d.comparisonPeriod?.from ?? null,
        d.comparisonPeriod?.to ?? null,
        withheldCell(d, 'current') ?? d.current,
        withheldCell(d, 'previous') ?? d.previous,
        d.change,
        d.changePct,
        d.rateRatio,
        d.ci95?.[0] ?? null,
        d.ci95?.[1] ?? null,
        d.pValue,
        d.pValueAdjusted ?? null,
        d.ratePer1000,
        d.reading,
      ]),
      notes: [
        'Counts are over the months held in both periods; p_value_adjusted is Holm-adjusted over the categories tested together.',
        ...(first?.notes ?? []),
      ],
    },
    {
      id: 'trends-months',
      title: `Counts by month and category, ${where}`,
      columns: ['area_code', 'category', 'month', 'count'],
      rows: docs.flatMap((d) =>
        d.months.map((m) => [
          d.area.code,
          d.category,
          m.month,
          m.withheld ? withheldWords(m.withheld, d) : m.count,
        ]),
      ),
      notes: [
        'A blank count is a month not held: unknown, never 0.',
        ...(first?.disclosure
          ? [
              `Totals-only access: "fewer than ${first.disclosure.threshold}" is a count from 1 to ${first.disclosure.threshold - 1}; "not shown" a count held back because it would give one away.`,
            ]
          : []),
      ],
    },
  ];
}

function withheldWords(as: 'fewer than' | 'not shown', d: TrendDocument): string {
  return as === 'fewer than' ? `fewer than ${d.disclosure?.threshold ?? 5}` : 'not shown';
}

function withheldCell(d: TrendDocument, as: 'current' | 'previous'): string | null {
  const held = d.disclosure?.[as];
  return held ? withheldWords(held, d) : null;
}

export function compareTables(c: AreaComparison): DataTable[] {
  return [
    {
      id: 'compare',
      title: `${c.label} in the ${c.group}, ${c.period.from} to ${c.period.to}: each area against the group's rate (funnel plot)`,
      columns: [
        'area_code',
        'area_name',
        'count',
        'population',
        'population_year',
        'rate_per_1000',
        'expected',
        'lower95',
        'upper95',
        'lower998',
        'upper998',
        'flag',
        'rank',
      ],
      rows: c.areas.map((a) => [
        a.code,
        a.name,
        a.count,
        a.population,
        a.populationYear,
        a.rate,
        a.expected,
        a.limits?.lower95 ?? null,
        a.limits?.upper95 ?? null,
        a.limits?.lower998 ?? null,
        a.limits?.upper998 ?? null,
        a.flag,
        a.rank,
      ]),
      notes: [`The group's rate: ${c.reference.rate ?? 'none'} per 1,000.`, ...c.notes],
    },
  ];
}

export function hotspotTables(h: HotspotReport): DataTable[] {
  const seen = new Set<number>();
  const cells = [...h.ranked, ...h.busiest].filter((c: RankedCell) =>
    seen.has(c.cell) ? false : (seen.add(c.cell), true),
  );
  return [
    {
      id: 'hotspots',
      title: `${h.label} hotspots in ${h.area.name}, ${h.period.from} to ${h.period.to}: the top-ranked and busiest ${h.cellSize} m cells`,
      columns: [
        'rank',
        'cell',
        'longitude',
        'latitude',
        'count',
        'kde_per_km2',
        'gi_star',
        'p_value',
        'p_adjusted',
        'hotspot',
        'class',
        'street',
        'ward_code',
        'ward_name',
        'district_code',
        'district_name',
        'name',
      ],
      rows: cells.map((c) => [
        c.rank,
        c.cell,
        c.lon,
        c.lat,
        c.count,
        c.kde,
        c.gistar,
        c.pValue,
        c.pAdjusted,
        c.hotspot,
        c.class,
        c.street,
        c.ward?.code ?? null,
        c.ward?.name ?? null,
        c.district?.code ?? null,
        c.district?.name ?? null,
        c.name,
      ]),
      notes: [...h.warnings, ...h.notes],
    },
  ];
}

export function assessTables(a: AssessmentOutput): DataTable[] {
  return [
    {
      id: 'assess',
      title: `The issues of ${a.area.name}, ${a.period.from} to ${a.period.to}, on the risk matrix, highest priority first`,
      columns: [
        'rank',
        'key',
        'label',
        'source',
        'band',
        'risk',
        'harm',
        'likelihood',
        'priority',
        'recorded',
        'previous',
        'change_pct',
        'rate_per_1000',
        'synthetic',
        'rationale',
      ],
      rows: a.issues.map((i) => [
        i.rank,
        i.key,
        i.label,
        i.source,
        i.band,
        i.risk,
        i.harm,
        i.likelihood,
        i.priority,
        // A restricted dataset's count held back: its words ("fewer than 5"), never the number.
        heldBack(i.evidence.disclosure, 'recorded') ?? i.evidence.recorded,
        heldBack(i.evidence.disclosure, 'previous') ?? i.evidence.previous,
        i.evidence.changePct,
        i.evidence.ratePer1000,
        i.synthetic ? 'yes' : 'no',
        i.rationale,
      ]),
      notes: a.notes,
    },
  ];
}

function heldBack(d: IssueDisclosure | undefined, which: 'recorded' | 'previous'): string | null {
  const as = d?.[which];
  return as ? issueWithheldWords(as, d.threshold) : null;
}
