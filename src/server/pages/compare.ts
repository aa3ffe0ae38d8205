/**
 * The districts of the area's force compared for a category: a funnel plot of rate against
 * population with 95% and 99.8% limits, each district's flag, and the peer groups held.
 */
import type { DisclosedComparison } from '../../usecases/compare-areas.js';
import { comparisonEvidence } from '../../report/comparison-evidence.js';
import { funnelFigure } from '../../report/report-tables.js';
import { periodCoverage } from '../../domain/held-months.js';
import type { ServerContext } from '../context.js';
import { areaNamed, forceOf, run, type Choices } from './choices.js';
import { figure } from './figure.js';
import { count, html, type Safe } from './html.js';
import { notice } from './layout.js';
import { sourceOf, viewHref, type ViewState } from './state.js';
import { surveyNotice } from './trends.js';

/** Flags use the 95% limits (analysis/funnel.ts funnelFlag); the notes say what they allow for. */
const FLAG_WORDS: Record<string, string> = {
  above: 'above the 95% limits',
  below: 'below the 95% limits',
  within: 'within the 95% limits',
};

export async function compareBody(
  ctx: ServerContext,
  state: ViewState,
  choices: Choices,
): Promise<Safe> {
  const survey = surveyNotice(state, 'comparison between districts');
  if (survey) return survey;
  const force = forceOf(choices, state.area);
  const named = areaNamed(choices, state.area);
  if (!force && named)
    return notice(
      'empty',
      `Compare sets ${named.name} beside the other districts of its force, and your access shows none of them, not even as totals. An administrator can grant you the force in aggregate (totals only) for this view.`,
    );
  if (!force) return notice('empty', `${state.area} is not a district or force of the data held.`);
  const area = named ?? force;
  const c = await run<DisclosedComparison>(ctx, 'compare', {
    within: [force.code],
    ...sourceOf(state),
    period: [state.period ?? 'last-12-months'],
  });
  const evidence = comparisonEvidence(c, area.code);
  const chart = funnelFigure({ label: c.label, comparison: evidence }, 0, 'partner');
  const groups = await run<{
    groups: { name: string; origin: string; areas: { name: string }[] }[];
  }>(ctx, 'areas groups', {});
  // Only the months held for every district are compared: said at the top, not only in the notes.
  const held = c.basis === 'months' ? periodCoverage(c.period, c.monthsCompared) : null;
  const over = held?.partial
    ? ` over the ${held.held === 1 ? 'month' : `${held.held} months`} held`
    : '';
  return html` <p class="lead">
      ${c.label} in the ${c.group}, ${c.period.from} to ${c.period.to}: rate per 1,000
      residents${over} against
      population.${area.code !== force.code ? html` ${area.name} is marked.` : ''}
    </p>
    ${held?.partial ? notice('note', `Partial period: ${held.words}, for every district. Counts and rates cover these months only.`) : ''}
    ${chart ? figure(chart) : notice('empty', 'Too few districts with a population held to compare.')}
    <div class="table-wrap">
      <table class="data">
        <caption>
          Each district against the limits
        </caption>
        <thead>
          <tr>
            <th scope="col">District</th>
            <th scope="col" class="num">Recorded</th>
            <th scope="col" class="num">Per 1,000${over}</th>
            <th scope="col">Against the others</th>
          </tr>
        </thead>
        <tbody>
          ${c.areas.map(
            (a) =>
              html`<tr${a.code === area.code ? html` class="mark"` : ''}><th scope="row"><a href="${viewHref('/trends', { ...state, area: a.name })}">${a.name}</a></th><td class="num">${count(a.count)}</td><td class="num">${a.rate === null ? '–' : a.rate.toFixed(2)}</td><td>${a.flag ? (FLAG_WORDS[a.flag] ?? a.flag) : 'no population held'}</td></tr>`,
          )}
        </tbody>
      </table>
    </div>
    ${
      c.withheld
        ? html`<p>
            Left out, seen as totals only under your access:
            ${c.withheld.map(
              (w, i) =>
                html`${i > 0 ? ', ' : ''}<a
                    href="${viewHref('/trends', { ...state, area: w.name })}"
                    >${w.name}</a
                  >
                  (${w.withheld === 'fewer than' ? `fewer than ${c.disclosure?.threshold ?? 5}` : 'not shown'})`,
            )}.
            Their counts are small, or would give a small one back, so they are not compared and the
            others' limits are worked without them.
          </p>`
        : ''
    }
    <ul class="small">
      ${c.notes.map((n) => html`<li>${n}</li>`)}
    </ul>
    <section aria-labelledby="peers">
      <h2 id="peers">Peer groups</h2>
      ${
        groups.groups.length === 0
          ? html`<p>No peer groups are set up.</p>`
          : html`<ul>
              ${groups.groups.map(
                (g) =>
                  html`<li>
                    <strong>${g.name}</strong> (${g.origin}):
                    ${g.areas.map((a) => a.name).join(', ')}
                  </li>`,
              )}
            </ul>`
      }
    </section>`;
}
