/** `lantern import PATH...`: police.uk files, folders and zip archives (or a partner dataset's files) into the store. */
import { boundaryGapText } from '../domain/boundary-gap.js';
import { rejectedRowText } from '../domain/rejected-row.js';
import { revisionText } from '../domain/replacement.js';
import { oneLine } from '../domain/terminal-text.js';
import { InputError } from '../errors.js';
import type { PartnerImportReport } from '../usecases/import-partner-data.js';
import type { ImportFileReport, ImportReport } from '../usecases/import-police-data.js';
import { defineCommand } from './definition.js';
import { option, paths } from './options.js';
import { periodOf } from './period.js';
import { formatCount } from './table.js';

type ImportDocument =
  { kind: 'police'; report: ImportReport } | { kind: 'partner'; files: PartnerImportReport[] };

export const importCommand = defineCommand({
  name: 'import',
  task: 'Get data in',
  summary:
    "police.uk street, outcomes and stop-and-search files (zip archives read in place, folders, .csv, .csv.gz), or a partner dataset's files with ⟨dataset⟩",
  description:
    "Each file is checked before anything is stored, and stored whole or not at all (each on its own: the good files of a command go in, the refused ones change nothing, and the exit code is then 2): a bad row is rejected with its line, field and reason; a file cut short, holding rows of another month, or that would leave a month with far fewer rows than held (or, for an aggregate partner dataset, a month's count far smaller) is refused (the last unless ⟨replace⟩). The same content is not imported again while the store holds it (content a later file replaced can be imported again); a newer file for the same force and month replaces the older one, and the import says what it changed in each month's street counts, category by category (or that no figure moved). A police.uk file of a month after the current one or before 2010-12 is refused, and a partner row dated after today or before 2000 rejected. Partner files (⟨dataset⟩) are checked against the dataset's schema, and personal data are refused, dropped or hashed, never stored in clear.",
  examples: [
    'lantern import data/police/hertfordshire-sample.zip',
    'lantern import 2025-12-hertfordshire-street.csv --replace',
    'lantern import --dataset fly-tipping flytipping-2025.csv --mapping council-columns.yaml',
  ],
  positionals: paths('paths', 'PATH', 'files, folders or zip archives to import'),
  options: {
    dataset: option.text(
      'a partner dataset (lantern datasets) instead of police.uk files',
      'DATASET',
    ),
    force: option.text(
      'the police.uk force of stop-and-search files whose name does not give it (e.g. hertfordshire)',
      'FORCE',
    ),
    mapping: option.file("partner data: a file naming the file's own columns and values"),
    area: option.optionalArea(
      'partner data: the area of rows that name none (a district, or a ward or LSOA within one; an area the register does not know refuses the import)',
    ),
    period: option.period(
      'partner data: the months the file covers (zero where it has no rows); needed when its rows span more than 36 months with empty months between',
      'its first to its last row',
    ),
    replace: option.flag(
      'let a file replace a month even when it holds far fewer rows (or far smaller counts) than the store',
    ),
  },
  store: 'create',
  async run(deps, input): Promise<ImportDocument> {
    if (input.dataset) {
      if (input.force)
        throw new InputError('import: ⟨force⟩ goes with police.uk files, not ⟨dataset⟩');
      const { importPartnerFiles } = await import('../usecases/import-partner-data.js');
      const { loadDatasetMapping } = await import('../config/dataset-mapping.js');
      // A bad mapping file refuses the whole command before any file is read.
      const mapping = input.mapping
        ? { path: input.mapping, mapping: await loadDatasetMapping(input.mapping) }
        : undefined;
      const files = await importPartnerFiles(deps.db, {
        dataset: input.dataset,
        paths: input.paths,
        mapping,
        area: input.area,
        period: await periodOf(deps, input.period),
        replace: input.replace,
        hashKeyFile: deps.hashKeyFile,
        now: deps.clock(),
        scope: deps.scope,
      });
      return { kind: 'partner', files };
    }
    if (input.mapping || input.area || input.period) {
      throw new InputError(
        'import: ⟨mapping⟩, ⟨area⟩ and ⟨period⟩ go with ⟨dataset⟩ NAME (partner data)',
      );
    }
    if (input.force !== undefined && !/^[a-z0-9]+(-[a-z0-9]+)*$/u.test(input.force)) {
      throw new InputError(
        `⟨force⟩: "${input.force}" is not a police.uk force id (e.g. hertfordshire)`,
      );
    }
    const { importPoliceData } = await import('../usecases/import-police-data.js');
    const report = await importPoliceData(deps.db, input.paths, {
      force: input.force,
      replace: input.replace,
      now: deps.clock(),
      ...(deps.env.LANTERN_IMPORT_GROUP_ROWS
        ? { groupRows: Number(deps.env.LANTERN_IMPORT_GROUP_ROWS) }
        : {}),
      onProgress: (event) => {
        if (event.phase === 'start')
          deps.progress({ phase: 'start', total: event.total, doing: 'importing', unit: 'files' });
        if (event.phase === 'done') {
          deps.progress({ phase: 'step', label: oneLine(event.path.split(/[/!]/u).pop() ?? '') });
        }
      },
    });
    return { kind: 'police', report };
  },
  text: (doc) =>
    doc.kind === 'police' ? formatImportReport(doc.report) : formatPartner(doc.files),
  json: (doc) => (doc.kind === 'police' ? doc.report : { files: doc.files }),
  notes: (doc) =>
    doc.kind === 'police' && doc.report.storageError !== undefined ? [doc.report.storageError] : [],
  exitCode(doc) {
    if (doc.kind === 'police' && doc.report.storageError !== undefined) return 1;
    const files = doc.kind === 'police' ? doc.report.files : doc.files;
    return files.some((f) => f.status === 'refused') ? 2 : 0;
  },
});

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
  const partly = partlyImported(report.files);
  if (partly) lines.push(partly);
  const placed = report.searchPlacement;
  if (placed) {
    lines.push(
      '',
      `Stop and search placed in districts by location: ${formatCount(placed.placed)} placed; ` +
        `${formatCount(placed.noLocation)} without a location and ${formatCount(placed.unmatched)} ` +
        'at a point in no district whose boundary Lantern holds stay in no district (counted in the force’s figures only).',
    );
  }
  for (const gap of report.boundaryGaps ?? []) lines.push('', boundaryGapText(gap));
  return lines.join('\n');
}

/**
 * A file's report with what came from the file (its name, and the names and cells quoted in its
 * error, warnings and rejected rows) kept on one line, control characters shown: a name holding a
 * newline cannot draw a line of its own (domain/terminal-text.ts).
 */
function shown<F extends Pick<ImportFileReport, 'path' | 'error' | 'warnings' | 'rejectedSample'>>(
  f: F,
): F {
  return {
    ...f,
    path: oneLine(f.path),
    ...(f.error === undefined ? {} : { error: oneLine(f.error) }),
    warnings: f.warnings.map(oneLine),
    rejectedSample: f.rejectedSample.map((r) => ({ ...r, reason: oneLine(r.reason) })),
  };
}

function formatFile(file: ImportFileReport): string {
  const f = shown(file);
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
  for (const r of f.revisions ?? []) out.push(`    ${revisionText(r)}`);
  for (const w of f.warnings) out.push(`    warning: ${w}`);
  for (const r of f.rejectedSample) out.push(`    line ${r.line}: ${r.reason}`);
  if (f.rejected > f.rejectedSample.length) {
    out.push(
      `    … and ${formatCount(f.rejected - f.rejectedSample.length)} more rejected rows in the store`,
    );
  }
  return out.join('\n');
}

/** Said when some files went in and others were refused: the exit code (2) alone would not say. */
function partlyImported(files: readonly { status: string }[]): string | null {
  const refused = files.filter((f) => f.status === 'refused').length;
  if (refused === 0 || !files.some((f) => f.status === 'imported')) return null;
  return `Nothing of the ${refused === 1 ? 'file' : `${refused} files`} refused was stored; the files imported are in the store.`;
}

function monthsText(months: readonly string[]): string {
  if (months.length === 0) return 'no months';
  if (months.length <= 3) return months.join(', ');
  return `${months[0]}..${months[months.length - 1]} (${months.length} months)`;
}

function formatPartner(files: PartnerImportReport[]): string {
  const partly = partlyImported(files);
  return [
    ...files
      .map(shown)
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
      ),
    ...(partly ? ['', partly] : []),
  ].join('\n');
}
