/** `lantern areas [--type T] [--within AREA] [--all]`: the area register with populations and counts. */
import { AREA_TYPES, isAreaType, type AreaType } from '../../domain/area.js';
import { InputError } from '../../errors.js';
import { findArea, listAreas } from '../../store/areas.js';
import { printJson, withStore, type CommandContext } from '../context.js';
import { formatCount, formatTable } from '../../commands/table.js';

export interface AreasArgs {
  type?: string;
  within?: string;
  all: boolean;
}

export async function runAreas(ctx: CommandContext, args: AreasArgs): Promise<number> {
  const type = parseAreaType(args.type) ?? 'district';
  const { areas, within } = await withStore(
    ctx,
    async (db) => {
      const inside = args.within ? await findArea(db, args.within) : null;
      const list = await listAreas(db, ctx.scope, { type, within: inside?.code, all: args.all });
      return { areas: list, within: inside };
    },
    { mustExist: true },
  );
  if (ctx.json) {
    printJson(ctx, {
      type,
      within: within ? { code: within.code, name: within.name } : null,
      areas,
    });
    return 0;
  }
  if (areas.length === 0) {
    ctx.out(
      `No ${type} areas to show. The list covers the forces whose data the store holds; ` +
        'import data first, or use --all for the whole register.',
    );
    return 0;
  }
  const withImd = type === 'lsoa';
  const rows = areas.map((a) => [
    a.code,
    a.name,
    a.population ? formatCount(a.population.count) : '–',
    a.population ? String(a.population.year) : '',
    formatCount(a.crime),
    formatCount(a.asb),
    ...(withImd ? [a.deprivation ? String(a.deprivation.decile) : '–'] : []),
  ]);
  const headers = ['code', 'name', 'population', 'year', 'crimes', 'ASB'];
  ctx.out(
    formatTable(withImd ? [...headers, 'IMD decile'] : headers, rows, [
      'left',
      'left',
      'right',
      'left',
      'right',
      'right',
      'right',
    ]),
  );
  const source = areas.find((a) => a.population)?.population?.source;
  ctx.out(
    `\n${areas.length} ${type} area(s). Crimes exclude anti-social behaviour (ASB), shown apart; counts are all ` +
      'street records in the store placed in the area.' +
      (source ? `\nPopulation: ${source}.` : '') +
      (withImd
        ? '\nIMD decile: English Index of Multiple Deprivation 2019, 1 = most deprived tenth of LSOAs in England.'
        : ''),
  );
  return 0;
}

export function parseAreaType(value: string | undefined): AreaType | undefined {
  if (value === undefined) return undefined;
  if (!isAreaType(value)) {
    throw new InputError(`--type: "${value}" is not an area type (${AREA_TYPES.join(', ')})`);
  }
  return value;
}
