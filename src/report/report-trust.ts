/**
 * The strategic assessment's section for a scrutiny panel on trust: "what happens after a crime is
 * reported?" (the latest outcome of the area's crimes, grouped) and "who is stopped and searched,
 * and is it fair?" (the area's searches, placed in districts by their points, or the force's, by self-defined ethnic group, age and gender, with find
 * and arrest rates, and search rates per 1,000 residents against White residents). Plain words
 * first, then the tables and the map; every share with its 95% interval, the Census year named.
 * Pure: the report's data in (already made public where it is the public version), HTML out.
 */
import { escapeXml as esc } from '../charts/index.js';
import { formatNumber } from '../charts/text.js';
import { periodInWords } from './infographic-text.js';
import { showCount, SUPPRESSED, WITHHELD } from './disclosure.js';
import type { Audience, ReportData, SearchGroupRow, TrustData } from './report-data.js';
import { figureHtml, type Labels, section, tableHtml } from './report-html-parts.js';
import type { Cell, ReportFigure, ReportTable } from './report-tables.js';
import { stopSearchMapSvg } from './stop-search-map.js';

const pct = (v: number | null | undefined, digits = 1) =>
  v == null ? null : Number((v * 100).toFixed(digits));
const pctText = (v: number, digits = 1) => `${formatNumber(v * 100, digits)}%`;
const intervalText = (ci: readonly [number, number]) =>
  `${formatNumber(ci[0] * 100, 1)}% to ${formatNumber(ci[1] * 100, 1)}%`;

function countCell(n: number, withheld: boolean | undefined, aud: Audience): Cell {
  if (withheld) return WITHHELD;
  return aud === 'public' && n > 0 && n < 5 ? SUPPRESSED : n;
}

function outcomesTables(o: NonNullable<TrustData['outcomes']>, aud: Audience): ReportTable[] {
  return [
    {
      id: 'outcomes-groups',
      caption:
        'What happened after crimes were reported: the latest outcome of each crime, grouped',
      columns: ['outcome', 'crimes', 'share %'],
      rows: o.groups.map((g) => [
        g.label,
        // Counts held back for the table's sake (they would sum to the total not given) keep a
        // zero, which adds nothing to that sum and which its share of 0.0 says anyway; a count
        // held back beside a small one (secondary suppression) stays held back, zero or not.
        countCell(g.count, g.withheld || (o.countsWithheld && g.count !== 0), aud),
        g.withheld ? WITHHELD : pct(g.share, o.shareDigits ?? 1),
      ]),
      countColumns: [1],
      formats: { 2: 'share' },
    },
    {
      id: 'outcomes-categories',
      caption: 'Crimes charged or summonsed, by category',
      columns: ['category', 'crimes', 'charged or summonsed', 'share charged %'],
      rows: o.categories.map((c) => [
        c.label,
        countCell(c.crimes, false, aud),
        countCell(c.charged, c.chargedWithheld, aud),
        pct(c.chargeShare),
      ]),
      countColumns: [1, 2],
      formats: { 3: 'share' },
    },
  ];
}

const span = (
  ci: readonly [number, number | null] | null | undefined,
  scale: number,
  digits: number,
) =>
  ci == null
    ? null
    : `${formatNumber(ci[0] * scale, digits)} to ${ci[1] === null ? 'unbounded' : formatNumber(ci[1] * scale, digits)}`;

function searchRows(rows: readonly SearchGroupRow[], aud: Audience): Cell[][] {
  return rows.map((r) => [
    r.value,
    countCell(r.searches, r.withheld, aud),
    pct(r.findRate),
    span(r.findRateCi95, 100, 1),
    pct(r.arrestRate),
    span(r.arrestRateCi95, 100, 1),
  ]);
}

const RATE_COLUMNS = [
  'searches',
  'find rate %',
  'find rate 95% interval',
  'arrest rate %',
  'arrest rate 95% interval',
];

function searchTables(s: NonNullable<TrustData['stopSearch']>, aud: Audience): ReportTable[] {
  const year = s.population ? ` (Census ${s.population.year})` : '';
  return [
    {
      id: 'stop-search-ethnicity',
      caption: `Stop and search by self-defined ethnic group: searches per 1,000 residents${year} against White residents, find and arrest rates`,
      columns: [
        'self-defined ethnic group',
        'searches',
        'residents',
        'searches per 1,000',
        'ratio to White',
        'ratio 95% interval',
        'find rate %',
        'arrest rate %',
      ],
      rows: s.byEthnicGroup.map((r) => [
        r.value,
        countCell(r.searches, r.withheld, aud),
        r.residents,
        r.ratePer1000 === null ? null : Number(r.ratePer1000.toFixed(2)),
        r.ratio === null ? null : Number(r.ratio.toFixed(2)),
        span(r.ci95, 1, 2),
        pct(r.findRate),
        pct(r.arrestRate),
      ]),
      countColumns: [1],
      formats: { 3: 'rate', 4: 'rate', 6: 'share', 7: 'share' },
    },
    {
      id: 'stop-search-age',
      caption: 'Stop and search by age range: find and arrest rates with exact 95% intervals',
      columns: ['age range', ...RATE_COLUMNS],
      rows: searchRows(s.byAge, aud),
      countColumns: [1],
      formats: { 2: 'share', 4: 'share' },
    },
    {
      id: 'stop-search-gender',
      caption: 'Stop and search by gender: find and arrest rates with exact 95% intervals',
      columns: ['gender', ...RATE_COLUMNS],
      rows: searchRows(s.byGender, aud),
      countColumns: [1],
      formats: { 2: 'share', 4: 'share' },
    },
  ];
}

/** The panel's reading of outcomes, in sentences. */
function outcomesWords(o: NonNullable<TrustData['outcomes']>, data: ReportData): string[] {
  const aud = data.audience;
  const share = (label: RegExp) => {
    const g = o.groups.find((x) => label.test(x.label));
    return g && g.share !== null ? pctText(g.share, o.shareDigits ?? 1) : 'a share not shown here';
  };
  // Only when some are still open can the share rise; when none are, the sentence says so.
  const open = o.groups.find((x) => /Under investigation/u.test(x.label));
  const underInvestigation =
    open && !open.withheld && open.count === 0
      ? 'none is still under investigation.'
      : `${esc(share(/Under investigation/u))} are still under investigation, so the charge share may yet rise.`;
  // police.uk's "Status update unavailable": the reasons above are not the whole story.
  const status = o.groups.find((x) => /Status update unavailable/u.test(x.label));
  const unknown =
    status && (status.withheld || status.count > 0)
      ? ` For ${esc(share(/Status update unavailable/u))}, police.uk gives no outcome ("Status update unavailable"): what happened to them is not known.`
      : '';
  return [
    `<p>Of the ${o.countsWithheld ? '' : `${esc(showCount(o.crimes, aud))} `}crimes recorded in ${esc(data.area.name)} from ${esc(periodInWords(data.period))}${o.coverage ? ` (${esc(o.coverage)})` : ''}, <strong>${o.sharesWithheld ? 'a share not shown here' : o.chargeShare === null ? 'none' : esc(pctText(o.chargeShare, o.shareDigits ?? 1))}</strong>${o.chargeShareCi95 ? ` (95% interval ${esc(intervalText(o.chargeShareCi95))})` : ''} have so far ended in a charge or summons, court results included. A charge is not a conviction.</p>`,
    `<p>Why the others did not: no suspect was identified for ${esc(share(/no suspect/u))}; for ${esc(share(/Evidential/u))} there were evidential difficulties or the victim did not support action (police.uk does not separate the two); ${esc(share(/Out-of-court/u))} ended out of court (a caution, penalty notice, drugs warning or local resolution); ${underInvestigation}${unknown}</p>`,
  ];
}

/** How many searches found what was looked for, and led to an arrest: " 20.8% found …." or "". */
function ratesWords(s: NonNullable<TrustData['stopSearch']>): string {
  const found =
    s.findRate !== null && s.findRateCi95
      ? `${esc(pctText(s.findRate))} found what was searched for (an outcome linked to the object of the search; 95% interval ${esc(intervalText(s.findRateCi95))})`
      : s.findsSmall
        ? 'fewer than 5 found what was searched for (an outcome linked to the object of the search)'
        : null;
  const arrested =
    s.arrestRate !== null && s.arrestRateCi95
      ? `${esc(pctText(s.arrestRate))} led to an arrest (${esc(intervalText(s.arrestRateCi95))})`
      : s.arrestsSmall
        ? 'fewer than 5 led to an arrest'
        : null;
  const said = [found, arrested].filter((x) => x !== null);
  if (said.length === 0) return '';
  const sentence = said.join(', and ');
  return ` ${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}.`;
}

/** The panel's reading of stop and search, in sentences. */
function searchWords(s: NonNullable<TrustData['stopSearch']>, data: ReportData): string[] {
  const aud = data.audience;
  const parts = [
    `<p>${
      s.area === null
        ? `Stop and search is published for ${esc(s.force)} as a whole. From ${esc(periodInWords(data.period))}${s.coverage ? ` (${esc(s.coverage)})` : ''} it recorded ${esc(showCount(s.searches, aud))} searches.`
        : `Stop and search is published for ${esc(s.force)} with the approximate place of each search, which puts it in a district. From ${esc(periodInWords(data.period))}${s.coverage ? ` (${esc(s.coverage)})` : ''} it recorded ${esc(showCount(s.searches, aud))} searches in ${esc(s.area)}; searches with no place recorded are in no district's figures.`
    }${ratesWords(s)}${s.trend ? ` ${esc(s.trend)}` : ''}</p>`,
  ];
  const compared = s.byEthnicGroup.filter((g) => g.value !== 'White' && g.ratio !== null && g.ci95);
  if (s.population && compared.length > 0) {
    const said = compared.map((g) => {
      const [lo, hi] = g.ci95 as [number, number | null];
      const clear = lo > 1 ? 'more often' : hi !== null && hi < 1 ? 'less often' : null;
      const times = `${formatNumber(g.ratio as number, 1)} times the White rate, 95% interval ${formatNumber(lo, 1)} to ${hi === null ? 'unbounded' : formatNumber(hi, 1)}`;
      return clear
        ? `people who defined themselves as ${g.value} were searched ${clear} than White residents (${times})`
        : `for people who defined themselves as ${g.value} the rate was not clearly different (${times})`;
    });
    parts.push(
      `<p>Per 1,000 residents of each group (Census ${s.population.year}), ${esc(said.join('; '))}. Residents are not everyone present where searches happen, and a search of a person with no self-defined ethnicity counts in no group.</p>`,
    );
  } else if (!s.population) {
    parts.push(
      `<p>No population by ethnic group is held for ${s.area === null ? 'the force area' : esc(s.area)}, so search rates per head are not given.</p>`,
    );
  }
  return parts;
}

export function trustSection(
  data: ReportData,
  figures: ReportFigure[],
  tables: ReportTable[],
  labels: Labels,
): string {
  const trust = data.trust;
  if (!trust) return '';
  const aud = data.audience;
  const parts: string[] = [];
  // A sub-heading is kept on a page with the words that follow it.
  const leadIn = (heading: string, words: string[]) =>
    `<div class="lead-in"><h3>${esc(heading)}</h3>${words.join('')}</div>`;
  if (trust.outcomes) {
    parts.push(
      leadIn('What happens after a crime is reported', outcomesWords(trust.outcomes, data)),
    );
    for (const t of outcomesTables(trust.outcomes, aud)) {
      tables.push(t);
      parts.push(tableHtml(t, labels.table(t.id)));
    }
  } else parts.push('<p>No outcomes are held for this area and period.</p>');
  parts.push('<h3>Stop and search</h3>');
  const s = trust.stopSearch;
  if (!s || s.missing) {
    parts.push(
      `<p>${esc(s?.missing ?? 'No stop-and-search data is held for the force area.')}</p>`,
    );
  } else {
    parts.push(...searchWords(s, data));
    for (const t of searchTables(s, aud)) {
      tables.push(t);
      parts.push(tableHtml(t, labels.table(t.id)));
    }
    if (s.map.length > 0) {
      const id = 'fig-stop-search-map';
      const figure: ReportFigure = {
        id,
        caption: `Where stop and searches took place in ${s.area ?? `the ${s.force} area`}, ${periodInWords(data.period)}: searches in 1 km squares${aud === 'public' ? '; squares with fewer than 5 are not shaded' : ''}. Locations are approximate.`,
        svg: stopSearchMapSvg(
          { cells: s.map },
          {
            id,
            title: `Stop and search in ${s.area ?? `the ${s.force} area`}`,
            audience: aud,
          },
        ),
        table: {
          id,
          caption: 'Searches by 1 km square (British National Grid, lower-left corner)',
          columns: ['easting', 'northing', 'cell size m', 'searches'],
          rows: s.map.map((c) => [c.x, c.y, c.size, countCell(c.count, false, aud)]),
          countColumns: [3],
        },
      };
      figures.push(figure);
      parts.push(figureHtml(figure, labels.figure(id)));
    }
    parts.push(`<ul class="notes">${s.notes.map((n) => `<li>${esc(n)}</li>`).join('')}</ul>`);
  }
  return section('trust', 'Outcomes, and stop and search', parts);
}
