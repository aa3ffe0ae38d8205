/**
 * The priorities of an area and period: the risk matrix (the report's own figure), each issue's
 * band, reasons and how sure it is, the tactical options of the High ones, and what moved since a
 * saved assessment. Assessed on the fly and never saved from here (a saved assessment is made
 * with `lantern assess`, which records who scored what).
 */
import type { Assessment, SavedAssessmentSummary } from '../../domain/assessment.js';
import { periodInWords } from '../../report/infographic-text.js';
import { riskMatrixFigure } from '../../report/report-tables.js';
import type { ServerContext } from '../context.js';
import { run } from './choices.js';
import { figure } from './figure.js';
import { html, safe, type Safe } from './html.js';
import { notice } from './layout.js';
import { withoutInputsNote } from './scoring-note.js';
import { forceAreaWord } from '../../domain/forces.js';
import { viewHref, type ViewState } from './state.js';

export async function prioritiesBody(
  ctx: ServerContext,
  state: ViewState,
  compareWith: string | undefined,
): Promise<Safe> {
  const saved = await run<SavedAssessmentSummary[]>(ctx, 'assess list', {});
  const a = await run<Assessment>(ctx, 'assess', {
    area: [state.area],
    period: [state.period ?? 'last-12-months'],
    allowPartial: ['true'],
    ...(compareWith ? { compareWith: [compareWith] } : {}),
  });
  const chart = riskMatrixFigure({ assessment: a, area: a.area });
  return html` <p class="lead">
      ${a.area.name}, ${a.period.from} to ${a.period.to}: ${a.issues.length} issues scored by harm ×
      likelihood on a ${a.matrix.scale}-point scale (High from ${a.matrix.bands.high}, Medium from
      ${a.matrix.bands.medium}).
    </p>
    ${
      a.forceLeftOut
        ? notice(
            'note',
            `Your access does not show ${a.forceLeftOut.name} in detail, so each issue's likelihood here is its volume in ${a.area.name} alone, not compared with ${a.forceLeftOut.name}'s rate, and the ${forceAreaWord(a.forceLeftOut.code)}'s priorities are not shown. An assessment by someone who sees ${a.forceLeftOut.name} in detail may band some issues differently.`,
          )
        : ''
    }
    ${withoutInputsNote(a, saved, state)}
    ${a.defaultMatrix ? notice('note', "These bands are Lantern's defaults, not yet the partnership's own.") : ''}
    ${a.inputs?.example ? notice('note', 'The manual scores (vulnerability, community impact, position) are an illustration, not yet confirmed by the partnership.') : ''}
    ${a.coverage?.partial ? notice('note', `Partial period: ${a.coverage.words ?? ''}.`) : ''}
    ${figure(chart)}
    <section aria-labelledby="issues">
      <h2 id="issues">Each issue, and why</h2>
      ${a.issues.map(
        (i) =>
          html`<article class="issue band-${i.band.toLowerCase()}">
            <h3>${i.rank}. ${i.label} <span class="band">${i.band}</span></h3>
            <p>${i.rationale}</p>
            <p class="small">
              Risk ${i.risk} = harm ${i.harm} × likelihood ${i.likelihood}. Confidence:
              ${i.evidence.confidence}.${
                i.sensitivity.length > 0
                  ? html` If one score moved by one point it could be ${i.sensitivity.join(' or ')}.`
                  : ''
              }${i.synthetic ? html` <strong>Synthetic demonstration data.</strong>` : ''}
            </p>
            ${
              i.options.length > 0
                ? html`<details>
                    <summary>Tactical options (${i.options.length})</summary>
                    <ul>
                      ${i.options.map(
                        (o) =>
                          html`<li>
                            <strong>${o.option}</strong> (${o.four_p},
                            ${o.triangle})${o.where ? html`: ${o.where}` : ''}.
                            <span class="small">${o.evidence}</span>
                          </li>`,
                      )}
                    </ul>
                    ${
                      // The library's words hold anywhere; the area's own figure is said as its own.
                      i.hotspot &&
                      i.options.some((o) => o.analysis === 'hotspots' || o.analysis === 'cameras')
                        ? html`<p>
                            In ${a.area.name}, ${periodInWords(a.period)}, the busiest hotspot:
                            ${i.hotspot.location}, with ${i.hotspot.count.toLocaleString('en-GB')}
                            of the ${i.evidence.recorded.toLocaleString('en-GB')} recorded in its
                            cell.
                          </p>`
                        : ''
                    }
                    ${i.options.some((o) => o.analysis === 'hotspots') ? html`<p><a href="${viewHref('/map', { ...state, category: i.key })}">Where: the map</a></p>` : ''}
                  </details>`
                : ''
            }
          </article>`,
      )}
    </section>
    ${
      a.notAssessed && a.notAssessed.length > 0
        ? html`<section aria-labelledby="na">
            <h2 id="na">Not assessed</h2>
            <ul>
              ${a.notAssessed.map((n) => html`<li>${n.label}: ${n.reason}</li>`)}
            </ul>
          </section>`
        : ''
    }
    <section aria-labelledby="saved">
      <h2 id="saved">Saved assessments</h2>
      ${
        saved.length === 0
          ? html`<p>
              None saved yet:
              <code
                >lantern assess --area "${a.area.name}" --period
                ${a.period.from}..${a.period.to}</code
              >
              saves one, with who scored what.
            </p>`
          : html`<form method="get" action="/priorities">
              <input type="hidden" name="area" value="${state.area}" /><input
                type="hidden"
                name="period"
                value="${state.period ?? ''}"
              /><input type="hidden" name="category" value="${state.category}" />
              <label
                >Compare with
                <select name="compareWith">
                  ${saved.map(
                    (s) =>
                      html`<option value="${s.id}" ${safe(s.id === compareWith ? ' selected' : '')}>
                        ${s.areaName}, ${s.periodFrom}..${s.periodTo} (saved
                        ${s.savedAt.slice(0, 10)})
                      </option>`,
                  )}
                </select></label
              >
              <button type="submit">Compare</button>
            </form>`
      }
      ${
        a.comparison
          ? html`<div class="table-wrap">
                <table class="data">
                  <caption>
                    What moved since ${a.comparison.with.areaName},
                    ${a.comparison.with.periodFrom}..${a.comparison.with.periodTo}
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">Issue</th>
                      <th scope="col">Then</th>
                      <th scope="col">Now</th>
                      <th scope="col">Moved</th>
                    </tr>
                  </thead>
                  <tbody>
                    ${a.comparison.moves.map(
                      (m) =>
                        html`<tr>
                          <th scope="row">${m.label}</th>
                          <td>${m.band.then ?? '–'} (rank ${m.rank.then ?? '–'})</td>
                          <td>${m.band.now ?? '–'} (rank ${m.rank.now ?? '–'})</td>
                          <td>${m.summary}</td>
                        </tr>`,
                    )}
                  </tbody>
                </table>
              </div>
              <ul class="small">
                ${a.comparison.notes.map((n) => html`<li>${n}</li>`)}
              </ul>`
          : ''
      }
    </section>`;
}
