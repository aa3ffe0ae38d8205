/**
 * `lantern assess --area A --period P [--inputs F] [--config F] [--options F] [--plan F]
 * [--compare-with ID] [--no-save]`: the risk matrix, ranked and explained, with the county
 * alignment; `lantern assess --list`: the saved assessments.
 */
import { parsePeriod } from '../../domain/month.js';
import { InputError } from '../../errors.js';
import {
  assess,
  savedAssessments,
  type Assessment,
  type AssessRequest,
} from '../../usecases/assess.js';
import { printJson, withStore, type CommandContext } from '../context.js';
import { formatTable } from '../../commands/table.js';

export async function runAssess(
  ctx: CommandContext,
  args: Omit<AssessRequest, 'area' | 'period'> & { area?: string; period?: string; list?: boolean },
): Promise<number> {
  if (args.list) {
    const saved = await withStore(ctx, (db) => savedAssessments(db), { mustExist: true });
    if (ctx.json) printJson(ctx, saved);
    else
      ctx.out(
        saved.length === 0
          ? 'No saved assessments: each `lantern assess` saves one.'
          : formatTable(
              ['id', 'area', 'period', 'inputs', 'saved'],
              saved.map((s) => [
                s.id,
                s.areaName,
                `${s.periodFrom}..${s.periodTo}`,
                s.inputsFile ?? '',
                s.savedAt,
              ]),
            ),
      );
    return 0;
  }
  if (!args.area) throw new InputError('assess: --area is required');
  if (!args.period) throw new InputError('assess: --period is required (YYYY-MM..YYYY-MM)');
  const period = parsePeriod(args.period);
  const a = await withStore(
    ctx,
    (db) => assess(db, ctx.scope, { ...args, area: args.area as string, period }),
    { mustExist: true },
  );
  if (ctx.json) printJson(ctx, a);
  else ctx.out(assessmentText(a));
  return 0;
}

function assessmentText(a: Assessment): string {
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
                      ? 'matches a county High priority'
                      : d.status === 'differs'
                        ? `differs: the county bands it ${d.county}`
                        : 'absent from the county assessment'
                  }`,
              )),
          ...county.countyOnly.map(
            (c) =>
              `  ${c.label}: a county High priority (rank ${c.countyRank}) that the district bands ${c.district ?? 'not at all'}`,
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
