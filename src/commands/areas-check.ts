/** `lantern areas check`: LSOA codes in the records that the area register does not hold. */
import type { RegisterCheck } from '../usecases/list-areas.js';
import { defineCommand } from './definition.js';
import { formatCount, formatTable } from './table.js';

export const areasCheckCommand = defineCommand({
  name: 'areas check',
  task: 'Look after the store',
  summary:
    'LSOA codes in the records that the area register does not hold, and how their records were placed',
  description:
    'police.uk files since 2022 use 2021 LSOA codes, and districts created since 2019 are newer than the bundled register: their records are kept and placed by the district in their LSOA name where it can be read.',
  examples: ['lantern areas check'],
  options: {},
  store: 'read',
  async run(deps) {
    const { registerCheck } = await import('../usecases/list-areas.js');
    return registerCheck(deps.db, deps.scope);
  },
  text: formatRegisterCheck,
});

function formatRegisterCheck(check: RegisterCheck): string {
  const unlisted = check.unlistedLsoas;
  const outside = check.outsideAccess
    ? `${check.outsideAccess} LSOA code(s) not in the register are in areas your access does not show in detail, and are not listed.`
    : null;
  if (unlisted.length === 0)
    return outside
      ? `Every LSOA code of the districts you see in detail is in the area register. ${outside}`
      : 'Every LSOA code in the store is in the area register.';
  const rows = unlisted.map((u) => [
    u.code,
    u.name ?? '',
    formatCount(u.records),
    u.district ? `${u.district.name} (${u.district.code}), by name` : 'not placed',
  ]);
  return [
    formatTable(['LSOA code', 'LSOA name', 'records', 'district'], rows, ['left', 'left', 'right']),
    '',
    `${unlisted.length} LSOA code(s) are not in the register (2011 LSOAs, 2019 wards and districts): ` +
      `${check.placedByName} placed by the district in their LSOA name, ${check.notPlaced} not placed ` +
      `(their district is newer than the register). Their records are kept and counted.`,
    ...(outside ? [outside] : []),
  ].join('\n');
}
