/** `lantern repeat-locations --area A --period P (--category C | --dataset D [--category C])`. */
import { parsePeriod } from '../../domain/month.js';
import { InputError } from '../../errors.js';
import { repeatLocations } from '../../usecases/repeat-locations.js';
import { printJson, withStore, type CommandContext } from '../context.js';
import { formatCount, formatTable } from '../../commands/table.js';

export async function runRepeatLocations(
  ctx: CommandContext,
  args: { area?: string; period?: string; category?: string; dataset?: string },
): Promise<number> {
  if (!args.area) throw new InputError('repeat-locations: --area is required');
  if (!args.period)
    throw new InputError('repeat-locations: --period is required (YYYY-MM..YYYY-MM)');
  const period = parsePeriod(args.period);
  const r = await withStore(
    ctx,
    (db) =>
      repeatLocations(db, ctx.scope, {
        area: args.area as string,
        period,
        category: args.category,
        dataset: args.dataset,
      }),
    { mustExist: true },
  );
  if (ctx.json) {
    printJson(ctx, r);
    return 0;
  }
  const pct = (v: number) => `${(v * 100).toFixed(1)}%`;
  ctx.out(
    [
      `${r.area.name}, ${r.label}, ${r.period.from}..${r.period.to}: ${formatCount(r.incidents)} incidents at ${formatCount(r.placesWithIncidents)} of ${formatCount(r.places)} places; Gini ${r.gini.toFixed(2)}`,
      '',
      formatTable(
        ['top places', 'places', 'incidents', 'share'],
        r.top.map((t) => [
          `${t.percent}%`,
          formatCount(t.places),
          formatCount(t.incidents),
          pct(t.share),
        ]),
        ['left', 'right', 'right', 'right'],
      ),
      '',
      formatTable(
        ['place', 'incidents', 'share', 'lat, lon'],
        r.topPlaces.map((p) => [
          p.location ?? '(a point)',
          formatCount(p.count),
          pct(p.share),
          `${p.lat.toFixed(5)}, ${p.lon.toFixed(5)}`,
        ]),
        ['left', 'right', 'right', 'left'],
      ),
      '',
      ...r.notes,
    ].join('\n'),
  );
  return 0;
}
