/**
 * `lantern fetch --area A --from M --to M [--dry-run]` (the data.police.uk API) and
 * `lantern fetch --force F --archive YYYY-MM` (a monthly archive, streamed); `fetch boundaries`
 * (the ONS Open Geography Portal) is in fetch-boundaries.ts. The source
 * addresses can be changed with --api-url / --archive-url (or LANTERN_POLICE_API and
 * LANTERN_POLICE_ARCHIVE), e.g. for a mirror or a test server.
 */
import cliProgress from 'cli-progress';

import { PoliceApi } from '../../acquire/police-api.js';
import { parseMonth } from '../../domain/month.js';
import { InputError } from '../../errors.js';
import { fetchArchive } from '../../usecases/fetch-archive.js';
import { fetchPoliceData, type FetchReport } from '../../usecases/fetch-police-data.js';
import { printJson, withStore, type CommandContext } from '../context.js';
import { importProgressBar } from '../progress.js';
import { formatCount, formatTable } from '../table.js';
import { formatImportReport } from './import.js';

export interface FetchArgs {
  /** `fetch boundaries`: the ONS Open Geography Portal instead of data.police.uk. */
  sub?: string;
  area?: string;
  from?: string;
  to?: string;
  dryRun: boolean;
  force?: string;
  archive?: string;
  apiUrl?: string;
  archiveUrl?: string;
  boundariesUrl?: string;
  /** fetch boundaries: the portal's layers (default config/ons-boundary-layers.yaml). */
  config?: string;
  /** fetch --archive: let a file replace a month with far fewer rows than held. */
  replace?: boolean;
}

export async function runFetch(
  ctx: CommandContext,
  args: FetchArgs,
  env: NodeJS.ProcessEnv,
): Promise<number> {
  if (args.sub === 'boundaries')
    return (await import('./fetch-boundaries.js')).runFetchBoundaries(ctx, args, env);
  if (args.sub !== undefined)
    throw new InputError(
      `fetch: unknown "${args.sub}" (did you mean 'fetch boundaries --area A'?)`,
    );
  if (args.archive !== undefined) return runArchiveFetch(ctx, args, env);
  if (!args.area)
    throw new InputError(
      'fetch: give --area A --from YYYY-MM --to YYYY-MM, or --force F --archive YYYY-MM',
    );
  if (!args.from || !args.to) throw new InputError('fetch: --from and --to are required (YYYY-MM)');
  const period = { from: parseMonth(args.from, '--from'), to: parseMonth(args.to, '--to') };
  if (period.from > period.to) throw new InputError('fetch: --from is after --to');
  const api = new PoliceApi({ baseUrl: args.apiUrl ?? env.LANTERN_POLICE_API });
  const bar =
    ctx.interactive && !ctx.json
      ? new cliProgress.SingleBar(
          { format: 'fetching [{bar}] {value}/{total} months  {month}', clearOnComplete: true },
          cliProgress.Presets.shades_classic,
        )
      : null;
  const report = await withStore(ctx, (db) =>
    fetchPoliceData(db, ctx.scope, api, {
      area: args.area as string,
      period,
      dryRun: args.dryRun,
      onProgress: (e) => {
        if (e.phase === 'plan' && !args.dryRun) bar?.start(e.toFetch, 0, { month: '' });
        if (e.phase === 'month' && e.status !== 'present' && e.status !== 'unavailable')
          bar?.increment(1, { month: e.month });
      },
    }),
  ).finally(() => bar?.stop());
  if (ctx.json) printJson(ctx, { ...report, requests: api.requests });
  else ctx.out(formatFetchReport(report, api.requests));
  return report.months.some((m) => m.status === 'refused') ? 2 : 0;
}

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

async function runArchiveFetch(
  ctx: CommandContext,
  args: FetchArgs,
  env: NodeJS.ProcessEnv,
): Promise<number> {
  if (!args.force)
    throw new InputError('fetch --archive: --force is required (e.g. hertfordshire)');
  const bar =
    ctx.interactive && !ctx.json
      ? new cliProgress.SingleBar(
          { format: 'downloading [{bar}] {percentage}%', clearOnComplete: true },
          cliProgress.Presets.shades_classic,
        )
      : null;
  let started = false;
  const importBar = importProgressBar(ctx.interactive && !ctx.json);
  const report = await withStore(ctx, (db) =>
    fetchArchive(db, {
      force: args.force as string,
      month: args.archive as string,
      archiveUrl: args.archiveUrl ?? env.LANTERN_POLICE_ARCHIVE,
      onDownload: (p) => {
        if (!bar || p.total === null) return;
        if (!started) bar.start(p.total, 0);
        started = true;
        bar.update(p.received);
      },
      importOptions: { onProgress: importBar.onProgress, replace: args.replace },
    }).finally(() => {
      bar?.stop();
      importBar.stop();
    }),
  );
  if (ctx.json) printJson(ctx, report);
  else
    ctx.out(
      `${report.url}: ${report.entriesInArchive} entries read, ${report.files.length} of force ${report.force}\n` +
        formatImportReport(report),
    );
  return report.files.some((f) => f.status === 'refused') ? 2 : 0;
}
