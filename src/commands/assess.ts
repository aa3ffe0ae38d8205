/**
 * `lantern assess`: the risk matrix of a district (with its county or force area beside it) or a force, ranked
 * and explained; `lantern assess list`: the assessments saved so far.
 */
import {
  assessmentOutput,
  type AssessmentOutput,
  type RevisedSince,
  type SavedAssessmentSummary,
} from '../domain/assessment.js';
import { forceAreaWord } from '../domain/forces.js';
import { assessmentSettingOptions, loadAssessmentSettings } from './assessment-settings.js';
import { defineCommand } from './definition.js';
import { option, settingOptions } from './options.js';
import { periodOf } from './period.js';
import { formatTable } from './table.js';
import { assessTables } from './document-tables.js';

export const assessCommand = defineCommand({
  name: 'assess',
  task: 'Priorities and reports',
  summary:
    'The risk matrix of a district (with its county or force area beside it) or a force: every category and partner theme scored, ranked, banded and explained',
  description:
    'Harm, likelihood and trend from the data; vulnerability, community impact, concern and organisational position from an inputs file of manual scores, each with who, when and why. High priorities get tactical options and their busiest hotspot; the district is aligned with its county (or force area) and with the Police and Crime Plan. Each assessment is saved under an id; ⟨compareWith⟩ ID says what moved since. A period with fewer than three quarters of its months held is refused unless ⟨allowPartial⟩.',
  examples: [
    'lantern assess --area "Three Rivers" --period 2025 --inputs config/examples/three-rivers-2025-26.yaml',
    'lantern assess --area hertfordshire --period 2025-01..2025-12 --no-save',
  ],
  options: {
    area: option.area(),
    period: option.requiredPeriod(),
    ...assessmentSettingOptions,
    ...settingOptions('disclosure'),
    compareWith: option.text("a saved assessment's id: what moved since it", 'ID'),
    noSave: option.flag('do not save this assessment'),
    allowPartial: option.flag(
      'assess a period with fewer than three quarters of its months held (marked partial)',
    ),
  },
  store: 'existing',
  async run(deps, input) {
    const { assess } = await import('../usecases/assess.js');
    const { ownSettings } = await import('../config/settings.js');
    const { settings, inputs } = await loadAssessmentSettings(input, ['disclosure']);
    const a = await assess(deps.db, deps.scope, {
      area: input.area,
      period: await periodOf(deps, input.period, { area: input.area }),
      settings,
      inputs,
      compareWith: input.compareWith,
      save: !input.noSave,
      allowPartial: input.allowPartial,
      disclosure: settings.disclosure,
      ownSettings: ownSettings(input, [
        'harmWeights',
        'reportingRates',
        'discontinuities',
        'tacticalOptions',
      ]),
    });
    // A restricted dataset's count held back is printed and served as null, never the number.
    return assessmentOutput(a);
  },
  text: (a) => assessmentText(a),
  tables: (a) => assessTables(a),
});

export const assessListCommand = defineCommand({
  name: 'assess list',
  task: 'Priorities and reports',
  summary:
    'The saved assessments: id, area, period, inputs file, when, and the months of it imported again (revised) or removed since',
  examples: ['lantern assess list'],
  options: {},
  store: 'read',
  jsonSchema: {
    description: 'The saved assessments, newest last',
    type: 'array',
    items: { type: 'object' },
  },
  async run(deps) {
    const { savedAssessments } = await import('../usecases/assess.js');
    return savedAssessments(deps.db, deps.scope);
  },
  text: (saved: (SavedAssessmentSummary & { revisedSince: RevisedSince[] })[]) =>
    saved.length === 0
      ? 'No saved assessments: each `lantern assess` saves one.'
      : [
          formatTable(
            ['id', 'area', 'period', 'inputs', 'saved', 'imported again or removed since'],
            saved.map((s) => [
              s.id,
              s.areaName,
              `${s.periodFrom}..${s.periodTo}`,
              s.inputsFile ?? '',
              s.savedAt,
              s.revisedSince
                .map((r) => `${r.dataset} ${monthList(r.months)}${r.removed ? ' removed' : ''}`)
                .join('; '),
            ]),
          ),
          ...(saved.some((s) => s.revisedSince.some((r) => !r.removed))
            ? [
                '',
                "Months imported again since an assessment was saved (a month police.uk revised, a partner file replaced): its figures may no longer be the store's; assess again with --compare-with ID to see what moved.",
              ]
            : []),
          ...(saved.some((s) => s.revisedSince.some((r) => r.removed))
            ? [
                'Months removed since (lantern imports remove): the evidence the assessment used for them is no longer held, and they are missing now.',
              ]
            : []),
        ].join('\n'),
});

export function assessmentText(a: AssessmentOutput): string {
  const rows = a.issues.map((i) => [
    String(i.rank),
    i.label,
    String(i.harm),
    String(i.likelihood),
    String(i.risk),
    i.band,
    i.priority.toFixed(1),
    i.evidence.confidence,
    i.sensitivity.length > 1 ? i.sensitivity.join('/') : '',
  ]);
  const county = a.alignment.county;
  // Merseyside is a force area of metropolitan boroughs, Gwent one of Welsh councils: "county"
  // only where the force area is one.
  const word = a.county ? forceAreaWord(a.county.area.code) : 'force area';
  const plan = a.alignment.plan;
  return [
    `${a.area.name}, ${a.period.from}..${a.period.to}: risk matrix (${a.configFile})` +
      (a.id ? `; saved as ${a.id}` : ''),
    ...(a.coverage?.partial ? [`PARTIAL PERIOD: ${a.coverage.words}.`] : []),
    '',
    formatTable(
      ['rank', 'issue', 'harm', 'likelihood', 'risk', 'band', 'priority', 'confidence', 'could be'],
      rows,
      ['right', 'left', 'right', 'right', 'right', 'left', 'right', 'left', 'left'],
    ),
    ...(a.notAssessed && a.notAssessed.length > 0
      ? ['', ...a.notAssessed.map((n) => `${n.label}: ${n.status} (${n.reason})`)]
      : []),
    '',
    'Why:',
    ...a.issues.map((i) => `  ${i.rank}. ${i.rationale}`),
    ...(a.issues.some((i) => i.options.length > 0)
      ? [
          '',
          'Tactical options for the High priorities (4P; problem analysis triangle):',
          ...a.issues.flatMap((i) =>
            i.options.map(
              (o) =>
                `  ${i.label} — ${o.four_p}, ${o.triangle}: ${o.option}. ${o.evidence}` +
                (o.run ? `\n      where: ${o.run}` : o.note ? `\n      (${o.note})` : ''),
            ),
          ),
        ]
      : []),
    ...(county && a.county
      ? [
          '',
          `Alignment with ${a.county.area.name}'s assessment (same data and configuration):`,
          ...(county.district.length === 0
            ? ['  no High priorities in the district']
            : county.district.map(
                (d) =>
                  `  ${d.label}: ${
                    d.status === 'matches'
                      ? `matches a ${word} High priority`
                      : d.status === 'differs'
                        ? `differs: the ${word} bands it ${d.county}`
                        : `absent from the ${word} assessment`
                  }`,
              )),
          ...county.countyOnly.map(
            (c) =>
              `  ${c.label}: a ${word} High priority (rank ${c.countyRank}) that the district bands ${c.district ?? 'not at all'}`,
          ),
        ]
      : []),
    '',
    `${plan.plan} (${plan.file}):`,
    ...plan.objectives.map(
      (o) =>
        `  ${o.title}: ${o.high.length > 0 ? `High priorities ${o.high.join(', ')}` : 'no High priority'}`,
    ),
    ...(plan.unmapped.length > 0
      ? [`  High priorities no objective covers: ${plan.unmapped.join(', ')}`]
      : []),
    ...(a.comparison
      ? [
          '',
          ...a.comparison.notes,
          formatTable(
            ['issue', 'rank then', 'rank now', 'band then', 'band now', 'what moved'],
            a.comparison.moves.map((m) => [
              m.label,
              m.rank.then === null ? '–' : String(m.rank.then),
              m.rank.now === null ? '–' : String(m.rank.now),
              m.band.then ?? '–',
              m.band.now ?? '–',
              m.summary,
            ]),
            ['left', 'right', 'right', 'left', 'left', 'left'],
          ),
        ]
      : []),
    '',
    ...a.notes,
  ].join('\n');
}

/** "2025-06", "2025-06, 2025-07", or "2025-01..2025-12 (12 months)". */
function monthList(months: readonly string[]): string {
  return months.length <= 3
    ? months.join(', ')
    : `${months[0]}..${months.at(-1)} (${months.length} months)`;
}
