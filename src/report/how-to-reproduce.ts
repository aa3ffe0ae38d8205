/**
 * data/how-to-reproduce.txt: the Lantern commands behind the report, for the analyst who wants
 * them: the report itself, then each figure and table by its label in the document, and, for each
 * tactical option, the analysis that shows where it would apply in full. The document itself
 * holds no command (it speaks to councillors and the public). Pure.
 */
import { isCategoryChoice } from '../domain/categories.js';
import type { PriorityEvidence, ReportData } from './report-data.js';

/** The report's request, as the analyst gave it: its settings files by option (paths as given). */
export interface ReproduceOptions {
  /** The files given, by option: [['--inputs', 'my-scores.yaml'], ...]. */
  files: readonly (readonly [string, string])[];
  draft?: boolean | undefined;
  allowPartial?: boolean | undefined;
}

/** An argument quoted for a POSIX shell when it needs to be. */
const arg = (v: string) =>
  /^[\w./:=@%+-]+$/u.test(v) ? v : `"${v.replace(/(["\\$`])/gu, '\\$1')}"`;

export function howToReproduce(
  data: ReportData,
  request: ReproduceOptions,
  labels: ReadonlyMap<string, readonly string[]>,
): string {
  const period = `${data.period.from}..${data.period.to}`;
  const area = `--area ${arg(data.area.name)}`;
  const files = request.files.map(([flag, path]) => `${flag} ${arg(path)}`);
  const report = [
    'lantern report',
    area,
    `--period ${period}`,
    ...(data.audience === 'public' ? ['--audience public'] : []),
    ...files,
    ...(request.draft ? ['--draft'] : []),
    ...(request.allowPartial ? ['--allow-partial'] : []),
    '--out DIR',
  ].join(' ');
  const label = (id: string) => (labels.get(id) ?? []).join(' and ');
  const lines = [
    `How to reproduce this report (Lantern ${data.lanternVersion}, made ${data.generated}).`,
    'Each command runs on the same store; add --json for the figures as JSON.',
    '',
    'The report:',
    `  ${report}`,
    '',
    `${label('fig-risk-matrix')} (the risk matrix, every issue ranked):`,
    `  lantern assess ${area} --period ${period}${files.length > 0 ? ` ${files.filter((f) => !f.startsWith('--report-settings')).join(' ')}` : ''}`,
  ];
  const review = data.planReview;
  if (review) {
    const plan = `--partnership ${arg(review.partnership)} --year ${review.year}`;
    lines.push(
      '',
      `${label('tab-plan-actions')} (what was done under the ${review.year} action plan):`,
      `  lantern plan review ${plan}`,
      `${label('tab-plan-figures')} (what changed: the priorities' counts${review.base ? `, ${review.base.from}..${review.base.to} against ${period}` : ''}):`,
      ...(review.base
        ? review.priorities
            .filter((p) => p.figures !== null)
            .map(
              (p) =>
                `  lantern trends ${area} ${isCategoryChoice(p.key) ? `--category ${p.key}` : `--dataset ${p.key}`} --period ${period}   (and --period ${review.base!.from}..${review.base!.to})`,
            )
        : []),
    );
  }
  data.priorities.forEach((p, i) => lines.push('', ...priorityLines(p, i + 1, data, label)));
  lines.push(
    '',
    `${label('tab-categories')} (every category):`,
    `  lantern trends ${area} --all --period ${period}`,
    '',
  );
  return lines.join('\n');
}

function priorityLines(
  p: PriorityEvidence,
  index: number,
  data: ReportData,
  label: (id: string) => string,
): string[] {
  if (p.source === 'inputs') return [`Priority ${p.rank}, ${p.label}: manual scores only.`];
  const period = `${data.period.from}..${data.period.to}`;
  const area = `--area ${arg(data.area.name)}`;
  const what = p.source === 'police.uk' ? `--category ${p.key}` : `--dataset ${p.key}`;
  const out = [`Priority ${p.rank}, ${p.label}:`];
  const figure = (id: string, words: string, command: string) => {
    const l = label(id);
    if (l) out.push(`  ${l} (${words}): ${command}`);
  };
  figure(`fig-p${index}-trend`, 'by month', `lantern exceptions ${area} ${what}`);
  if (data.force)
    figure(
      `fig-p${index}-funnel`,
      'districts compared',
      `lantern compare --within ${arg(data.force.name)} ${what} --period ${period}`,
    );
  figure(
    `fig-p${index}-hotspots`,
    'hotspot map',
    `lantern hotspots ${area} ${what} --period ${period}`,
  );
  const options = label(`tab-p${index}-options`);
  for (const o of p.options)
    if (o.run) out.push(`  ${options}, "${o.option}": ${o.run}`);
    else if (o.note) out.push(`  ${options}, "${o.option}": ${o.note}`);
  return out;
}
