/**
 * The settings values a report would publish that are still at their bundled example (a
 * placeholder contact, the illustrative Police and Crime Plan, the example inputs file). A report
 * refuses them, naming the file, the line and what to put there, unless it is made as a draft,
 * which prints each as "not yet confirmed by the partnership". Checked before anything is
 * assessed, saved or written.
 */
import { exampleLines, type ExampleValue } from '../config/example-values.js';
import { InputError } from '../errors.js';
import type { ReportRequest } from './report-data.js';

export function reportExampleValues(request: ReportRequest): ExampleValue[] {
  return [
    ...request.settings.reportSettings.examples,
    ...request.settings.policeCrimePlan.examples,
    ...(request.inputs?.examples ?? []),
  ];
}

/** Refuses a report that would publish an example value, unless it is a draft. */
export function refuseExampleValues(request: ReportRequest & { draft?: boolean }) {
  const examples = reportExampleValues(request);
  if (examples.length === 0 || request.draft === true) return examples;
  throw new InputError(
    [
      `report: refused: ${examples.length === 1 ? 'a value is' : `${examples.length} values are`} still the bundled example, not the partnership's:`,
      ...exampleLines(examples).map((l) => `  ${l}`),
      'Give the partnership\'s own (⟨reportSettings⟩ FILE, ⟨policeCrimePlan⟩ FILE, ⟨inputs⟩ FILE), or make a draft with ⟨draft⟩: each such value is then printed as "not yet confirmed by the partnership", and every page says the report is a draft.',
    ].join('\n'),
  );
}
