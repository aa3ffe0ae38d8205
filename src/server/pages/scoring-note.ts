/**
 * What the dashboard's Priorities and Overview say when they score an area without the
 * partnership's inputs file (the manual scores): the strategic assessment, made with them, may band
 * issues differently. Where one is saved for the same area and period it is named, with a link
 * that compares with it, and, once compared, how many issues it bands otherwise.
 */
import type { Assessment, SavedAssessmentSummary } from '../../domain/assessment.js';
import { html, type Safe } from './html.js';
import { viewHref, type ViewState } from './state.js';

export const WITHOUT_INPUTS =
  "Scored without the partnership's manual scores (vulnerability, community impact, position): the strategic assessment, made with them, may band issues differently.";

/** The saved assessment of the same area and period made with an inputs file, the latest. */
export function savedWithInputs(
  a: Pick<Assessment, 'area' | 'period'>,
  saved: readonly SavedAssessmentSummary[],
): SavedAssessmentSummary | null {
  const same = saved.filter(
    (s) =>
      s.areaCode === a.area.code &&
      s.periodFrom === a.period.from &&
      s.periodTo === a.period.to &&
      s.inputsFile !== null,
  );
  return same.sort((x, y) => y.savedAt.localeCompare(x.savedAt))[0] ?? null;
}

/** The note, or '' when the assessment shown was made with an inputs file. */
export function withoutInputsNote(
  a: Pick<Assessment, 'area' | 'period' | 'inputsFile' | 'comparison'>,
  saved: readonly SavedAssessmentSummary[],
  state: ViewState,
): Safe | '' {
  if (a.inputsFile !== null) return '';
  const other = savedWithInputs(a, saved);
  if (!other) return html`<div class="notice note"><p>${WITHOUT_INPUTS}</p></div>`;
  const name = `the assessment saved ${other.savedAt.slice(0, 10)} (${other.id}, with ${other.inputsFile ?? ''})`;
  const differ =
    a.comparison?.with.id === other.id
      ? a.comparison.moves.filter((m) => m.band.then !== m.band.now).length
      : null;
  return html`<div class="notice note">
    <p>
      Scored without the partnership's manual scores (vulnerability, community impact, position).
      ${
        differ === null
          ? html`The strategic assessment of the same area and period, ${name}, was made with them
              and may band issues differently:
              <a href="${viewHref('/priorities', state, { compareWith: other.id })}"
                >compare with it</a
              >.`
          : differ === 0
            ? html`The strategic assessment of the same area and period, ${name}, made with them,
              bands every issue the same.`
            : html`The strategic assessment of the same area and period, ${name}, made with them,
              bands ${differ} issue${differ === 1 ? '' : 's'} differently (below).`
      }
    </p>
  </div>`;
}
