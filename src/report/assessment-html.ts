/**
 * The strategic assessment as one self-contained HTML file (inline CSS and SVG, no scripts, no
 * external requests): executive summary; the review of the previous action plan
 * (report-plan-review.ts); the priorities on the risk matrix; a section for each
 * High priority (rationale, trend with expected range, districts compared, hotspot map, hidden
 * figure, tactical options); every category; partner data; outcomes and stop and search (for a
 * scrutiny panel: report-trust.ts); alignment with the county (or force
 * area) and the Police and Crime Plan; method and caveats; appendix. Written for its reader: real
 * headings, figures and tables numbered in order ("Figure 3"), no command, option, file path or
 * internal id in it (those are in the data folder), each caveat said once. Pure: data in, a string
 * out.
 */
import { escapeXml as esc } from '../charts/index.js';
import { isSmall, showChange, showCount, showFigure, SMALL_NUMBER_LIMIT } from './disclosure.js';
import { monthRunsText } from '../domain/held-months.js';
import { comparedWithWords, monthSpansInWords, periodInWords } from './infographic-text.js';
import { UNCONFIRMED, type PriorityEvidence, type ReportData } from './report-data.js';
import {
  detailsTable,
  figureHtml,
  Labels,
  pageMarksCss,
  section,
  tableHtml,
  tile,
} from './report-html-parts.js';
import { REPORT_CSS } from './report-style.js';
import { discontinuityCaveat } from './discontinuity-caveat.js';
import { planReviewSection } from './report-plan-review.js';
import { trustSection } from './report-trust.js';
import {
  alignmentTables,
  categoriesTable,
  rateSpan,
  comparisonSentence,
  funnelFigure,
  hotspotFigure,
  optionsTable,
  partnerTable,
  breakdownTables,
  riskMatrixFigure,
  tiesText,
  trendFigure,
  type ReportFigure,
  type ReportTable,
} from './report-tables.js';

export interface RenderedReport {
  html: string;
  figures: ReportFigure[];
  tables: ReportTable[];
  /** Each figure's and table's label in the document, by id ("Figure 1", "Table 1"). */
  labels: Map<string, string[]>;
}

export function renderAssessment(data: ReportData): RenderedReport {
  const figures: ReportFigure[] = [];
  const tables: ReportTable[] = [];
  const labels = new Labels();
  const aud = data.audience;
  const a = data.assessment;
  const title = `Community safety strategic assessment: ${data.area.name}`;

  // The review of the previous plan follows the summary: its tables are numbered first.
  const review = planReviewSection(data, tables, labels);
  const matrix = riskMatrixFigure(data);
  figures.push(matrix);
  const matrixLabel = labels.figure(matrix.id);
  const matrixTableLabel = labels.table(matrix.id);
  const ties = tiesText(a.issues);
  const prioritySections = data.priorities.map((p, i) =>
    prioritySection(p, i + 1, data, figures, tables, labels),
  );
  const categories = categoriesTable(data);
  const partner = partnerTable(data);
  const breakdowns = breakdownTables(data);
  const alignment = alignmentTables(data);
  tables.push(categories, partner, ...breakdowns, ...alignment);
  const categoriesLabel = labels.table(categories.id);
  const partnerLabel = data.partner.length > 0 ? labels.table(partner.id) : '';
  const breakdownLabels = breakdowns.map((t) => labels.table(t.id));
  const trust = trustSection(data, figures, tables, labels);
  const alignmentLabels = alignment.map((t) => labels.table(t.id));

  const high = a.issues.filter((i) => i.band === 'High');
  const earlier = comparedWithWords(data);
  /** Whether an earlier period is held: without one there is no change to give. */
  const compared = Boolean(data.comparison) || data.comparisonPeriod !== null;
  const partial = data.coverage?.partial ? `Partial period: ${data.coverage.words}` : null;
  const spansBreak = discontinuityCaveat(
    data.comparison?.discontinuities ?? [],
    'sources under Method and caveats',
  );
  const unconfirmed = data.unconfirmed ?? [];
  const draft =
    unconfirmed.length > 0
      ? `Draft: ${listed(unconfirmed)} ${unconfirmed.length === 1 ? 'is' : 'are'} ${UNCONFIRMED}`
      : null;
  const pops = (data.populations ?? []).map((p) => `${p.area} ${p.year} (${p.source})`).join('; ');
  const rises = data.categories.filter((c) => c.significant && (c.changePct ?? 0) > 0);
  const falls = data.categories.filter((c) => c.significant && (c.changePct ?? 0) < 0);
  const word = data.forceWord ?? 'force area';
  const plan = a.alignment.plan;

  const body = [
    `<header class="cover">`,
    `<p class="kicker">${esc(data.force ? `${data.force.name} · ` : '')}${aud === 'public' ? 'Public version' : 'Partnership version'}${draft ? ' · Draft' : ''}</p>`,
    `<h1>${esc(title)}</h1>`,
    `<p class="period">${esc(periodInWords(data.period))}</p>`,
    partial
      ? `<p class="partial-banner">${esc(partial.toUpperCase().slice(0, 14))}${esc(partial.slice(14))}</p>`
      : '',
    draft ? `<p class="draft-banner">${esc(draft)}.</p>` : '',
    `<p class="meta">Made ${esc(data.generated)} by Lantern ${esc(data.lanternVersion)} from police.uk open data${data.partner.length > 0 ? ' and partner data' : ''}${a.id ? `; reference ${esc(a.id)}` : ''}.</p>`,
    `</header>`,
    `<main>`,
    section('summary', 'Executive summary', [
      partial
        ? `<p class="warning">${esc(partial)}. Every count, rate and share in this report covers these months only; each change compares them with the same months of ${esc(earlier)}.</p>`
        : '',
      spansBreak ? `<p class="warning">${esc(spansBreak)}</p>` : '',
      `<div class="tiles">`,
      tile('All crime (excluding ASB)', data.totals.crime, aud, earlier),
      tile('Anti-social behaviour', data.totals.asb, aud, earlier),
      `</div>`,
      `<p>${esc(data.area.name)} recorded ${esc(showFigure(data.totals.crime, 'count', aud))} crimes and ${esc(showFigure(data.totals.asb, 'count', aud))} incidents of anti-social behaviour from ${esc(periodInWords(data.period))}${data.comparisonPeriod ? `, against ${esc(showFigure(data.totals.crime, 'previous', aud))} crimes and ${esc(showFigure(data.totals.asb, 'previous', aud))} ASB incidents in ${esc(earlier)}` : ''}.</p>`,
      data.totals.crime.comparedCount != null
        ? `<p class="note">Changes compare only the months held in both years: ${esc(showCount(data.totals.crime.comparedCount, aud))} crimes in those months of ${esc(periodInWords(data.period))}, against ${esc(showFigure(data.totals.crime, 'previous', aud))} in ${esc(earlier)}.</p>`
        : '',
      data.totals.crime.countRange || data.totals.crime.previousRange
        ? `<p class="note">All crime is given as a range in this public version: it is the sum of the categories, some of which had fewer than 5, and the exact total would give them away.</p>`
        : '',
      high.length > 0
        ? `<p>The risk matrix ranks ${high.length} issue${high.length === 1 ? '' : 's'} as High priority:</p><ol class="priorities">${high
            .map(
              (i) =>
                `<li><strong>${esc(i.label)}</strong> — risk ${i.risk} (harm ${i.harm} × likelihood ${i.likelihood})</li>`,
            )
            .join('')}</ol>`
        : '<p>No issue reaches the High band of the risk matrix.</p>',
      rises.length + falls.length > 0
        ? `<p>Significant changes against ${esc(earlier)} (${aud === 'public' ? 'larger than chance would explain, allowing for testing many categories at once' : 'exact test, Holm-adjusted across categories'}): ${[
            ...rises.map(
              (c) => `${esc(c.label)} up ${esc(showChange(c.changePct, c.count, c.previous, aud))}`,
            ),
            ...falls.map(
              (c) =>
                `${esc(c.label)} down ${esc(showChange(c.changePct, c.count, c.previous, aud))}`,
            ),
          ].join('; ')}.</p>`
        : compared
          ? `<p>No category changed significantly against ${esc(earlier)}.</p>`
          : '<p>No change can be given: no earlier period is held to compare with.</p>',
      data.monthsMissing.length > 0
        ? `<p class="warning">Months not held, left out of every count (unknown, not zero): ${esc(monthRunsText(data.monthsMissing))}.</p>`
        : '',
      (a.notAssessed ?? []).length > 0
        ? `<p>Not assessed (no data): ${esc((a.notAssessed ?? []).map((n) => `${n.label} (${n.reason})`).join('; '))}.</p>`
        : '',
      `<h3>How to report</h3><ul class="contacts">${data.contacts
        .map(
          (c) =>
            `<li><strong>${esc(c.label)}:</strong> ${esc(c.detail)}${c.unconfirmed ? ` <span class="draft-note">(example, ${UNCONFIRMED})</span>` : ''}</li>`,
        )
        .join('')}</ul>`,
    ]),
    review,
    section('priorities', 'Priorities and the risk matrix', [
      `<p>Each issue is scored for harm and for likelihood from the evidence, adjusted for significant trends, the hidden figure, public concern and the partnership's manual scores, and banded: High, Medium or Low. How, and on what assumptions, is under Method and caveats.</p>`,
      figureHtml(matrix, matrixLabel),
      tableHtml(matrix.table, matrixTableLabel, 'Every issue ranked'),
      // The ties said in the report as in its CSV's caption, not in the CSV alone (under the
      // table: a caption of two lines left its header alone at the foot of a page).
      ties ? `<p class="note">In ${esc(matrixTableLabel)}, ${esc(ties)}.</p>` : '',
    ]),
    ...prioritySections,
    section('categories', 'Every category', [
      `<p>Police-recorded crime and ASB in ${esc(data.area.name)}, ${esc(periodInWords(data.period))}, largest first${aud === 'public' && data.categories.some((c) => isSmall(c.count)) ? '; those with fewer than 5 last, in alphabetical order, with no rate, change or significance (they would give the count away)' : ''}. ${partial ? `${esc(partial)}. ` : ''}${compared ? `Changes are against ${esc(earlier)}` : 'No earlier period is held, so no change is given'}. Rates use the population of the year held nearest the period: ${esc(pops || 'none held')}.</p>`,
      tableHtml(categories, categoriesLabel),
    ]),
    section('partner', 'Partner data', [
      data.partner.length > 0
        ? tableHtml(partner, partnerLabel)
        : '<p>No partner data are held for this area and period.</p>',
      data.partner.some((p) => p.synthetic)
        ? '<p class="warning">Figures marked SYNTHETIC are generated demonstration data, not real records.</p>'
        : '',
      ...breakdowns.flatMap((t, i) => {
        const b = data.breakdowns![i]!;
        return [
          tableHtml(t, breakdownLabels[i]!),
          b.notes.length > 0 ? `<p class="note">${esc(b.notes.join(' '))}</p>` : '',
        ];
      }),
      data.partner.some((p) => p.withheld?.reason === 'public version')
        ? `<p class="note">"Not shown": the count covers a month in which some district of ${esc((data.force ?? data.area).name)} recorded from 1 to ${SMALL_NUMBER_LIMIT - 1}. Beside figures shown elsewhere, it could give that small count away.</p>`
        : '',
      data.withheld.length > 0
        ? `<p class="note">Left out of this public version (shared only between partners): ${esc(data.withheld.join(', '))}.</p>`
        : '',
    ]),
    trust,
    // A force's own report has no force area beside it: its alignment is with the plan alone.
    section(
      'alignment',
      a.alignment.county && a.county
        ? `Alignment with the ${word} and the Police and Crime Plan`
        : 'Alignment with the Police and Crime Plan',
      [
        plan.illustrative
          ? `<p class="draft-note">The Police and Crime Plan objectives below are an example, ${UNCONFIRMED}: they are not the Police and Crime Commissioner's plan.</p>`
          : '',
        ...alignment.map((t, i) => tableHtml(t, alignmentLabels[i] ?? '')),
        // The two bands are scored two ways, which the table alone does not say (reader QA:
        // Liverpool's robbery High against the force's Low, "differs").
        a.alignment.county && a.county
          ? `<p class="note">The two assessments score likelihood differently: for ${esc(data.area.name)}, from each issue's volume and its rate against the ${esc(word)}; for the ${esc(word)}, from its volume alone (there is no larger area to set its rates against). A band can differ for that reason as well as for the evidence.</p>`
          : '',
      ],
    ),
    section('method', 'Method and data caveats', [
      `<p>The numbers behind every figure and table are in the folder named data beside this report, one spreadsheet (CSV) each; its index says which file holds which figure or table.</p>`,
      `<ul>${data.caveats.map((n) => `<li>${prose(n)}</li>`).join('')}</ul>`,
    ]),
    section('appendix', 'Appendix: why each issue scored as it did', [
      `<ol class="rationale">${a.issues.map((i) => `<li>${prose(i.rationale)}</li>`).join('')}</ol>`,
    ]),
    `</main>`,
  ];
  tables.unshift(matrix.table);
  const marks = [
    ...(partial ? [`PARTIAL PERIOD: ${data.coverage?.words ?? ''}`] : []),
    ...(draft ? [`Draft: not yet confirmed by the partnership`] : []),
  ];
  const html = [
    '<!doctype html>',
    '<html lang="en-GB">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${esc(title)}, ${esc(periodInWords(data.period))}</title>`,
    `<style>${REPORT_CSS}${pageMarksCss(marks)}</style>`,
    '</head>',
    '<body>',
    ...body.filter((s) => s !== ''),
    '</body>',
    '</html>',
    '',
  ].join('\n');
  return {
    html,
    figures,
    tables: [...tables, ...figures.filter((f) => f !== matrix).map((f) => f.table)],
    labels: labels.byId,
  };
}

/** Text for the reader, escaped: month spans in words ("March 2020 to July 2021"). */
const prose = (text: string) => esc(monthSpansInWords(text));

/** "a", "a and b", "a, b and c". */
function listed(items: readonly string[]): string {
  return items.length <= 1
    ? (items[0] ?? '')
    : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function prioritySection(
  p: PriorityEvidence,
  index: number,
  data: ReportData,
  figures: ReportFigure[],
  tables: ReportTable[],
  labels: Labels,
): string {
  // A restricted dataset's counts are shown as the public's, for every audience (its data were
  // made so by usecases/report-data.ts; its rationale says so).
  const aud = p.restricted ? 'public' : data.audience;
  // In print the heading stays with the rationale, and the rationale with the first figure.
  const parts: string[] = [`<p class="rationale">${prose(p.rationale)}</p>`];
  for (const f of [
    trendFigure(p, index, aud),
    funnelFigure(p, index, aud, rateSpan(data)),
    hotspotFigure(p, index, { ...data, audience: aud }),
  ]) {
    if (!f) continue;
    figures.push(f);
    const label = labels.figure(f.id);
    parts.push(figureHtml(f, label), detailsTable(f.table, label));
  }
  const standing = p.comparison && comparisonSentence(p.comparison, data.area.name);
  if (standing) parts.push(`<p>${esc(standing)}</p>`);
  if (p.hotspot && p.hotspot.top.length > 0)
    parts.push(
      `<p>Busiest significant hotspots (${data.audience === 'public' ? 'places with clearly more recorded than their surroundings' : 'Getis-Ord Gi*'}), numbered as on the map: ${p.hotspot.top.map((t, i) => `${i + 1}. ${esc(t.location)} (${esc(showCount(t.count, aud))})`).join('; ')}.</p>`,
    );
  if (p.hiddenFigure && aud === 'public' && isSmall(p.hiddenFigure.recorded)) {
    // The estimate and the reporting rate together would give the small count back.
    parts.push(
      `<p class="hidden-figure"><strong>Hidden figure.</strong> Not estimated here: fewer than 5 were recorded.</p>`,
    );
  } else if (p.hiddenFigure) {
    const h = p.hiddenFigure;
    parts.push(
      `<p class="hidden-figure"><strong>Hidden figure.</strong> About ${Math.round(h.reportingRate * 100)}% of such incidents are reported (${esc(h.survey)}${h.verified ? '' : ', unverified'}): the ${esc(showCount(h.recorded, aud))} recorded may stand for about ${esc(showCount(Math.round(h.estimate), aud))} (95% range ${esc(showCount(Math.round(h.interval[0]), aud))} to ${esc(showCount(Math.round(h.interval[1]), aud))}).</p>`,
    );
  }
  if (p.options.length > 0) {
    const t = optionsTable(p, index, { ...data, audience: aud });
    tables.push(t);
    parts.push(tableHtml(t, labels.table(t.id)));
  }
  if (p.synthetic)
    parts.push('<p class="warning">SYNTHETIC demonstration data: not real records.</p>');
  return section(`priority-${index}`, `Priority ${p.rank}: ${p.label}`, parts, 'priority');
}
