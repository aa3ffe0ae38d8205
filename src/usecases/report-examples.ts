/**
 * The configuration values a report would publish that are still at their bundled example (a
 * placeholder contact, the illustrative Police and Crime Plan, the example inputs file). A report
 * refuses them, naming the file, the line and what to put there, unless it is made as a draft,
 * which prints each as "not yet confirmed by the partnership". Checked before anything is
 * assessed, saved or written.
 */
import { exampleLines, type ExampleValue } from '../config/example-values.js';
import { loadAssessmentInputs } from '../config/assessment-inputs.js';
import { loadPoliceCrimePlan } from '../config/police-crime-plan.js';
import { loadReportSettings } from '../config/report-settings.js';
import { loadRiskMatrix } from '../config/risk-matrix.js';
import { InputError } from '../errors.js';
import type { ReportRequest } from './report-data.js';

export async function reportExampleValues(request: ReportRequest): Promise<ExampleValue[]> {
  const settings = await loadReportSettings(request.settings);
  const plan = await loadPoliceCrimePlan(request.plan);
  const inputs = request.inputs
    ? await loadAssessmentInputs(
        request.inputs,
        (await loadRiskMatrix(request.config)).config.scale,
      )
    : null;
  return [...settings.examples, ...plan.examples, ...(inputs?.examples ?? [])];
}

/** Refuses a report that would publish an example value, unless it is a draft. */
export async function refuseExampleValues(request: ReportRequest & { draft?: boolean }) {
  const examples = await reportExampleValues(request);
  if (examples.length === 0 || request.draft === true) return examples;
  throw new InputError(
    [
      `report: refused: ${examples.length === 1 ? 'a value is' : `${examples.length} values are`} still the bundled example, not the partnership's:`,
      ...exampleLines(examples).map((l) => `  ${l}`),
      'Give the partnership\'s own (--settings FILE, --plan FILE, --inputs FILE), or make a draft with --draft: each such value is then printed as "not yet confirmed by the partnership", and every page says the report is a draft.',
    ].join('\n'),
  );
}
