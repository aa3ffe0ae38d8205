/** `lantern import PATH...`: police.uk files, folders and zip archives into the store. */
import { parsePeriod } from '../../domain/month.js';
import { InputError } from '../../errors.js';
import { boundaryGapText } from '../../usecases/boundary-gaps.js';
import { importPartnerFiles, rejectedRowText } from '../../usecases/import-partner-data.js';
import {
  importPoliceData,
  type ImportFileReport,
  type ImportReport,
} from '../../usecases/import-police-data.js';
import { printJson, withStore, type CommandContext } from '../context.js';
import { importProgressBar } from '../progress.js';
import { formatCount } from '../table.js';

export interface ImportArgs {
  paths: string[];
  force?: string;
  /** A partner dataset (fly-tipping, hate-crime, …) instead of police.uk files. */
  dataset?: string;
  mapping?: string;
  area?: string;
  period?: string;
  /** Let a file replace a month with far fewer rows than held (domain/replacement.ts). */
  replace?: boolean;
}

/** Returns the exit code: 2 when any file was refused (the others are still imported). */
export async function runImport(ctx: CommandContext, args: ImportArgs): Promise<number> {
  if (args.paths.length === 0) {
    throw new InputError('import: name at least one file, folder or zip archive');
  }
  if (args.dataset) return runPartnerImport(ctx, args as ImportArgs & { dataset: string });
  if (args.mapping || args.area || args.period)
    throw new InputError(
      'import: --mapping, --area and --period go with --dataset NAME (partner data)',
    );
  if (args.force !== undefined && !/^[a-z0-9]+(-[a-z0-9]+)*$/u.test(args.force)) {
    throw new InputError(
      `--force: "${args.force}" is not a police.uk force id (e.g. hertfordshire)`,
    );
  }
  const progress = importProgressBar(ctx.interactive && !ctx.json);
  let report: ImportReport;
  try {
    report = await withStore(ctx, (db) =>
      importPoliceData(db, args.paths, {
        force: args.force,
        replace: args.replace,
        onProgress: progress.onProgress,
      }),
    );
  } finally {
    progress.stop();
  }
  if (ctx.json) printJson(ctx, report);
  else ctx.out(formatImportReport(report));
  if (report.storageError !== undefined) {
    ctx.err(`lantern: ${report.storageError}`);
    return 1;
  }
  return report.files.some((f) => f.status === 'refused') ? 2 : 0;
}

export function formatImportReport(report: ImportReport): string {
  const lines = report.files.map(formatFile);
  const count = (s: string) => report.files.filter((f) => f.status === s).length;
  const sum = (k: 'accepted' | 'rejected' | 'replaced') =>
    report.files.reduce((n, f) => n + f[k], 0);
  lines.push(
    '',
    `${report.files.length} file(s): ${count('imported')} imported, ${count('already-imported')} already imported, ` +
      `${count('refused')} refused. Rows: ${formatCount(sum('accepted'))} accepted, ` +
      `${formatCount(sum('rejected'))} rejected, ${formatCount(sum('replaced'))} replaced.`,
  );
  for (const gap of report.boundaryGaps ?? []) lines.push('', boundaryGapText(gap));
  return lines.join('\n');
}

function formatFile(f: ImportFileReport): string {
  if (f.status === 'refused') return `✗ ${f.path}\n    refused: ${f.error ?? 'unknown reason'}`;
  const what = `${f.kind ?? '?'}, ${f.force ?? '?'}, ${monthsText(f.months)}`;
  if (f.status === 'already-imported')
    return `= ${f.path} (${what}): already imported, nothing added`;
  const out = [
    `✓ ${f.path} (${what}): ${formatCount(f.accepted)} accepted, ${formatCount(f.rejected)} rejected, ` +
      `${formatCount(f.replaced)} replaced`,
  ];
  if (f.placement) {
    const p = f.placement;
    out.push(
      `    placed by LSOA code ${formatCount(p.byLsoaCode)}, by LSOA name ${formatCount(p.byLsoaName)}; ` +
        `no location ${formatCount(p.noLocation)}; unknown LSOA ${formatCount(p.unmatched)}; ` +
        `outside the force's area ${formatCount(p.outsideForceArea)}`,
    );
  }
  for (const w of f.warnings) out.push(`    warning: ${w}`);
  for (const r of f.rejectedSample) out.push(`    line ${r.line}: ${r.reason}`);
  if (f.rejected > f.rejectedSample.length) {
    out.push(
      `    … and ${formatCount(f.rejected - f.rejectedSample.length)} more rejected rows in the store`,
    );
  }
  return out.join('\n');
}

function monthsText(months: readonly string[]): string {
  if (months.length === 0) return 'no months';
  if (months.length <= 3) return months.join(', ');
  return `${months[0]}..${months[months.length - 1]} (${months.length} months)`;
}

/**
 * Partner files (usecases/import-partner-data.ts): a file refused is reported and the others
 * still go in; the exit code is then 2.
 */
async function runPartnerImport(
  ctx: CommandContext,
  args: ImportArgs & { dataset: string },
): Promise<number> {
  const files = await withStore(ctx, (db) =>
    importPartnerFiles(db, {
      dataset: args.dataset,
      paths: args.paths,
      mapping: args.mapping,
      area: args.area,
      period: args.period ? parsePeriod(args.period) : undefined,
      replace: args.replace,
      hashKeyFile: ctx.hashKeyFile,
    }),
  );
  if (ctx.json) printJson(ctx, { files });
  else
    ctx.out(
      files
        .map((f) =>
          f.status === 'refused'
            ? `✗ ${f.path}\n    refused: ${f.error ?? 'unknown reason'}`
            : f.status === 'already-imported'
              ? `= ${f.path} (${f.kind}, ${monthsText(f.months)}): already imported, nothing added`
              : [
                  `✓ ${f.path} (${f.kind}${f.synthetic ? ', SYNTHETIC' : ''}, ${monthsText(f.months)}): ` +
                    `${formatCount(f.accepted)} accepted, ${formatCount(f.rejected)} rejected, ${formatCount(f.replaced)} replaced`,
                  ...f.warnings.map((w) => `    warning: ${w}`),
                  ...f.rejectedSample.map((r) => `    ${rejectedRowText(r)}`),
                  ...(f.rejected > f.rejectedSample.length
                    ? [
                        `    … and ${formatCount(f.rejected - f.rejectedSample.length)} more rejected rows in the store`,
                      ]
                    : []),
                ].join('\n'),
        )
        .join('\n'),
    );
  return files.some((f) => f.status === 'refused') ? 2 : 0;
}
