/** `lantern datasets`: the partner datasets, their fields, and what the store holds. */
import type { DatasetListing } from '../usecases/list-datasets.js';
import { defineCommand } from './definition.js';
import { formatCount, formatTable } from './table.js';

export const datasetsCommand = defineCommand({
  name: 'datasets',
  task: 'Get data in',
  summary:
    'The partner datasets: their fields (required, personal), sensitivity, and what the store holds',
  examples: ['lantern datasets'],
  options: {},
  store: 'read',
  async run(deps) {
    const { listDatasets } = await import('../usecases/list-datasets.js');
    return listDatasets(deps.db, deps.scope);
  },
  text: formatDatasets,
  json: (list) => ({
    datasets: list.map(({ caveats, ...d }) => ({ ...d, caveats: [...caveats] })),
  }),
});

function formatDatasets(list: DatasetListing[]): string {
  const rows = list.map((d) => [
    d.name,
    d.detail,
    d.sensitivity,
    d.held ? formatCount(d.held.rows) : '–',
    d.held ? `${d.held.from}..${d.held.to}` : '–',
    !d.held?.synthetic
      ? ''
      : d.held.syntheticDistricts.length < d.held.districts.length
        ? `SYNTHETIC in ${d.held.syntheticDistricts.length} of ${d.held.districts.length} districts`
        : 'SYNTHETIC',
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
  return [
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
  ].join('\n');
}
