/**
 * The overview of an area: each category's total with its change against the earlier year and
 * whether that change is likely to be chance, a sparkline of its months, the months outside
 * their expected range, and the top priorities of an assessment of the same period.
 */
import { sparkline } from '../../charts/index.js';
import {
  basisPhrase,
  type DisclosedTrendDocument,
  type TrendDocument,
} from '../../analysis/trend-table.js';
import type { Assessment, SavedAssessmentSummary } from '../../domain/assessment.js';
import type { ServerContext } from '../context.js';
import { run } from './choices.js';
import { count, html, pct, safe, significance, type Safe } from './html.js';
import { periodParam, viewHref, type ViewState } from './state.js';
import { withoutInputsNote } from './scoring-note.js';
import { breakNotice, comparedMonths, shownCount, totalsOnlyNotice } from './trends.js';

interface OverviewExceptions {
  exceptionsInPeriod: { area: string; category: string; month: string }[];
  /** Category and district pairs whose months could not be tested, and why. */
  exceptionsNotTested: { area: string; category: string; reason: string }[];
  categories: { key: string; label: string }[];
  districts: { code: string; name: string }[];
}

/** Which categories' months were not tested against their expected range, and why (never "none found"). */
function untestedNote(e: OverviewExceptions): Safe | '' {
  if (e.exceptionsNotTested.length === 0) return '';
  // "Only 4 months are held: …." read after "Not tested: ", without its own full stop.
  const asClause = (r: string) => r.charAt(0).toLowerCase() + r.slice(1).replace(/\.$/u, '');
  const reasons = [...new Set(e.exceptionsNotTested.map((x) => asClause(x.reason)))];
  const all = e.exceptionsNotTested.length === e.categories.length * e.districts.length;
  const labelOf = new Map(e.categories.map((k) => [k.key, k.label]));
  const which = [
    ...new Set(e.exceptionsNotTested.map((x) => labelOf.get(x.category) ?? x.category)),
  ];
  return html`<p class="notice note">
    ${all ? 'Not tested: ' : `Not tested for ${which.join(', ')}: `}${reasons.join('; ')}.
  </p>`;
}

export async function overviewBody(ctx: ServerContext, state: ViewState): Promise<Safe> {
  const shown = await run<DisclosedTrendDocument[]>(ctx, 'trends', {
    area: [state.area],
    all: ['true'],
    ...periodParam(state),
  });
  if (!shown[0]) return html`<p>No categories to show.</p>`;
  // A caller who sees the area as totals only: its totals after disclosure control, and nothing
  // worked from its months (expected ranges) or below it (priorities).
  if (shown[0].disclosure) return totalsOnlyOverview(shown, state);
  const trends = shown as TrendDocument[];
  const first = trends[0]!;
  const [exceptions, assessment, saved] = await Promise.all([
    run<{ overview: OverviewExceptions }>(ctx, 'overview', {
      within: [state.area],
      ...periodParam(state),
    }).then((d) => d.overview),
    run<Assessment>(ctx, 'assess', {
      area: [state.area],
      period: [state.period ?? `${first.period.from}..${first.period.to}`],
      allowPartial: ['true'],
    }).catch(() => null),
    run<SavedAssessmentSummary[]>(ctx, 'assess list', {}).catch(() => []),
  ]);
  const all = trends.find((t) => t.category === 'all-crime');
  const labelOf = new Map(exceptions.categories.map((k) => [k.key, k.label]));
  const districtOf = new Map(exceptions.districts.map((d) => [d.code, d.name]));
  return html`${lead(first)} ${breakNotice(trends)} ${partialNotice(first)}
    ${all ? headline(all) : ''}
    <section aria-labelledby="cats">
      <h2 id="cats">Categories</h2>
      <div class="table-wrap">
        <table class="data">
          <caption>
            Recorded crime by category. The change compares the same months of the earlier year;
            whether it could be chance uses an exact test for two counts, adjusted for testing every
            category (Holm).
          </caption>
          <thead>
            <tr>
              <th scope="col">Category</th>
              <th scope="col">Months</th>
              <th scope="col" class="num">Recorded</th>
              <th scope="col" class="num">Earlier</th>
              <th scope="col" class="num">Change</th>
              <th scope="col">Is the change chance?</th>
            </tr>
          </thead>
          <tbody>
            ${trends.map(
              (t) =>
                html`<tr>
                  <th scope="row">
                    <a href="${viewHref('/trends', { ...state, category: t.category })}"
                      >${t.label}</a
                    >
                  </th>
                  <td>
                    ${safe(sparkline({ label: `${t.label}, ${t.area.name}`, months: t.months }))}
                  </td>
                  <td class="num">${count(t.current)}</td>
                  <td class="num">${count(t.previous)}</td>
                  <td class="num">${pct(t.changePct)}</td>
                  <td>${significance(t.pValueAdjusted ?? t.pValue)}</td>
                </tr>`,
            )}
          </tbody>
        </table>
      </div>
      ${comparedNote(first)}
    </section>
    <section aria-labelledby="exc">
      <h2 id="exc">Months outside their expected range</h2>
      ${untestedNote(exceptions)}
      ${
        exceptions.exceptionsInPeriod.length === 0
          ? exceptions.exceptionsNotTested.length ===
            exceptions.categories.length * exceptions.districts.length
            ? ''
            : html`<p>
                No month of the
                period${exceptions.exceptionsNotTested.length > 0 ? ' that could be tested' : ''}
                was outside the range its own history expects (99.8%).
              </p>`
          : html`<ul>
              ${exceptions.exceptionsInPeriod.map(
                (e) =>
                  html`<li>
                    <a href="${viewHref('/trends', { ...state, category: e.category })}"
                      >${labelOf.get(e.category) ?? e.category}</a
                    >,
                    ${e.month}${exceptions.districts.length > 1 ? html` (${districtOf.get(e.area) ?? e.area})` : ''}
                  </li>`,
              )}
            </ul>`
      }
    </section>
    <section aria-labelledby="pri">
      <h2 id="pri">Top priorities</h2>
      ${
        assessment
          ? html`<ol>
                ${assessment.issues
                  .slice(0, 5)
                  .map(
                    (i) =>
                      html`<li>
                        <strong>${i.label}</strong>: ${i.band} (risk ${i.risk} = harm ${i.harm} ×
                        likelihood ${i.likelihood})
                      </li>`,
                  )}
              </ol>
              ${withoutInputsNote(assessment, saved, state)}
              <p>
                <a href="${viewHref('/priorities', state)}"
                  >The risk matrix, the reasons and the tactical options</a
                >
              </p>`
          : html`<p>
              No assessment can be made of this area and period;
              <a href="${viewHref('/priorities', state)}">the priorities page</a> says why.
            </p>`
      }
    </section>`;
}

function totalsOnlyOverview(trends: readonly DisclosedTrendDocument[], state: ViewState): Safe {
  const first = trends[0]!;
  const all = trends.find((t) => t.category === 'all-crime');
  return html`${lead(first)} ${totalsOnlyNotice(first)} ${breakNotice(trends)}
    ${partialNotice(first)} ${all ? totalsOnlyHeadline(all) : ''}
    <section aria-labelledby="cats">
      <h2 id="cats">Categories</h2>
      <div class="table-wrap">
        <table class="data">
          <caption>
            Recorded crime by category, small counts held back. The change compares the same months
            of the earlier year, where both totals are shown.
          </caption>
          <thead>
            <tr>
              <th scope="col">Category</th>
              <th scope="col" class="num">Recorded</th>
              <th scope="col" class="num">Earlier</th>
              <th scope="col" class="num">Change</th>
            </tr>
          </thead>
          <tbody>
            ${trends.map(
              (t) =>
                html`<tr>
                  <th scope="row">
                    <a href="${viewHref('/trends', { ...state, category: t.category })}"
                      >${t.label}</a
                    >
                  </th>
                  <td class="num">${shownCount(t, t.current, t.disclosure?.current)}</td>
                  <td class="num">${shownCount(t, t.previous, t.disclosure?.previous)}</td>
                  <td class="num">${pct(t.changePct)}</td>
                </tr>`,
            )}
          </tbody>
        </table>
      </div>
      ${comparedNote(first)}
    </section>`;
}

/** ", comparing 1,100 in the 11 months with the same month of 2021 held (…)", when not all months held are compared. */
function compared(t: DisclosedTrendDocument, shown = count(t.comparison?.current)): string {
  const which = comparedMonths(t);
  return which ? `, comparing ${shown} in ${which}` : '';
}

/** A line under the table when the change is worked from only some of the months it counts. */
function comparedNote(t: DisclosedTrendDocument): Safe | '' {
  const which = comparedMonths(t);
  return which
    ? html`<p class="notice note">
        Recorded counts every month held; the earlier count and the change compare only ${which}.
      </p>`
    : '';
}

/** "Three Rivers, 2025-01 to 2025-12, compared with 2021 (the latest earlier year held, 4 years before)." */
function lead(first: DisclosedTrendDocument): Safe {
  const c = first.comparison;
  return html`<p class="lead">
    ${first.area.name}, ${first.period.from} to
    ${first.period.to}${
      c
        ? html`, compared with ${c.label} (${basisPhrase(c)})`
        : ', with no earlier year held to compare with'
    }.
  </p>`;
}

/** Said to every reader, whatever their access: the period's totals cover only the months held. */
function partialNotice(first: DisclosedTrendDocument): Safe | '' {
  return first.coverage.partial
    ? html`<p class="notice note">
        Partial period: ${first.coverage.words}. Counts cover the months held only.
      </p>`
    : '';
}

/** All crime for a reader who sees the area as totals only: the counts after disclosure control. */
function totalsOnlyHeadline(t: DisclosedTrendDocument): Safe {
  const shown = (n: number | null, held: 'fewer than' | 'not shown' | null | undefined) =>
    shownCount(t, n, held);
  const comparedShown = shown(
    t.comparison?.current ?? null,
    t.comparison?.current === null ? 'not shown' : null,
  );
  return html`<section class="headline" aria-label="All crime">
    <p class="big">${shown(t.current, t.disclosure?.current)}</p>
    <p>
      crimes recorded;
      ${
        !t.comparison
          ? 'no earlier year to compare with'
          : t.changePct === null
            ? html`${shown(t.previous, t.disclosure?.previous)} the earlier
              year${compared(t, comparedShown)}; the change is not shown`
            : html`<strong>${pct(t.changePct)}</strong> on
                ${shown(t.previous, t.disclosure?.previous)} the earlier
                year${compared(t, comparedShown)}`
      }.
    </p>
  </section>`;
}

function headline(t: TrendDocument): Safe {
  return html`<section class="headline" aria-label="All crime">
    <p class="big">${count(t.current)}</p>
    <p>
      crimes
      recorded${t.ratePer1000 !== null ? html` (${t.ratePer1000.toFixed(1)} per 1,000 residents${t.coverage.partial ? ` over the ${t.coverage.held} month${t.coverage.held === 1 ? '' : 's'} held` : ''})` : ''};
      ${
        t.changePct === null
          ? 'no earlier year to compare with'
          : html`<strong>${pct(t.changePct)}</strong> on ${count(t.previous)} the earlier
              year${compared(t)}: a change ${significance(t.pValue)}`
      }.
    </p>
  </section>`;
}
