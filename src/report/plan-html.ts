/**
 * The annual action plan as one HTML page a partnership can circulate: the RAG counts, the
 * overdue actions (a list pointing to their rows, so each action is shown once), then each priority with its objectives and actions (owner, due date, status,
 * progress, RAG with the rule or the reason it was set by hand). Everything a person typed is
 * escaped; links are shown only as the plan keeps them (dashboard paths or http(s) addresses).
 */
import { planBasisWords } from '../domain/plan/plan-basis.js';
import { escapeXml } from '../charts/svg.js';
import { overdueActions, type ActionView, type PlanView } from '../domain/plan/plan-view.js';
import type { Rag } from '../domain/plan/rag.js';

const esc = (v: unknown) => escapeXml(String(v ?? ''));

const RAG_STYLE: Record<Rag, { bg: string; fg: string; word: string }> = {
  red: { bg: '#b00020', fg: '#fff', word: 'Red' },
  amber: { bg: '#f0a500', fg: '#000', word: 'Amber' },
  green: { bg: '#1b7f3b', fg: '#fff', word: 'Green' },
  blue: { bg: '#1f5fa8', fg: '#fff', word: 'Blue (complete)' },
  grey: { bg: '#6b6b6b', fg: '#fff', word: 'Grey (cancelled or carried over)' },
};

function badge(rag: Rag): string {
  const s = RAG_STYLE[rag];
  return `<span class="rag" style="background:${s.bg};color:${s.fg}">${s.word}</span>`;
}

function ragCell(a: ActionView): string {
  const why = a.rag.override
    ? `set by hand: ${esc(a.rag.override.reason)}<br><small>derived: ${esc(a.rag.derived.rag)} (${esc(a.rag.derived.reason)})</small>`
    : esc(a.rag.derived.reason);
  return `${badge(a.rag.rag)}<br><small>${why}</small>`;
}

function actionRows(actions: readonly ActionView[], heading: string): string {
  if (actions.length === 0) return '<p>No actions yet.</p>';
  const rows = actions.map(
    (a) =>
      `<tr id="action-${a.id}"><td>${a.id}</td><td><strong>${esc(a.title)}</strong>${a.description ? `<br>${esc(a.description)}` : ''}${a.objective ? `<br><small>Objective: ${esc(a.objective)}</small>` : ''}${a.links.map((l) => `<br><a href="${esc(l)}">${esc(l)}</a>`).join('')}${a.carriedFrom ? `<br><small>Carried over from action ${a.carriedFrom}</small>` : ''}</td><td>${esc(a.owner ?? '–')}${a.organisation ? `<br><small>${esc(a.organisation)}</small>` : ''}</td><td class="nowrap">${esc(a.dueDate ?? '–')}</td><td>${esc(a.status.replace('-', ' '))}</td><td>${a.progress}%</td><td>${ragCell(a)}</td></tr>`,
  );
  // A wide table scrolls sideways in a region of its own on a phone, not the whole page.
  return `<div class="table-scroll" role="region" tabindex="0" aria-label="Actions: ${esc(heading)}"><table><thead><tr><th>No.</th><th>Action</th><th>Owner</th><th>Due</th><th>Status</th><th>Done</th><th>RAG</th></tr></thead><tbody>${rows.join('')}</tbody></table></div>`;
}

/** The overdue actions as a list pointing to their rows below (each row is shown once). */
function overdueList(actions: readonly ActionView[]): string {
  const items = actions.map(
    (a) =>
      `<li><a href="#action-${a.id}">${a.id}</a> ${esc(a.title)}: ${esc(a.owner ?? 'no owner')}, due ${esc(a.dueDate)} (${esc(a.rag.derived.reason)})</li>`,
  );
  return `<ul class="overdue">${items.join('')}</ul>`;
}

export function planHtml(view: PlanView, actions: readonly ActionView[] = view.actions): string {
  const title = `${view.plan.partnership} action plan ${view.plan.year}`;
  const overdue = overdueActions(actions);
  const counts = (Object.keys(RAG_STYLE) as Rag[])
    .map((r) => `<li>${badge(r)} ${actions.filter((a) => a.rag.rag === r).length}</li>`)
    .join('');
  const sections = view.priorities.map((p) => {
    const mine = actions.filter((a) => a.priorityId === p.id);
    const objectives = p.objectives.length
      ? `<p>Objectives: ${p.objectives.map((o) => esc(o.text)).join('; ')}</p>`
      : '';
    return `<section><h2>${esc(p.label)}${p.band ? ` <small>(${esc(p.band)} in the assessment${p.rank ? `, rank ${p.rank}` : ''})</small>` : ''}</h2>${objectives}${actionRows(mine, p.label)}</section>`;
  });
  const others = actions.filter((a) => a.priorityId === null);
  if (others.length > 0)
    sections.push(
      `<section><h2>Other actions (from meetings)</h2>${actionRows(others, 'Other actions (from meetings)')}</section>`,
    );
  return `<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>
body{font-family:system-ui,sans-serif;margin:2rem;max-width:70rem;color:#111}
@media (max-width:40rem){body{margin:1rem}}
.table-scroll{overflow-x:auto}
.table-scroll:focus-visible{outline:3px solid #1f5fa8;outline-offset:2px}
@media print{.table-scroll{overflow:visible}}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1.5rem}
th,td{border:1px solid #bbb;padding:.35rem .5rem;vertical-align:top;text-align:left}
th{background:#eee}
.rag{display:inline-block;padding:.1rem .45rem;border-radius:.25rem;font-weight:600;border:1px solid #000;-webkit-print-color-adjust:exact;print-color-adjust:exact}
ul.counts{list-style:none;padding:0;display:flex;gap:1.25rem;flex-wrap:wrap}
small{color:#444}
.nowrap{white-space:nowrap}
</style></head><body>
<main>
<h1>${esc(title)}</h1>
<p>${esc(view.plan.areaName ?? '')}${view.basis ? ` · priorities from ${esc(planBasisWords(view.basis))}` : view.plan.assessmentId ? ` · priorities from the strategic assessment ${esc(view.plan.assessmentId.slice(0, 12))}` : ''} · RAG as at ${esc(view.today)}</p>
<ul class="counts">${counts}</ul>
<p><small>RAG is worked out from each action's status, due date and progress: blue when complete, grey when cancelled, grey too when carried over into a later plan, red when past its due date, amber when on hold, with no due date, due within 14 days and under half done, or more than 25 points behind its time; green otherwise. A RAG set by hand is shown with its reason and the derived one beside it.</small></p>
<section><h2>Overdue</h2>${overdue.length ? overdueList(overdue) : '<p>No action is overdue.</p>'}</section>
${sections.join('\n')}
</main>
</body></html>
`;
}
