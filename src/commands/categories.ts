/** `lantern categories`: the categories commands take, police.uk and partner datasets. */
import {
  ALL_CRIME,
  CATEGORY_NAMES,
  CURRENT_CATEGORIES,
  categoryLabel,
} from '../domain/categories.js';
import { DATASETS, datasetCategories } from '../domain/datasets.js';
import { defineCommand } from './definition.js';
import { formatTable } from './table.js';

export interface CategoryListing {
  police: { code: string; name: string }[];
  datasets: { dataset: string; label: string; categories: string[] }[];
}

export const categoriesCommand = defineCommand({
  name: 'categories',
  task: 'Look at an area',
  summary: "The categories commands take: police.uk codes and names, and each partner dataset's",
  description:
    "⟨category⟩ takes a police.uk category by its code, by its name as outputs print it, or by the short label wide tables head it with (ASB, V&SO), in any case; all-crime is every category but anti-social behaviour. With ⟨dataset⟩, it takes that dataset's categories.",
  examples: ['lantern categories'],
  options: {},
  store: 'none',
  run(): Promise<CategoryListing> {
    return Promise.resolve({
      police: [
        ...CURRENT_CATEGORIES.map((code) => ({ code, name: CATEGORY_NAMES[code] })),
        { code: ALL_CRIME, name: categoryLabel(ALL_CRIME) },
      ],
      datasets: DATASETS.map((d) => ({
        dataset: d.name,
        label: d.label,
        categories: datasetCategories(d),
      })),
    });
  },
  text: (list) =>
    [
      'police.uk (⟨category⟩ CODE or NAME):',
      formatTable(
        ['code', 'name'],
        list.police.map((c) => [c.code, c.name]),
      ),
      '',
      'Partner datasets (⟨dataset⟩ NAME ⟨category⟩ C):',
      ...list.datasets.map(
        (d) =>
          `  ${d.dataset} (${d.label}): ${d.categories.length > 0 ? d.categories.join(', ') : '–'}`,
      ),
    ].join('\n'),
});
