/**
 * `lantern fetch`: an area's missing months from the data.police.uk API; `lantern fetch archive`:
 * a force's files from a police.uk monthly archive, streamed. The source addresses can be changed
 * with --api-url / --archive-url (or LANTERN_POLICE_API and LANTERN_POLICE_ARCHIVE), e.g. for a
 * mirror or a test server.
 */
import { InputError } from '../errors.js';
import type { ArchiveFetchReport } from '../usecases/fetch-archive.js';
import type { FetchReport } from '../usecases/fetch-police-data.js';
import { defineCommand } from './definition.js';
import { formatImportReport } from './import.js';
import { option } from './options.js';
import { formatCount, formatTable } from './table.js';

export const fetchCommand = defineCommand({
  name: 'fetch',
  task: 'Get data in',
  summary:
    "An area's missing months from the data.police.uk API (rate-limited, retried; imported like files)",
  description:
    "Months already held for the area are skipped, so an interrupted fetch resumes; months the source does not publish are reported and stay missing. The area's polygon is split when the API answers that it holds more than 10,000 crimes.",
  examples: ['lantern fetch --area "Three Rivers" --from 2025-10 --to 2025-12 --dry-run'],
  options: {
    area: option.area(),
    from: {
      ...option.month('the first month to fetch'),
      schema: option.month('').schema.refine((v) => v !== undefined, 'is required'),
    },
    to: {
      ...option.month('the last month to fetch'),
      schema: option.month('').schema.refine((v) => v !== undefined, 'is required'),
    },
    dryRun: option.flag(
      'say what would be fetched, and fetch nothing (it still asks the API which months it publishes)',
    ),
    apiUrl: option.text(
      "the API's address (default $LANTERN_POLICE_API, else https://data.police.uk/api)",
      'URL',
    ),
  },
  store: 'create',
  async run(deps, input) {
    const from = input.from as string;
    const to = input.to as string;
    if (from > to) throw new InputError('fetch: ⟨from⟩ is after ⟨to⟩');
    const { PoliceApi } = await import('../acquire/police-api.js');
    const { fetchPoliceData } = await import('../usecases/fetch-police-data.js');
    const api = new PoliceApi({ baseUrl: input.apiUrl ?? deps.env.LANTERN_POLICE_API });
    let started = false;
    const report = await fetchPoliceData(deps.db, deps.scope, api, {
      area: input.area,
      period: { from, to },
      dryRun: input.dryRun,
      onProgress: (e) => {
        if (e.phase === 'plan' && !input.dryRun) {
          deps.progress({ phase: 'start', total: e.toFetch, doing: 'fetching', unit: 'months' });
          started = true;
        }
        if (started && e.phase === 'month' && e.status !== 'present' && e.status !== 'unavailable')
          deps.progress({ phase: 'step', label: e.month });
      },
    });
    return { ...report, requests: api.requests };
  },
  text: (r) => formatFetchReport(r, r.requests),
  exitCode: (r) => (r.months.some((m) => m.status === 'refused') ? 2 : 0),
});

export const fetchArchiveCommand = defineCommand({
  name: 'fetch archive',
  task: 'Get data in',
  summary:
    "A force's files from a police.uk monthly archive, streamed: only that force's entries are kept",
  description:
    'The archive (tens of GB for all forces and years) is read as it downloads; entries of other forces pass by unstored. A download that stalls is given up after a minute without bytes.',
  examples: ['lantern fetch archive --force hertfordshire --month 2025-12'],
  options: {
    force: option.requiredText('the police.uk force id (e.g. hertfordshire)', 'FORCE'),
    month: {
      ...option.month("the archive's month"),
      schema: option.month('').schema.refine((v) => v !== undefined, 'is required'),
    },
    archiveUrl: option.text(
      "the archive's address (default $LANTERN_POLICE_ARCHIVE, else data.police.uk)",
      'URL',
    ),
    replace: option.flag(
      'let a file replace a month even when it holds far fewer rows than the store',
    ),
  },
  store: 'create',
  async run(deps, input) {
    const { fetchArchive } = await import('../usecases/fetch-archive.js');
    let started = false;
    return fetchArchive(deps.db, {
      force: input.force,
      month: input.month as string,
      archiveUrl: input.archiveUrl ?? deps.env.LANTERN_POLICE_ARCHIVE,
      onDownload: (p) => {
        if (p.total === null) return;
        if (!started) deps.progress({ phase: 'start', total: p.total, label: 'downloading' });
        started = true;
      },
      importOptions: { replace: input.replace },
    });
  },
  text: (report: ArchiveFetchReport) =>
    `${report.url}: ${report.entriesInArchive} entries read, ${report.files.length} of force ${report.force}\n` +
    formatImportReport(report),
  exitCode: (report) => (report.files.some((f) => f.status === 'refused') ? 2 : 0),
});

function formatFetchReport(r: FetchReport, requests: number): string {
  const rows = r.months.map((m) => [
    m.month,
    m.status,
    m.returned === undefined ? '' : formatCount(m.returned),
    m.kept === undefined ? '' : formatCount(m.kept),
    m.accepted === undefined ? '' : formatCount(m.accepted),
    m.error ?? '',
  ]);
  const count = (s: string) => r.months.filter((m) => m.status === s).length;
  return [
    `${r.dryRun ? 'Would fetch' : 'Fetched'} street data for ${r.area.name} (${r.area.code}) from ${r.source} ` +
      `(data updated to ${r.sourceUpdated})`,
    '',
    formatTable(['month', 'status', 'returned', 'in area', 'stored', 'note'], rows, [
      'left',
      'left',
      'right',
      'right',
      'right',
    ]),
    '',
    `${count('fetched')} fetched, ${count('would-fetch')} to fetch, ${count('present')} already present, ` +
      `${count('unavailable')} not published by the source (left missing: unknown, not zero), ${count('refused')} refused; ` +
      `${requests} requests.`,
    ...r.notes,
  ].join('\n');
}
