/**
 * `lantern fetch boundaries --area A [--boundaries-url U] [--config F]`: an area's generalised
 * LSOA, ward and district boundaries from the ONS Open Geography Portal. The portal's address can
 * be changed with --boundaries-url (or LANTERN_ONS_GEOPORTAL), e.g. for a mirror or a test server;
 * its layers with --config (default config/ons-boundary-layers.yaml).
 */
import cliProgress from 'cli-progress';

import { OnsGeoportal } from '../../acquire/ons-geoportal.js';
import { loadBoundaryLayers } from '../../config/boundary-layers.js';
import { InputError } from '../../errors.js';
import {
  fetchBoundaries,
  PORTAL_ATTRIBUTION,
  type BoundaryFetchReport,
} from '../../usecases/fetch-boundaries.js';
import { printJson, withStore, type CommandContext } from '../context.js';
import { formatCount, formatTable } from '../table.js';

export interface FetchBoundariesArgs {
  area?: string;
  boundariesUrl?: string;
  config?: string;
}

/** Missing codes listed in the text; --json gives them all. */
const LISTED = 20;

export async function runFetchBoundaries(
  ctx: CommandContext,
  args: FetchBoundariesArgs,
  env: NodeJS.ProcessEnv,
): Promise<number> {
  if (!args.area)
    throw new InputError('fetch boundaries: give --area A (a district, CSP or force)');
  const layers = await loadBoundaryLayers(args.config);
  const portal = new OnsGeoportal({ baseUrl: args.boundariesUrl ?? env.LANTERN_ONS_GEOPORTAL });
  const bar =
    ctx.interactive && !ctx.json
      ? new cliProgress.SingleBar(
          { format: 'fetching {type} boundaries [{bar}] {value}/{total}', clearOnComplete: true },
          cliProgress.Presets.shades_classic,
        )
      : null;
  let current = '';
  const report = await withStore(ctx, (db) =>
    fetchBoundaries(db, ctx.scope, portal, {
      area: args.area as string,
      layers,
      onProgress: (e) => {
        if (!bar) return;
        if (e.type !== current) {
          if (current !== '') bar.stop();
          bar.start(e.total, 0, { type: e.type });
          current = e.type;
        }
        bar.update(e.done);
      },
    }),
  ).finally(() => bar?.stop());
  if (ctx.json) printJson(ctx, report);
  else ctx.out(formatBoundaryFetch(report));
  // Nothing at all from the portal for an area that has codes: the source failed to serve it.
  const asked = report.layers.reduce((n, l) => n + l.asked, 0);
  const fetched = report.layers.reduce((n, l) => n + l.fetched, 0);
  return asked > 0 && fetched === 0 ? 1 : 0;
}

const TYPE_NAME = { lsoa: 'LSOA', ward: 'ward', district: 'district' } as const;

function formatBoundaryFetch(r: BoundaryFetchReport): string {
  const rows = r.layers.map((l) => [
    TYPE_NAME[l.type],
    l.vintage,
    formatCount(l.asked),
    formatCount(l.fetched),
    formatCount(l.missing.length),
  ]);
  const lines = [
    `Boundaries for ${r.area.name} (${r.area.code}) from the ONS Open Geography Portal (${r.source})`,
    '',
    formatTable(['type', 'vintage', 'in the register', 'fetched', 'not on the portal'], rows, [
      'left',
      'left',
      'right',
      'right',
      'right',
    ]),
  ];
  for (const l of r.layers.filter((x) => x.missing.length > 0)) {
    const more = l.missing.length - LISTED;
    lines.push(
      '',
      `${TYPE_NAME[l.type]} codes the portal's layer lacks (${l.title}), left without a boundary: ` +
        l.missing.slice(0, LISTED).join(', ') +
        (more > 0 ? ` … and ${formatCount(more)} more (--json lists them all)` : ''),
    );
  }
  const stored = r.layers.reduce((n, l) => n + l.fetched, 0);
  lines.push(
    '',
    `${formatCount(stored)} boundaries stored (replacing those held for the same areas and vintage); ` +
      `${formatCount(r.requests)} requests.`,
    ...r.notes,
    PORTAL_ATTRIBUTION + '.',
  );
  return lines.join('\n');
}
