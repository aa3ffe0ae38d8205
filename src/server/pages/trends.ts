/**
 * An area's category by month: the count against the range its own history expects (months not
 * held drawn as gaps and listed), the change against the earlier year with its test, and the
 * forecast of the next months.
 */
import { discontinuityCaveat } from '../../report/discontinuity-caveat.js';
import { findDataset } from '../../domain/datasets.js';
import { monthRunsText } from '../../domain/held-months.js';
import type { ExceptionsReport } from '../../analysis/exception-report.js';
import {
  readingAdjusted,
  type DisclosedTrendDocument,
  type TrendDocument,
} from '../../analysis/trend-table.js';
import { pValueText, type AdjustedVerdict } from '../../analysis/reading.js';
import type { ForecastResult } from '../../analysis/forecast.js';
import { trendFigure } from '../../report/report-tables.js';
import { forecastBand, trendEvidence } from '../../report/trend-evidence.js';
import type { ServerContext } from '../context.js';
import { run } from './choices.js';
import { figure } from './figure.js';
import { count, html, pct, significance, type Safe } from './html.js';
import { notice } from './layout.js';
import { datasetCategory, periodParam, sourceOf, viewHref, type ViewState } from './state.js';

export async function trendsBody(ctx: ServerContext, state: ViewState): Promise<Safe> {
  const survey = surveyNotice(state, 'trend by month');
  if (survey) return survey;
  const source = sourceOf(state);
  const one = { area: [state.area], ...source };
  const isCategory = !('dataset' in source);
  const [[shown], exceptionsOrRefusal, forecast, family, counts] = await Promise.all([
    run<[DisclosedTrendDocument]>(ctx, 'trends', { ...one, ...periodParam(state) }),
    run<ExceptionsReport>(ctx, 'exceptions', one).catch((error: unknown) => ({ error })),
    isCategory
      ? run<ForecastResult & { notes: string[] }>(ctx, 'forecast', one).catch(() => null)
      : null,
    // Every category of the area, as the overview tests them: its verdict is this page's.
    isCategory
      ? run<DisclosedTrendDocument[]>(ctx, 'trends', {
          area: [state.area],
          all: ['true'],
          ...periodParam(state),
        })
      : [],
    // A partner dataset's every count (domestic abuse's incidents, crimes, repeat victims and
    // referrals), as `lantern trends --dataset --all` gives them, to choose one from.
    'dataset' in source
      ? run<DisclosedTrendDocument[]>(ctx, 'trends', {
          area: [state.area],
          dataset: source.dataset,
          all: ['true'],
          ...periodParam(state),
        })
      : [],
  ]);
  const adjusted = adjustedVerdict(family, shown);
  const choice =
    'dataset' in source ? countsTable(source.dataset[0] ?? '', counts, shown, state) : '';
  // A caller who sees the area as totals only gets the counts after disclosure control, and
  // nothing worked from the months themselves (expected range, forecast).
  if (shown.disclosure) return totalsOnlyBody(shown, adjusted, choice);
  if ('error' in exceptionsOrRefusal) throw exceptionsOrRefusal.error;
  const exceptions = exceptionsOrRefusal;
  const trend = shown as TrendDocument;
  const evidence = trendEvidence(exceptions, trend.period, trend.comparisonPeriod);
  // The forecast continues the chart only when the chart ends at the latest month held.
  const last = evidence?.months[evidence.months.length - 1]?.month;
  const continues = forecast?.ok === true && forecast.run.to === last;
  const chart = trendFigure(
    { label: trend.label, trend: evidence },
    0,
    'partner',
    continues ? forecastBand(forecast.forecast) : undefined,
  );
  const missing = trend.months.filter((m) => m.count === null).map((m) => m.month);
  return html` <p class="lead">${readingAdjusted(trend, adjusted)}</p>
    ${breakNotice([trend])} ${partialNotice(trend)} ${choice}
    ${missing.length > 0 ? notice('note', `Months not held (unknown, not zero): ${missing.join(', ')}.`) : ''}
    <dl class="facts">
      <div>
        <dt>Recorded, ${trend.period.from} to ${trend.period.to}</dt>
        <dd>${count(trend.current)}</dd>
      </div>
      ${comparedTile(trend, count)}
      <div>
        <dt>${trend.comparison ? `Same months of ${trend.comparison.base}` : 'Earlier year'}</dt>
        <dd>${count(trend.previous)}</dd>
      </div>
      <div>
        <dt>Change</dt>
        <dd>
          ${pct(trend.changePct)}${
            trend.rateRatio !== null && trend.ci95
              ? html` <span class="small"
                  >(rate ratio ${trend.rateRatio.toFixed(2)}, 95% interval
                  ${trend.ci95[0].toFixed(2)} to ${trend.ci95[1]?.toFixed(2) ?? '∞'})</span
                >`
              : ''
          }
        </dd>
      </div>
      <div>
        <dt>Is it chance?</dt>
        <dd>
          ${significance(adjusted?.pValue ?? trend.pValue)}${
            adjusted && trend.pValue !== null
              ? html` <span class="small"
                  >(${adjusted.words}; ${pValueText(trend.pValue)} on its own)</span
                >`
              : ''
          }
        </dd>
      </div>
      <div>
        <dt>Per 1,000 residents${overHeld(trend)}</dt>
        <dd>${trend.ratePer1000 === null ? 'no population held' : trend.ratePer1000.toFixed(2)}</dd>
      </div>
    </dl>
    ${chart ? figure(chart) : notice('empty', 'No month of this category is held for the area, so there is nothing to draw.')}
    ${forecastSection(forecast, trend.period)}
    <p>
      <a href="${viewHref('/compare', state)}">Compare with the other districts</a> ·
      <a href="${viewHref('/map', state)}">Where it was recorded</a>
    </p>
    <section aria-labelledby="notes">
      <h2 id="notes">What these numbers cannot tell</h2>
      <ul>
        ${trend.notes.map((n) => html`<li>${n}</li>`)}
      </ul>
    </section>`;
}

/**
 * A partner dataset's counts (or categories) side by side, each after the same disclosure control
 * as its own trend, each a link to its trend; the one shown is marked. Nothing for a dataset of
 * one count. (QA: Trends of domestic abuse showed its incidents only, with no way to its crimes,
 * repeat victims or referrals.)
 */
function countsTable(
  dataset: string,
  counts: readonly DisclosedTrendDocument[],
  shown: DisclosedTrendDocument,
  state: ViewState,
): Safe | '' {
  if (counts.length < 2) return '';
  const definition = findDataset(dataset);
  const what = definition?.detail === 'aggregate' ? 'count' : 'category';
  const name = definition?.label ?? dataset;
  const label = (d: DisclosedTrendDocument) => {
    const own = d.label.slice(d.label.lastIndexOf(': ') + 2);
    return own.charAt(0).toUpperCase() + own.slice(1);
  };
  const first = counts[0] as DisclosedTrendDocument;
  return html`<div class="table-wrap">
    <table class="data">
      <caption>
        Each ${what} of ${name}, ${first.period.from} to ${first.period.to}: choose one to see its
        trend
      </caption>
      <thead>
        <tr>
          <th scope="col">${what === 'count' ? 'Count' : 'Category'}</th>
          <th scope="col" class="num">Recorded</th>
          <th scope="col" class="num">Earlier year</th>
          <th scope="col" class="num">Change</th>
        </tr>
      </thead>
      <tbody>
        ${counts.map((d) => {
          const here = d.category === shown.category;
          const href = viewHref('/trends', {
            ...state,
            category: datasetCategory(dataset, d.category),
          });
          return html`<tr${here ? html` class="mark"` : ''}>
            <th scope="row">
              ${
                here
                  ? html`<a href="${href}" aria-current="page">${label(d)}</a> (shown below)`
                  : html`<a href="${href}">${label(d)}</a>`
              }
            </th>
            <td class="num">${shownCount(d, d.current, d.disclosure?.current)}</td>
            <td class="num">${shownCount(d, d.previous, d.disclosure?.previous)}</td>
            <td class="num">${pct(d.changePct)}</td>
          </tr>`;
        })}
      </tbody>
    </table>
  </div>`;
}

/**
 * The verdict the overview gives this change: its p-value adjusted (Holm) for testing every
 * category of the area together. Null for a measure not tested with the others (all crime, a
 * partner dataset), whose own p-value is the verdict everywhere.
 */
function adjustedVerdict(
  family: readonly DisclosedTrendDocument[],
  trend: DisclosedTrendDocument,
): AdjustedVerdict | null {
  const p = family.find((d) => d.category === trend.category)?.pValueAdjusted;
  if (p === null || p === undefined) return null;
  const n = family.filter(
    (d) => d.pValueAdjusted !== null && d.pValueAdjusted !== undefined,
  ).length;
  return {
    pValue: p,
    words: `adjusted for testing ${n} categories together, as the overview does`,
  };
}

/**
 * When the change is worked from only some of the months held (the others have no counterpart
 * held in the earlier year): which months, so that the period's total is not read against the
 * earlier one. Null when every month held is compared.
 */
export function comparedMonths(
  trend: Pick<DisclosedTrendDocument, 'comparison' | 'coverage'>,
): string | null {
  const c = trend.comparison;
  if (!c || c.currentMonths.length >= trend.coverage.held) return null;
  const n = c.currentMonths.length;
  const back = c.yearsBack === 1 ? 'a year' : `${c.yearsBack} years`;
  return `the ${n === 1 ? 'month' : `${n} months`} whose same month ${back} earlier is held (${monthRunsText(c.currentMonths)})`;
}

/** The count the change is worked from, beside the period's total, when the two differ. */
function comparedTile(trend: DisclosedTrendDocument, show: (n: number | null) => string): Safe {
  const which = comparedMonths(trend);
  if (!which || !trend.comparison) return html``;
  return html`<div>
    <dt>Compared: ${which}</dt>
    <dd>${show(trend.comparison.current)}</dd>
  </div>`;
}

/** ", over the 8 months held" when the period is partly held: what a rate is over. */
function overHeld(trend: Pick<DisclosedTrendDocument, 'coverage'>): string {
  const n = trend.coverage.held;
  return trend.coverage.partial ? `, over the ${n === 1 ? 'month' : `${n} months`} held` : '';
}

/** Said to every reader, whatever their access: the period is only partly held. */
function partialNotice(trend: DisclosedTrendDocument): Safe | '' {
  if (!trend.coverage.partial) return '';
  const compares = trend.comparison ? ' The change compares the months held on both sides.' : '';
  return notice('note', `Partial period: ${trend.coverage.words}.${compares}`);
}

/**
 * A partner dataset of survey results (community concern) chosen in the category list: it holds
 * shares of residents, not counts by month, so it has no trend or comparison; said in words, with
 * where it is used. Null for anything else.
 */
export function surveyNotice(state: ViewState, what: string): Safe | null {
  const source = sourceOf(state);
  const dataset = 'dataset' in source ? findDataset(source.dataset[0] ?? '') : undefined;
  if (dataset?.detail !== 'survey') return null;
  return html`${notice(
      'empty',
      `${dataset.label} holds survey results (how concerned residents say they are about each issue), not counts by month, so it has no ${what}. The priorities use it for each issue's community concern, unless the partnership gives its own score.`,
    )}
    <p><a href="${viewHref('/priorities', state)}">See it in the priorities</a></p>`;
}

/** A count after disclosure control: the number, "fewer than 5" or "not shown". */
export function shownCount(
  trend: DisclosedTrendDocument,
  n: number | null,
  held: 'fewer than' | 'not shown' | null | undefined,
): string {
  const threshold = trend.disclosure?.threshold ?? 5;
  return held === 'fewer than' ? `fewer than ${threshold}` : held ? 'not shown' : count(n);
}

/** What a totals-only caller is told on every view that shows them totals. */
export function totalsOnlyNotice(trend: DisclosedTrendDocument): Safe {
  const threshold = trend.disclosure?.threshold ?? 5;
  if (trend.disclosure?.reason === 'restricted dataset')
    return notice(
      'note',
      `${trend.label.split(':')[0]} is a restricted dataset: counts from 1 to ${threshold - 1} are shown as “fewer than ${threshold}” to everyone, and counts that would give them away as “not shown”; no expected range is drawn from its months.`,
    );
  return notice(
    'note',
    `Your access shows ${trend.area.name} as totals only: counts from 1 to ${threshold - 1} are shown as “fewer than ${threshold}”, and counts that would give them away as “not shown”. Records, maps, breakdowns, expected ranges and priorities need a detail grant from your Lantern administrator.`,
  );
}

/** The trend of an area seen as totals only: the months after disclosure control, no chart. */
function totalsOnlyBody(
  trend: DisclosedTrendDocument,
  adjusted: AdjustedVerdict | null,
  choice: Safe | '',
): Safe {
  const shown = (n: number | null, held: 'fewer than' | 'not shown' | null | undefined) =>
    shownCount(trend, n, held);
  return html` <p class="lead">${readingAdjusted(trend, adjusted)}</p>
    ${totalsOnlyNotice(trend)} ${breakNotice([trend])} ${partialNotice(trend)} ${choice}
    <dl class="facts">
      <div>
        <dt>Recorded, ${trend.period.from} to ${trend.period.to}</dt>
        <dd>${shown(trend.current, trend.disclosure?.current)}</dd>
      </div>
      ${comparedTile(trend, (n) => shown(n, n === null ? 'not shown' : null))}
      <div>
        <dt>${trend.comparison ? `Same months of ${trend.comparison.base}` : 'Earlier year'}</dt>
        <dd>${shown(trend.previous, trend.disclosure?.previous)}</dd>
      </div>
      <div>
        <dt>Change</dt>
        <dd>${pct(trend.changePct)}</dd>
      </div>
    </dl>
    <div class="table-wrap">
      <table class="data">
        <caption>
          ${trend.label} by month, ${trend.area.name}
        </caption>
        <thead>
          <tr>
            <th scope="col">Month</th>
            <th scope="col" class="num">Recorded</th>
          </tr>
        </thead>
        <tbody>
          ${trend.months.map(
            (m) =>
              html`<tr>
                <th scope="row">${m.month}</th>
                <td class="num">
                  ${m.withheld || m.count !== null ? shown(m.count, m.withheld) : 'not held'}
                </td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>
    <section aria-labelledby="notes">
      <h2 id="notes">What these numbers cannot tell</h2>
      <ul>
        ${trend.notes.map((n) => html`<li>${n}</li>`)}
      </ul>
    </section>`;
}

function forecastSection(
  f: (ForecastResult & { notes: string[] }) | null,
  period: DisclosedTrendDocument['period'],
): Safe {
  if (!f) return html``;
  if (!f.ok)
    return html`<section aria-labelledby="fc">
      <h2 id="fc">Forecast</h2>
      <p>${f.reason}</p>
    </section>`;
  // The forecast goes on from the latest month held: beside a view of earlier months, its months
  // (2026 on a 2019-2021 view) would read as following the view's.
  if (f.run.to > period.to)
    return html`<section aria-labelledby="fc">
      <h2 id="fc">Forecast</h2>
      <p>
        The forecast is of the months after the latest month held (${f.run.to}), not after this
        view's period: choose a period ending ${f.run.to} to see it.
      </p>
    </section>`;
  return html`<section aria-labelledby="fc">
    <h2 id="fc">Forecast</h2>
    <div class="table-wrap">
      <table class="data">
        <caption>
          The next months, with 80% and 95% prediction intervals
        </caption>
        <thead>
          <tr>
            <th scope="col">Month</th>
            <th scope="col" class="num">Expected</th>
            <th scope="col">80% range</th>
            <th scope="col">95% range</th>
          </tr>
        </thead>
        <tbody>
          ${f.forecast.map(
            (m) =>
              html`<tr>
                <th scope="row">${m.month}</th>
                <td class="num">${count(m.expected)}</td>
                <td>${count(m.pi80[0])} to ${count(m.pi80[1])}</td>
                <td>${count(m.pi95[0])} to ${count(m.pi95[1])}</td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>
    <ul class="small">
      ${f.notes.map((n) => html`<li>${n}</li>`)}
    </ul>
  </section>`;
}

/** The report's caveat where a change shown spans a known discontinuity (lockdown, a counting rule). */
export function breakNotice(
  trends: readonly Pick<DisclosedTrendDocument, 'comparison'>[],
): Safe | '' {
  const said = discontinuityCaveat(trends.flatMap((t) => t.comparison?.discontinuities ?? []));
  return said ? notice('note', said) : '';
}
