/**
 * `lantern plan …`: the partnership's action plan (issue 21). Creating a plan, adding and
 * updating actions and carrying them over change the store (`--as` names who, for the grant check
 * and the audit log); showing the plan and its overdue actions only read it, and are served by the
 * HTTP API too.
 */
import { planBasisWords } from '../domain/plan/plan-basis.js';
import { z } from 'zod';

import type { GroupRecord } from '../domain/plan/plan-types.js';
import type { ActionView, PlanView } from '../domain/plan/plan-view.js';
import type { CarryOver } from '../usecases/plan/plan-carry-over.js';
import type { PlanReview } from '../usecases/plan/plan-review.js';
import type { CreatedPlan } from '../usecases/plan/plan-create.js';
import { actorOf } from './access-options.js';
import { defineCommand } from './definition.js';
import { option } from './options.js';
import { planChoiceOptions, planAsOption } from './plan-options.js';
import { formatTable } from './table.js';

export const planCreateCommand = defineCommand({
  name: 'plan create',
  task: 'Priorities and reports',
  summary:
    "Start a partnership's action plan for a year, its priorities taken from a saved assessment",
  description:
    "The plan's priorities are the High and Medium issues of the assessment named (latest: the one saved last of ⟨area⟩, or of the area of the partnership's previous plan; with neither, of the only area assessed), in its order, so each action is tied to the assessment's evidence. An assessment of months after the plan year is refused; one that ends more than a year before the year starts is taken, and said to be old. A plan for the same partnership and year is made once; the actions of the partnership's meetings of that year saved before it (minutes import) join it.",
  examples: [
    'lantern plan create --partnership "Three Rivers CSP" --year 2025-26 --from-assessment latest',
  ],
  options: {
    partnership: option.requiredText('the partnership whose plan it is', 'NAME'),
    year: option.requiredText('the plan year, April to March, as 2025-26', 'YEAR'),
    fromAssessment: option.text(
      'the saved assessment whose priorities the plan takes: latest, or an id from lantern assess list',
      'ID',
    ),
    area: option.optionalArea(
      "the partnership's area (needed without ⟨fromAssessment⟩, when the plan starts with no priorities; with ⟨fromAssessment⟩ latest, its latest assessment is the one taken)",
    ),
    as: planAsOption,
  },
  store: 'existing',
  async run(deps, input) {
    const { createPlan } = await import('../usecases/plan/plan-create.js');
    return createPlan(deps.db, await actorOf(deps, input.as), input, deps.clock());
  },
  text: (c: CreatedPlan) =>
    [
      `Made the ${c.plan.year} action plan of ${c.plan.partnership} (${c.plan.areaName ?? 'no area'}), plan ${c.plan.id}.`,
      ...(c.areaChanged
        ? [
            `The area changes: the ${c.areaChanged.year} plan of ${c.plan.partnership} was of ${c.areaChanged.areaName}, this one is of ${c.plan.areaName ?? 'no area'}.`,
          ]
        : []),
      c.priorities.length > 0
        ? `Priorities from assessment ${c.plan.assessmentId?.slice(0, 12)}: ${c.priorities.map((p) => `${p.label} [${p.key}, ${p.band}]`).join('; ')}.`
        : 'No priorities yet.',
      ...(c.evidence?.note ? [c.evidence.note] : []),
      ...(c.adopted.length > 0
        ? [
            `Took in ${c.adopted.length} action${c.adopted.length === 1 ? '' : 's'} of the year's meetings saved before the plan: ${c.adopted.map((a) => `${a.id} ${a.title}`).join('; ')}.`,
          ]
        : []),
      'Add actions with: lantern plan action add --priority KEY --title "…" --owner "…" --org "…" --due YYYY-MM-DD',
    ].join('\n'),
});

function ragText(a: ActionView): string {
  return a.rag.override
    ? `${a.rag.rag} (by hand: ${a.rag.override.reason}; derived ${a.rag.derived.rag})`
    : `${a.rag.rag} (${a.rag.derived.reason})`;
}

function actionTable(actions: readonly ActionView[]): string {
  return formatTable(
    ['id', 'v', 'priority', 'action', 'owner', 'due', 'status', 'done', 'RAG'],
    actions.map((a) => [
      String(a.id),
      String(a.version),
      a.priority ?? '–',
      a.title,
      [a.owner, a.organisation].filter(Boolean).join(', ') || '–',
      a.dueDate ?? '–',
      a.status,
      `${a.progress}%`,
      ragText(a),
    ]),
    ['right', 'right', 'left', 'left', 'left', 'left', 'left', 'right', 'left'],
  );
}

export const planShowCommand = defineCommand({
  name: 'plan show',
  task: 'Priorities and reports',
  summary: 'The action plan: priorities, actions with owner, due date, progress and RAG',
  description:
    'RAG is derived from status, due date and progress on the day (blue complete, grey cancelled, red overdue, amber on hold or due within 14 days under half done or well behind its time, green otherwise); a RAG set by hand is shown with its reason beside the derived one. Each action shows its version (v), which an update must state.',
  examples: ['lantern plan show', 'lantern plan show --year 2025-26'],
  options: { ...planChoiceOptions },
  store: 'read',
  async run(deps, input) {
    const { planView } = await import('../usecases/plan/plan-view.js');
    return planView(deps.db, deps.scope, input, deps.clock());
  },
  text: (v: PlanView) =>
    [
      `${v.plan.partnership} action plan ${v.plan.year} (${v.plan.areaName ?? 'no area'}), RAG as at ${v.today}: ${v.counts.red} red, ${v.counts.amber} amber, ${v.counts.green} green, ${v.counts.blue} complete, ${v.counts.grey} cancelled.`,
      `Priorities${v.basis ? ` from ${planBasisWords(v.basis)}` : ''}: ${v.priorities.map((p) => `${p.label} [${p.key}${p.band ? `, ${p.band}` : ''}]`).join('; ') || 'none'}.`,
      '',
      v.actions.length > 0 ? actionTable(v.actions) : 'No actions yet.',
    ].join('\n'),
});

export const planOverdueCommand = defineCommand({
  name: 'plan overdue',
  task: 'Priorities and reports',
  summary: "The plan's open actions past their due date, most overdue first",
  examples: ['lantern plan overdue'],
  options: { ...planChoiceOptions },
  store: 'read',
  async run(deps, input) {
    const { planView } = await import('../usecases/plan/plan-view.js');
    const { overdueActions } = await import('../domain/plan/plan-view.js');
    const view = await planView(deps.db, deps.scope, input, deps.clock());
    return { plan: view.plan, today: view.today, overdue: overdueActions(view.actions) };
  },
  text: (r) =>
    r.overdue.length === 0
      ? `No action of the ${r.plan.year} plan is overdue on ${r.today}.`
      : [
          `${r.overdue.length} action${r.overdue.length === 1 ? ' is' : 's are'} overdue on ${r.today}:`,
          actionTable(r.overdue),
        ].join('\n'),
});

export const planCarryOverCommand = defineCommand({
  name: 'plan carry-over',
  task: 'Priorities and reports',
  summary: "Carry one year's open actions into the next year's plan",
  description:
    'Actions neither complete nor cancelled are copied into the later plan (made, with the same priorities, if there is none), keeping their start date (the time already gone counts toward the RAG), status, progress, priority, objective, meeting and a RAG set by hand, and noting the action they continue. The original is then closed in its year (grey, not overdue; updates go to the copy). An action carried before, into any year, is not carried again.',
  examples: ['lantern plan carry-over --from 2025-26 --to 2026-27'],
  options: {
    partnership: planChoiceOptions.partnership,
    from: option.requiredText('the year whose open actions are carried, as 2025-26', 'YEAR'),
    to: option.requiredText('the year they are carried into, as 2026-27', 'YEAR'),
    as: planAsOption,
  },
  store: 'existing',
  async run(deps, input) {
    const { carryOver } = await import('../usecases/plan/plan-carry-over.js');
    return carryOver(deps.db, await actorOf(deps, input.as), input, deps.clock());
  },
  text: (c: CarryOver) =>
    [
      `${c.planCreated ? `Made the ${c.to.year} plan. ` : ''}Carried ${c.carried.length} open action${c.carried.length === 1 ? '' : 's'} from ${c.from.year} to ${c.to.year}${c.alreadyCarried ? ` (${c.alreadyCarried} carried before)` : ''}.`,
      ...c.carried.map((x) => `  action ${x.from} → ${x.to}: ${x.title}`),
      ...c.withoutPriority.map(
        (x) =>
          `  action ${x.to} is under no priority: ${x.priority}, action ${x.from}'s priority, is not one of the ${c.to.year} plan's`,
      ),
      ...(c.adopted.length > 0
        ? [
            `Took in ${c.adopted.length} action${c.adopted.length === 1 ? '' : 's'} of the ${c.to.year} meetings saved before the plan: ${c.adopted.map((a) => `${a.id} ${a.title}`).join('; ')}.`,
          ]
        : []),
    ].join('\n'),
});

export const planReportCommand = defineCommand({
  name: 'plan report',
  task: 'Priorities and reports',
  summary: 'The annual action plan as HTML, XLSX or CSV, or its due dates as a calendar (ICS)',
  description:
    'XLSX holds the actions, their dated updates and the priorities, with a README sheet; CSV the actions (cells a spreadsheet would take for formulas are written as text); ICS one all-day event on each due date, for Outlook or Google Calendar.',
  examples: [
    'lantern plan report --year 2025-26 --format xlsx --out plan.xlsx',
    'lantern plan report --format ics --out due-dates.ics',
  ],
  options: {
    ...planChoiceOptions,
    format: option.choice('the file to write', ['html', 'xlsx', 'csv', 'ics'] as const, 'html'),
    out: { ...option.requiredText('the file to write', 'FILE'), local: true },
    public: option.flag('only the actions marked public'),
  },
  store: 'existing',
  async run(deps, input) {
    const { writePlanReport } = await import('../usecases/plan/plan-report.js');
    return writePlanReport(
      deps.db,
      deps.scope,
      { ...input, format: input.format ?? 'html', onlyPublic: input.public },
      deps.clock(),
    );
  },
  text: (r) =>
    `Wrote ${r.out} (${r.format}, ${r.actions} action${r.actions === 1 ? '' : 's'} of the ${r.plan} plan).`,
});

export const planGroupCommand = defineCommand({
  name: 'plan group',
  task: 'Priorities and reports',
  summary:
    "Set a partnership group's members (the CSCG, the ASB Action Group), for meetings and actions",
  description:
    'Replaces the list of members. For a group that has members already, give the version you read (⟨expectVersion⟩): a change made by someone else meanwhile is not overwritten.',
  examples: [
    'lantern plan group --partnership "Three Rivers CSP" --name "ASB Action Group" --member "Jemma Duffell (Three Rivers District Council)" --member "Andrew Palfreyman (Hertfordshire Constabulary)"',
  ],
  options: {
    partnership: option.requiredText('the partnership the group belongs to', 'NAME'),
    name: option.requiredText("the group's name", 'NAME'),
    member: {
      kind: 'strings',
      description: 'a member, as NAME or NAME (ORGANISATION); repeat for each',
      placeholder: 'MEMBER',
      schema: z.array(z.string()).optional(),
    },
    expectVersion: option.number('the version of the group you read', {
      min: 1,
      integer: true,
      placeholder: 'N',
    }),
    as: planAsOption,
  },
  store: 'existing',
  async run(deps, input) {
    const { setGroup } = await import('../usecases/plan/plan-groups.js');
    return setGroup(
      deps.db,
      await actorOf(deps, input.as),
      { partnership: input.partnership, name: input.name, members: input.member ?? [] },
      deps.clock(),
      input.expectVersion,
    );
  },
  text: (g: GroupRecord) =>
    `${g.name} (version ${g.version}): ${g.members.map((m) => (m.organisation ? `${m.name} (${m.organisation})` : m.name)).join('; ') || 'no members'}.`,
});

export const planReviewCommand = defineCommand({
  name: 'plan review',
  task: 'Priorities and reports',
  summary:
    "A year's plan reviewed for the next assessment: what was done for each priority and how its figures moved",
  description:
    "Figures move from the assessment the plan was built from to the latest saved assessment of the same area over a later period (or ⟨assessment⟩, which must be of the plan's area): records compared month by month over periods of the same length and per month held over periods of different lengths, band and rank.",
  examples: ['lantern plan review --year 2025-26'],
  options: {
    ...planChoiceOptions,
    assessment: option.text(
      "the later saved assessment of the plan's area to compare with (default: the latest of the area over a later period)",
      'ID',
    ),
  },
  store: 'read',
  async run(deps, input) {
    const { planReview } = await import('../usecases/plan/plan-review.js');
    return planReview(deps.db, deps.scope, input, deps.clock());
  },
  text: (r: PlanReview) =>
    [
      `Review of the ${r.plan.year} plan of ${r.plan.partnership}${r.then && r.now ? `: figures from assessment ${r.then.id.slice(0, 12)} (${r.then.period}) to ${r.now.id.slice(0, 12)} (${r.now.period})` : ''}.`,
      r.now
        ? ''
        : 'No later saved assessment of the area: make one with lantern assess to see how the figures moved.',
      ...r.priorities.map(
        (p) =>
          `${p.label}: ${p.actions.complete} of ${p.actions.total} action${p.actions.total === 1 ? '' : 's'} complete, ${p.actions.open} open (${p.actions.overdue} overdue); ${p.moved}.`,
      ),
    ]
      .filter((l) => l !== '')
      .join('\n'),
});
