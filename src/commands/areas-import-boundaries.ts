/** `lantern areas import-boundaries FILE... --type T --vintage V`: boundaries of any area type. */
import { z } from 'zod';

import { AREA_TYPES } from '../domain/area.js';
import type { BoundaryImportReport } from '../usecases/import-boundaries.js';
import { defineCommand } from './definition.js';
import { option } from './options.js';
import { formatCount } from './table.js';

export const areasImportBoundariesCommand = defineCommand({
  name: 'areas import-boundaries',
  task: 'Get data in',
  summary: 'GeoJSON or TopoJSON boundaries of any area type and vintage',
  description:
    "Boundaries clip hotspot grids to an area and frame its maps. Each feature needs its ONS code in a property (found by its name, or given with ⟨codeProperty⟩); a feature whose code the register (2019 areas) does not know is matched by its area's name (a ward's only in a district where others of the file lie), and those so matched are counted, as their shapes may be of another year. Several files of one type and vintage (one per district, say) are all checked first and stored together: all of them, or none.",
  examples: [
    'lantern areas import-boundaries wards-2019.geojson --type ward --vintage 2019',
    'lantern areas import-boundaries wards-E08000011.json wards-E08000012.json --type ward --vintage 2019',
  ],
  positionals: {
    key: 'files',
    placeholder: 'FILE',
    description: 'the GeoJSON or TopoJSON files',
    schema: z.array(z.string()).min(1, 'name one or more GeoJSON or TopoJSON files'),
  },
  options: {
    type: {
      ...option.choice('the type of area the boundaries are of', AREA_TYPES),
      schema: option.choice('', AREA_TYPES).schema.refine((v) => v !== undefined, 'is required'),
    },
    vintage: option.requiredText('the year of the boundaries (e.g. 2011, 2021)', 'YYYY'),
    codeProperty: option.text("the property holding each feature's ONS code", 'NAME'),
    source: option.text('where the boundaries come from, as outputs will name it', 'TEXT'),
  },
  store: 'existing',
  async run(deps, input) {
    const { importBoundaryFiles } = await import('../usecases/import-boundaries.js');
    const files = await importBoundaryFiles(deps.db, {
      paths: input.files,
      type: input.type as (typeof AREA_TYPES)[number],
      vintage: input.vintage,
      codeProperty: input.codeProperty,
      source: input.source,
    });
    return { files };
  },
  text({ files }: { files: BoundaryImportReport[] }) {
    return files
      .flatMap((report) => [
        `${report.path}: ${formatCount(report.stored)} ${report.type} boundaries (vintage ${report.vintage}, ` +
          `codes from "${report.codeProperty}") stored; ${formatCount(report.skipped)} features skipped.`,
        ...(report.matchedByName > 0 ? [matchedByNameLine(report)] : []),
        ...report.skippedSample.map((s) => `    skipped: ${s}`),
      ])
      .join('\n');
  },
});

/** What a shape matched by name is: said plainly, as its outline may be of another year. */
function matchedByNameLine(r: BoundaryImportReport): string {
  const n = r.matchedByName;
  const they = n === 1 ? 'its shape is' : 'their shapes are';
  return (
    `    matched by name: ${formatCount(n)} of those stored ${n === 1 ? 'has' : 'have'} a code the register (2019 areas) does not know, ` +
    `so ${n === 1 ? 'it was' : 'they were'} stored under the code of the ${r.type} of the same name${r.type === 'ward' ? ' in the same district' : ''}; ` +
    `${they} of ${r.vintage} and may not follow ${n === 1 ? `that ${r.type}'s boundary` : `those ${r.type}s' boundaries`} now (maps say so).`
  );
}
