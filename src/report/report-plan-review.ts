/**
 * The strategic assessment's section reviewing the previous action plan, written for councillors:
 * for each of the plan's priorities, what was done (its actions, where each stood on the report's
 * date, and who owned it) and what changed (its count in the period the plan was built from
 * against the report's period, the change and whether it could be chance). It says plainly that
 * figures moving is not evidence that the actions worked. Pure: the report's data in (already
 * made public where it is the public version: report/public-data.ts), HTML out.
 */
import { escapeXml as esc } from '../charts/index.js';
import { monthRunsText } from '../domain/held-months.js';
import { roundChangePct } from '../domain/rounding.js';
import type { ReviewedAction } from '../domain/plan/plan-review.js';
import { changeShown, csvCount, showChange, showCount } from './disclosure.js';
import { periodInWords } from './infographic-text.js';
import type { PlanReviewData, PlanReviewPriority, ReportData } from './report-data.js';
import { type Labels, section, tableHtml } from './report-html-parts.js';
import type { ReportTable } from './report-tables.js';

/** At most this many actions are listed under a priority (every one is in the data folder). */
const LISTED = 8;

const pText = (p: number) => (p < 0.001 ? '< 0.001' : p.toFixed(3));

/** "6 December 2026" for 2026-12-06. */
const day = (iso: string) =>
  new Date(`${iso}T00:00:00Z`).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export function planReviewTables(review: PlanReviewData, data: ReportData): ReportTable[] {
  const aud = data.audience;
  const base = review.base ? periodInWords(review.base) : 'base period';
  const now = periodInWords(data.period);
  return [
    {
      id: 'tab-plan-actions',
      caption: `What was done: the ${review.year} action plan's actions by priority, as they stood on ${day(review.asOf)}${aud === 'public' ? ' (the actions published by the partnership)' : ''}`,
      columns: [
        'priority',
        'actions',
        'done',
        'in progress',
        'not started',
        'on hold',
        'cancelled',
        'of which overdue',
        'carried over',
      ],
      rows: review.priorities.map((p) => [
        p.label,
        p.actions.total,
        p.actions.complete,
        p.actions.inProgress,
        p.actions.notStarted,
        p.actions.onHold,
        p.actions.cancelled,
        p.actions.overdue,
        p.actions.carriedOver,
      ]),
      countColumns: [],
    },
    {
      id: 'tab-plan-figures',
      caption: `What changed: each priority's count in ${base} (the assessment the plan was built from) and in ${now}`,
      columns: [
        'priority',
        base,
        now,
        'change %',
        'p-value (exact test)',
        'significant',
        'months not held',
      ],
      rows: review.priorities.map((p) => {
        const f = p.figures;
        if (!f) return [p.label, null, null, null, null, null, p.noFigures];
        const shown = changeShown(f.current, f.previous, aud);
        return [
          p.label,
          csvCount(f.previous, aud),
          csvCount(f.current, aud),
          f.changePct === null || !shown ? null : roundChangePct(f.changePct),
          f.pValue === null ? null : pText(f.pValue),
          f.pValue === null ? null : f.significant ? 'yes' : 'no',
          notHeldText(f.notHeld.base, f.notHeld.period) ?? 'none',
        ];
      }),
      countColumns: [1, 2],
      formats: { 3: 'change' },
    },
  ];
}

/** "2024-03; 2025-07..2025-08", or null when every month is held. */
function notHeldText(base: readonly string[], now: readonly string[]): string | null {
  const all = [...base, ...now];
  return all.length === 0 ? null : monthRunsText(all);
}

export function planReviewSection(data: ReportData, tables: ReportTable[], labels: Labels): string {
  const review = data.planReview;
  if (!review) return '';
  const aud = data.audience;
  const [done, moved] = planReviewTables(review, data) as [ReportTable, ReportTable];
  tables.push(done, moved);
  const doneLabel = labels.table(done.id);
  const movedLabel = labels.table(moved.id);
  const base = review.base ? periodInWords(review.base) : null;
  const now = periodInWords(data.period);
  const parts = [
    `<p>${esc(review.partnership)} made its ${esc(review.year)} action plan on ${esc(day(review.made))}${base ? `, from the strategic assessment of ${esc(base)}` : ''}. For each of its priorities, this section says <strong>what was done</strong>: the actions, and where each stood on ${esc(day(review.asOf))}; and <strong>what changed</strong>: the priority's count in ${base ? esc(base) : 'the period the plan was built from'}, against ${esc(now)}.</p>`,
    `<p class="warning">Figures moving is not evidence that an action worked, nor that it failed: counts rise and fall for many reasons (how crimes are recorded and reported, chance, other work and events), and this review does not measure what any action caused.</p>`,
    aud === 'public'
      ? `<p class="note">This public version lists only the actions the partnership has published, and names the organisations that own them, not people.${review.withheld.length > 0 ? ` Left out (their data are shared only between partners): ${esc(review.withheld.join(', '))}.` : ''}</p>`
      : '',
    tableHtml(done, doneLabel),
    `<p class="note">An action is overdue when it is not done, not cancelled and its due date has passed; it is counted under its status too. Carried over: not finished, and continued in a later year's plan.</p>`,
    tableHtml(moved, movedLabel),
    `<p class="note">Each change is tested as every trend in this report is: the exact test for two counts, month by month over the months held in both periods; "significant" means it is unlikely to be chance alone (p below 0.05), not that the plan caused it. Months not held are unknown, not zero, and counted on neither side.</p>`,
    ...review.priorities.map((p) => prioritySummary(p, data, base)),
  ];
  return section('plan-review', `Review of the ${review.year} action plan`, parts);
}

function prioritySummary(p: PlanReviewPriority, data: ReportData, base: string | null): string {
  const aud = data.audience;
  const a = p.actions;
  const counts = [
    a.complete > 0 ? `${a.complete} done` : '',
    a.inProgress > 0 ? `${a.inProgress} in progress` : '',
    a.notStarted > 0 ? `${a.notStarted} not started` : '',
    a.onHold > 0 ? `${a.onHold} on hold` : '',
    a.cancelled > 0 ? `${a.cancelled} cancelled` : '',
  ].filter((s) => s !== '');
  const what =
    a.total === 0
      ? `No actions${aud === 'public' ? ' published' : ''} under this priority.`
      : `${plural(a.total, 'action')}: ${counts.join(', ')}${a.overdue > 0 ? `; ${a.overdue} overdue` : ''}${a.carriedOver > 0 ? `; ${a.carriedOver} carried over into a later plan` : ''}.`;
  const listed = p.items.slice(0, LISTED);
  const more = p.items.length - listed.length;
  return [
    `<h3>${esc(p.label)}</h3>`,
    `<p><strong>What was done.</strong> ${esc(what)}</p>`,
    listed.length > 0
      ? `<ul class="plan-actions">${listed.map((i) => `<li>${actionLine(i)}</li>`).join('')}${more > 0 ? `<li>and ${more} more (in the action plan itself)</li>` : ''}</ul>`
      : '',
    `<p><strong>What changed.</strong> ${esc(changeWords(p, data, base))}</p>`,
    p.synthetic ? '<p class="warning">SYNTHETIC demonstration data: not real records.</p>' : '',
  ].join('\n');
}

function actionLine(i: ReviewedAction): string {
  const who = [i.owner, i.organisation].filter((s): s is string => !!s).join(', ');
  const state =
    i.state === 'overdue' && i.dueDate ? `overdue (due ${day(i.dueDate)})` : (i.state as string);
  return `${esc(i.title)} — <em>${esc(state)}</em>${i.carriedOver ? ', carried over' : ''}${who ? ` (${esc(who)})` : ''}`;
}

function changeWords(p: PlanReviewPriority, data: ReportData, base: string | null): string {
  const f = p.figures;
  if (!f || base === null) return `No figures: ${p.noFigures ?? 'none held'}.`;
  const aud = data.audience;
  const now = periodInWords(data.period);
  const counts = `${showCount(f.previous, aud)} in ${base}, ${showCount(f.current, aud)} in ${now}`;
  const missing = notHeldText(f.notHeld.base, f.notHeld.period);
  const held = missing ? ` Months not held, counted on neither side: ${missing}.` : '';
  const perMonth = f.basis === 'per month' ? ' (per month held: the periods differ in length)' : '';
  if (!changeShown(f.current, f.previous, aud))
    return `${counts}; the change is not shown (small numbers).${held}`;
  if (f.changePct === null) return `${counts}; no change can be given (none before).${held}`;
  const rounded = roundChangePct(f.changePct) ?? 0;
  const way =
    rounded === 0
      ? 'unchanged'
      : `${rounded > 0 ? 'up' : 'down'} ${showChange(Math.abs(rounded), f.current, f.previous, aud).replace(/^\+/u, '')}`;
  const chance =
    f.pValue === null
      ? ''
      : f.significant
        ? ` — a significant change (exact test, p ${f.pValue < 0.001 ? '< 0.001' : `= ${pText(f.pValue)}`})`
        : ` — could be chance (exact test, p = ${pText(f.pValue)})`;
  return `${counts}: ${way}${perMonth}${chance}.${held}`;
}
