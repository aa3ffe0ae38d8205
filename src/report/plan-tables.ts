/**
 * The action plan as tables (CSV and XLSX): the actions with their RAG, the dated updates, and
 * the priorities with their counts. One value per cell; the CSV writer escapes cells a
 * spreadsheet would run as formulas (an action's title is typed by a person).
 */
import type { DataTable } from '../domain/data-table.js';
import type { ActionView, PlanView } from '../domain/plan/plan-view.js';

export const ACTION_COLUMNS = [
  'id',
  'priority',
  'objective',
  'title',
  'description',
  'owner',
  'organisation',
  'start',
  'due',
  'days left',
  'status',
  'progress %',
  'RAG',
  'RAG derived',
  'RAG rule',
  'RAG set by hand because',
  'public',
  'links',
  'carried over from action',
  'updated by',
  'updated at',
  'version',
];

export function actionRow(a: ActionView): (string | number | null)[] {
  return [
    a.id,
    a.priority,
    a.objective,
    a.title,
    a.description,
    a.owner,
    a.organisation,
    a.startDate,
    a.dueDate,
    a.daysLeft,
    a.status,
    a.progress,
    a.rag.rag,
    a.rag.derived.rag,
    a.rag.derived.reason,
    a.rag.override?.reason ?? null,
    a.public ? 'yes' : 'no',
    a.links.join(' '),
    a.carriedFrom,
    a.updatedBy,
    a.updatedAt,
    a.version,
  ];
}

export function planTables(
  view: PlanView,
  actions: readonly ActionView[] = view.actions,
): DataTable[] {
  const name = `${view.plan.partnership} action plan ${view.plan.year}`;
  const ragNote = `RAG on ${view.today}: derived from status, due date and progress (blue complete, grey cancelled, red overdue, amber on hold, due within 14 days and under half done, or more than 25 points behind its time; green otherwise); "RAG" is the one in force, a RAG set by hand replacing the derived one with its reason.`;
  return [
    {
      id: 'actions',
      title: `${name}: actions`,
      columns: ACTION_COLUMNS,
      rows: actions.map(actionRow),
      notes: [ragNote, 'Dates are YYYY-MM-DD; "days left" is negative for an overdue action.'],
    },
    {
      id: 'updates',
      title: `${name}: dated updates of the actions`,
      columns: ['action', 'at (UTC)', 'author', 'status', 'progress %', 'note'],
      rows: view.updates
        .filter((u) => actions.some((a) => a.id === u.actionId))
        .map((u) => [u.actionId, u.at, u.author, u.status, u.progress, u.note]),
      notes: ['Each update as its author gave it; an empty status or progress was not changed.'],
    },
    {
      id: 'priorities',
      title: `${name}: priorities`,
      columns: ['priority', 'key', 'band', 'rank', 'actions', 'complete', 'overdue'],
      rows: view.priorities.map((p) => {
        const mine = actions.filter((a) => a.priorityId === p.id);
        return [
          p.label,
          p.key,
          p.band,
          p.rank,
          mine.length,
          mine.filter((a) => a.status === 'complete').length,
          mine.filter((a) => a.rag.derived.rag === 'red').length,
        ];
      }),
      notes: [
        view.plan.assessmentId
          ? `Priorities from the saved assessment ${view.plan.assessmentId.slice(0, 12)} (its High and Medium issues, by rank).`
          : 'Priorities set by the partnership.',
      ],
    },
  ];
}
