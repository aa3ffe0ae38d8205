/**
 * The five broad ethnic groups of the Census (England and Wales, 2011 and 2021), and how police.uk
 * stop-and-search records' ethnicity falls into them. Self-defined ethnicity uses the Census's own
 * 2011 categories ("Black/African/Caribbean/Black British - African"), so its prefix names the
 * group; officer-defined ethnicity is one of White, Black, Asian, Other (and Mixed in some files).
 * An empty or "Not stated" value falls in no group: such searches are counted, never guessed.
 */

export const ETHNIC_GROUPS = ['White', 'Mixed', 'Asian', 'Black', 'Other'] as const;
export type EthnicGroup = (typeof ETHNIC_GROUPS)[number];

/** The broad group of a self- or officer-defined ethnicity, or null when not stated. */
export function ethnicGroupOf(value: string | null): EthnicGroup | null {
  if (value === null) return null;
  const v = value.trim().toLowerCase();
  if (v === '' || /not stated/u.test(v)) return null;
  if (v.startsWith('white')) return 'White';
  if (v.startsWith('mixed')) return 'Mixed';
  if (v.startsWith('asian')) return 'Asian';
  if (v.startsWith('black')) return 'Black';
  if (v.startsWith('other') || v.startsWith('arab')) return 'Other';
  return null;
}
