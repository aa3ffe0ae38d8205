/**
 * `lantern report`: the strategic assessment (HTML, PDF with Chromium) and its infographic (SVG,
 * PNG), with a CSV behind every chart and table; the assessment behind it is saved as `assess`
 * saves it. Settings still at their bundled example are refused unless --draft
 * (usecases/report-examples.ts). A folder that already holds files is written into only with
 * --replace.
 */
import type { BuiltReport } from '../usecases/build-report.js';
import { assessmentSettingOptions, loadAssessmentSettings } from './assessment-settings.js';
import { defineCommand } from './definition.js';
import { option, settingOptions } from './options.js';
import { periodOf } from './period.js';

export const reportCommand = defineCommand({
  name: 'report',
  task: 'Priorities and reports',
  summary:
    'The strategic assessment of a district or a force (HTML, PDF) and its infographic (A4 and 1080 × 1350), with a CSV behind every chart and table',
  description:
    'The partner version shows every dataset the partnership may see, a restricted one (prevent, domestic-abuse) with its counts from 1 to 4 as "fewer than 5"; the public version shows counts from 1 to 4 as "fewer than 5", leaves out partner-only datasets, and publishes nothing from which a suppressed count can be worked out. The partnership\'s own details come from its settings: a value still at its bundled example (the local contact of config/report.yaml, the illustrative plan of config/police-crime-plan.yaml, an example inputs file) is refused, naming the file, the line and what to put there, unless ⟨draft⟩, which prints each as "not yet confirmed by the partnership" and marks every page a draft. The document speaks to its reader (no commands or file names); the commands behind each figure are in data/how-to-reproduce.txt. The PDF needs Chromium (apt-get install chromium, or LANTERN_CHROMIUM); without it the rest is written and the command says so.',
  examples: [
    'lantern report --area "Three Rivers" --period 2025 --inputs config/examples/three-rivers-2025-26.yaml --draft --out reports/three-rivers-2025',
    'lantern report --area "Three Rivers" --period 2025 --audience public --report-settings my-report.yaml --police-crime-plan my-plan.yaml --out reports/public --replace',
  ],
  options: {
    area: option.area(),
    period: option.requiredPeriod(),
    out: option.requiredText(
      'the folder to write the report into; one that holds files is refused unless ⟨replace⟩',
      'DIR',
    ),
    audience: option.choice('who the report is for', ['partner', 'public'] as const, 'partner'),
    ...assessmentSettingOptions,
    ...settingOptions('reportSettings', 'disclosure'),
    draft: option.flag(
      'allow settings still at their bundled example (contacts, plan, inputs), each marked "not yet confirmed by the partnership" on every page',
    ),
    noPdf: option.flag('write no PDF'),
    noSave: option.flag('do not save the assessment behind the report'),
    replace: option.flag("replace the report already in ⟨out⟩ (only the report's own files)"),
    allowPartial: option.flag(
      'report a period with fewer than three quarters of its months held (every page marked)',
    ),
  },
  store: 'existing',
  async run(deps, input) {
    const { buildReport } = await import('../usecases/build-report.js');
    const { ownSettings } = await import('../config/settings.js');
    const { settings, inputs } = await loadAssessmentSettings(input, [
      'reportSettings',
      'disclosure',
    ]);
    const { loadPoliceOutcomes } = await import('../config/police-outcomes.js');
    const { planDay } = await import('../domain/plan/plan-day.js');
    return buildReport(deps.db, deps.scope, {
      area: input.area,
      period: await periodOf(deps, input.period, { area: input.area }),
      out: input.out,
      audience: input.audience ?? 'partner',
      settings,
      inputs,
      outcomeCategories: await loadPoliceOutcomes(),
      draft: input.draft,
      pdf: !input.noPdf,
      save: !input.noSave,
      replace: input.replace,
      allowPartial: input.allowPartial,
      ownSettings: ownSettings(input, [
        'harmWeights',
        'reportingRates',
        'discontinuities',
        'tacticalOptions',
      ]),
      env: deps.env as NodeJS.ProcessEnv,
      today: planDay(deps.clock()),
    });
  },
  text: (built: BuiltReport) =>
    [
      `Wrote ${built.out} (${built.audience} version${built.assessmentId ? `, assessment ${built.assessmentId}` : ''}):`,
      ...built.files.filter((f) => !f.startsWith('data/')).map((f) => `  ${f}`),
      `  data/ (${built.files.filter((f) => f.startsWith('data/') && f.endsWith('.csv')).length} CSV files: one per chart and table, listed in data/index.csv; the commands behind them in data/how-to-reproduce.txt)`,
      built.pdf.written ? '' : `No PDF: ${built.pdf.reason}.`,
      built.priorities.length > 0 ? `High priorities: ${built.priorities.join('; ')}.` : '',
      ...built.notes,
    ]
      .filter((l) => l !== '')
      .join('\n'),
});
