/** `lantern datasets`: the partner datasets, their fields, and what the store holds. */
import { listDatasets } from '../../usecases/list-datasets.js';
import { printJson, withStore, type CommandContext } from '../context.js';
import { formatCount, formatTable } from '../../commands/table.js';

export async function runDatasets(ctx: CommandContext): Promise<number> {
  const list = await withStore(ctx, (db) => listDatasets(db, ctx.scope), { mustExist: true });
  if (ctx.json) {
    printJson(ctx, {
      datasets: list.map(({ caveats, ...d }) => ({ ...d, caveats: [...caveats] })),
    });
    return 0;
  }
  const rows = list.map((d) => [
    d.name,
    d.detail,
    d.sensitivity,
    d.held ? formatCount(d.held.rows) : '–',
    d.held ? `${d.held.from}..${d.held.to}` : '–',
    d.held?.synthetic ? 'SYNTHETIC' : '',
  ]);
  const fields = list.map(
    (d) =>
      `  ${d.name}: ` +
      d.fields
        .map(
          (f) =>
            `${f.name}${f.required ? '' : '?'} (${f.type}${f.personal ? `, personal: ${f.personal === 'drop' ? 'dropped' : 'keyed hash'}` : ''})`,
        )
        .join(', '),
  );
  ctx.out(
    [
      formatTable(['dataset', 'detail', 'sensitivity', 'rows held', 'months', ''], rows, [
        'left',
        'left',
        'left',
        'right',
        'left',
        'left',
      ]),
      '',
      'Fields (? optional):',
      ...fields,
      '',
      'Import with: lantern import --dataset NAME FILE [--mapping M.yaml] [--area A] [--period P]',
    ].join('\n'),
  );
  return 0;
}
