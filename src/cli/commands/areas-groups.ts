/** `lantern areas groups [--config FILE] [--all]`: the peer groups areas are compared within. */
import { listPeerGroups } from '../../usecases/peer-groups.js';
import { printJson, withStore, type CommandContext } from '../context.js';

export async function runAreasGroups(
  ctx: CommandContext,
  args: { config?: string; all: boolean },
): Promise<number> {
  const groups = await withStore(
    ctx,
    (db) => listPeerGroups(db, ctx.scope, { configPath: args.config, all: args.all }),
    { mustExist: true },
  );
  if (ctx.json) {
    printJson(ctx, { groups });
    return 0;
  }
  if (groups.length === 0) {
    ctx.out(
      "No peer groups: import a force's data (or use --all), or add groups to the configuration file.",
    );
    return 0;
  }
  for (const g of groups) {
    ctx.out(
      `${g.name} (${g.origin}, ${g.areas.length} areas)${g.description ? ` — ${g.description}` : ''}`,
    );
    ctx.out(`    ${g.areas.map((a) => `${a.name} (${a.code})`).join(', ')}`);
  }
  return 0;
}
