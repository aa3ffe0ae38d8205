/** The area register's vocabulary: force → CSP → district → ward → LSOA. */

export const AREA_TYPES = ['force', 'csp', 'district', 'ward', 'lsoa'] as const;
export type AreaType = (typeof AREA_TYPES)[number];

/** Each type in words, as a sentence names an area of it ("across a whole LSOA"). */
export const AREA_TYPE_WORDS: Record<AreaType, string> = {
  force: 'force area',
  csp: 'partnership area',
  district: 'district',
  ward: 'ward',
  lsoa: 'LSOA',
};

export function isAreaType(value: string): value is AreaType {
  return (AREA_TYPES as readonly string[]).includes(value);
}

export interface Area {
  code: string;
  name: string;
  type: AreaType;
  parent: string | null;
  vintage: string;
}

export interface Population {
  count: number;
  year: number;
  source: string;
}

/**
 * The district a police.uk LSOA name belongs to: the name without its trailing LSOA suffix
 * ("Three Rivers 011B" → "Three Rivers"). police.uk names every LSOA this way in both vintages.
 */
export function districtNameFromLsoaName(lsoaName: string): string | null {
  const m = /^(.*\S)\s+\d{3}[A-Z]$/u.exec(lsoaName.trim());
  return m?.[1] ?? null;
}
