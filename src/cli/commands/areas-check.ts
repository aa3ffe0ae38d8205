/** `lantern areas check`: LSOA codes in the records that the area register does not hold. */
import { unlistedLsoaCodes } from '../../store/register-check.js';
import { printJson, withStore, type CommandContext } from '../context.js';
import { formatCount, formatTable } from '../../commands/table.js';

export async function runAreasCheck(ctx: CommandContext): Promise<number> {
  const unlisted = await withStore(ctx, (db) => unlistedLsoaCodes(db), { mustExist: true });
  const byName = unlisted.filter((u) => u.district !== null);
  const unplaced = unlisted.filter((u) => u.district === null);
  if (ctx.json) {
    printJson(ctx, {
      unlistedLsoas: unlisted,
      placedByName: byName.length,
      notPlaced: unplaced.length,
    });
    return 0;
  }
  if (unlisted.length === 0) {
    ctx.out('Every LSOA code in the store is in the area register.');
    return 0;
  }
  const rows = unlisted.map((u) => [
    u.code,
    u.name ?? '',
    formatCount(u.records),
    u.district ? `${u.district.name} (${u.district.code}), by name` : 'not placed',
  ]);
  ctx.out(
    formatTable(['LSOA code', 'LSOA name', 'records', 'district'], rows, ['left', 'left', 'right']),
  );
  ctx.out(
    `\n${unlisted.length} LSOA code(s) are not in the register (2011 LSOAs, 2019 wards and districts): ` +
      `${byName.length} placed by the district in their LSOA name, ${unplaced.length} not placed ` +
      `(their district is newer than the register). Their records are kept and counted.`,
  );
  return 0;
}
