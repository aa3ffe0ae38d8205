/**
 * The partner dataset registry: for each dataset a partnership shares with Lantern, its schema
 * (fields, types, which are required, which are personal), its sensitivity (who may see it) and its
 * level of detail (incident-level, or aggregate counts by area × month × category).
 *
 * Personal fields never land in the store in clear: `drop` fields are read (so a file may carry
 * them) and thrown away; `hash` fields are replaced by a keyed hash (HMAC-SHA-256 with a key kept
 * outside the database), which links repeat records without revealing them.
 *
 * Categories follow the publishers' own: DEFRA's fly-tipping land types, waste types and sizes
 * (shared reference domain-notes §5.3), the five centrally monitored hate crime strands (§5.1),
 * Prevent's types of concern, referring sectors and stages (§5.2).
 */

export type Sensitivity = 'public' | 'partner' | 'restricted';
export type Detail = 'incident' | 'aggregate' | 'survey';

export type FieldType =
  | 'date' // YYYY-MM-DD (or DD/MM/YYYY): the day of an incident
  | 'month' // YYYY-MM (or a date, of which the month is kept)
  | 'area' // an ONS code or a name of an area in the register (LSOA, ward, district, …)
  | 'longitude'
  | 'latitude'
  | 'enum' // one of `values`
  | 'enum-list' // one or more of `values`, separated by ; , or |
  | 'integer' // a count: a whole number ≥ 0
  | 'share' // a proportion: 0..1, or a percentage: "37%", or a number above 1 ("37")
  | 'text';

export interface DatasetField {
  name: string;
  type: FieldType;
  required: boolean;
  /** Allowed values (enum, enum-list), as stored: lower-case slugs. */
  values?: readonly string[];
  /** Personal data: dropped on import, or replaced by a keyed hash. */
  personal?: 'drop' | 'hash';
  description: string;
}

export interface DatasetDefinition {
  name: string;
  label: string;
  sensitivity: Sensitivity;
  detail: Detail;
  fields: readonly DatasetField[];
  /**
   * The field whose value is a record's category for trends (incident-level), or the count
   * columns that are its categories (aggregate: each named field is one category's count).
   */
  categoryField?: string;
  countFields?: readonly string[];
  /** What an offence or incident counted under several categories means for totals. */
  caveats: readonly string[];
}

// DEFRA fly-tipping categories (domain-notes §5.3), as slugs of DEFRA's column names.
export const FLY_TIPPING_LAND_TYPES = [
  'highway',
  'footpath-bridleway',
  'back-alleyway',
  'railway',
  'council-land',
  'agricultural',
  'private-residential',
  'commercial-industrial',
  'watercourse-bank',
  'other',
] as const;

export const FLY_TIPPING_WASTE_TYPES = [
  'animal-carcass',
  'green',
  'vehicle-parts',
  'white-goods',
  'other-electrical',
  'tyres',
  'asbestos',
  'clinical',
  'construction-demolition-excavation',
  'black-bags-commercial',
  'black-bags-household',
  'chemical-drums-oil-fuel',
  'other-household',
  'other-commercial',
  'other',
] as const;

export const FLY_TIPPING_SIZES = [
  'single-black-bag',
  'single-item',
  'car-boot-or-less',
  'small-van-load',
  'transit-van-load',
  'tipper-lorry-load',
  'significant-multi-loads',
] as const;

export const FLY_TIPPING_ACTIONS = [
  'none',
  'investigation',
  'warning-letter',
  'fixed-penalty-notice',
  'prosecution',
  'other',
] as const;

export const HATE_CRIME_STRANDS = [
  'race',
  'religion',
  'sexual-orientation',
  'disability',
  'transgender-identity',
] as const;

export const PREVENT_CONCERNS = [
  'islamist',
  'extreme-right-wing',
  'left-wing',
  'northern-ireland',
  'mixed-unclear-unstable',
  'other',
] as const;

export const PREVENT_SECTORS = [
  'education',
  'police',
  'local-authority',
  'health',
  'community',
  'other',
] as const;

export const PREVENT_STAGES = ['referral', 'panel', 'channel'] as const;

const where: readonly DatasetField[] = [
  {
    name: 'area',
    type: 'area',
    required: false,
    description: 'ONS code or name of the LSOA, ward or district (or --area for the whole file)',
  },
  { name: 'longitude', type: 'longitude', required: false, description: 'WGS84 longitude' },
  { name: 'latitude', type: 'latitude', required: false, description: 'WGS84 latitude' },
];

export const DATASETS: readonly DatasetDefinition[] = [
  {
    name: 'asb-council',
    label: 'Council ASB reports',
    sensitivity: 'partner',
    detail: 'incident',
    categoryField: 'type',
    fields: [
      { name: 'date', type: 'date', required: true, description: 'date of the report' },
      ...where,
      {
        name: 'type',
        type: 'enum',
        required: true,
        values: ['personal', 'nuisance', 'environmental'],
        description: 'the national ASB typology',
      },
      {
        name: 'reference',
        type: 'text',
        required: false,
        personal: 'hash',
        description: 'case reference (kept only as a keyed hash, to count repeats)',
      },
      {
        name: 'description',
        type: 'text',
        required: false,
        personal: 'drop',
        description: 'free text: dropped on import, never stored',
      },
    ],
    caveats: [
      'Council ASB reports are what residents chose to report to the council; many incidents are never reported.',
    ],
  },
  {
    name: 'fly-tipping',
    label: 'Fly-tipping incidents',
    sensitivity: 'public',
    detail: 'incident',
    categoryField: 'waste_type',
    fields: [
      { name: 'date', type: 'date', required: true, description: 'date of the incident' },
      ...where,
      {
        name: 'land_type',
        type: 'enum',
        required: true,
        values: FLY_TIPPING_LAND_TYPES,
        description: 'DEFRA land type',
      },
      {
        name: 'waste_type',
        type: 'enum',
        required: true,
        values: FLY_TIPPING_WASTE_TYPES,
        description: 'DEFRA primary waste type',
      },
      {
        name: 'size',
        type: 'enum',
        required: true,
        values: FLY_TIPPING_SIZES,
        description: 'DEFRA size category',
      },
      {
        name: 'action_taken',
        type: 'enum',
        required: false,
        values: FLY_TIPPING_ACTIONS,
        description: 'enforcement action taken',
      },
    ],
    caveats: [
      'Fly-tipping counts are incidents cleared or recorded by the council; most private-land incidents and large-scale ones handled by the Environment Agency are not included (DEFRA).',
    ],
  },
  {
    name: 'hate-crime',
    label: 'Hate crime offences',
    sensitivity: 'partner',
    detail: 'incident',
    categoryField: 'strands',
    fields: [
      { name: 'date', type: 'date', required: true, description: 'date the offence was recorded' },
      ...where,
      {
        name: 'strands',
        type: 'enum-list',
        required: true,
        values: HATE_CRIME_STRANDS,
        description: 'the monitored strands (one or more)',
      },
      {
        name: 'offence_group',
        type: 'text',
        required: true,
        description: 'offence group, e.g. public order, violence against the person',
      },
      {
        name: 'crime_reference',
        type: 'text',
        required: false,
        personal: 'hash',
        description: 'crime reference (kept only as a keyed hash)',
      },
    ],
    caveats: [
      'One offence may carry more than one strand: strand totals add up to more than the number of offences.',
      'Hate crime is under-reported; a rise in recorded hate crime may reflect better recording and more reporting.',
    ],
  },
  {
    name: 'domestic-abuse',
    label: 'Domestic abuse',
    sensitivity: 'restricted',
    detail: 'aggregate',
    countFields: ['incidents', 'crimes', 'repeat_victims', 'referrals'],
    fields: [
      { name: 'month', type: 'month', required: true, description: 'month' },
      { name: 'area', type: 'area', required: true, description: 'area (district or ward)' },
      { name: 'incidents', type: 'integer', required: true, description: 'incidents recorded' },
      { name: 'crimes', type: 'integer', required: true, description: 'of which crimes' },
      {
        name: 'repeat_victims',
        type: 'integer',
        required: false,
        description: 'victims with a previous incident in the last 12 months',
      },
      {
        name: 'referrals',
        type: 'integer',
        required: false,
        description: 'referrals to support services (e.g. MARAC, IDVA)',
      },
    ],
    caveats: [
      'Domestic abuse is greatly under-reported: fewer than one in five partner-abuse victims tell the police (CSEW).',
    ],
  },
  {
    name: 'prevent',
    label: 'Prevent referrals',
    sensitivity: 'restricted',
    detail: 'aggregate',
    countFields: ['count'],
    categoryField: 'stage',
    fields: [
      { name: 'month', type: 'month', required: true, description: 'month' },
      { name: 'area', type: 'area', required: true, description: 'area (district)' },
      {
        name: 'concern',
        type: 'enum',
        required: true,
        values: PREVENT_CONCERNS,
        description: 'type of concern',
      },
      {
        name: 'sector',
        type: 'enum',
        required: true,
        values: PREVENT_SECTORS,
        description: 'referring sector',
      },
      {
        name: 'stage',
        type: 'enum',
        required: true,
        values: PREVENT_STAGES,
        description: 'referral, discussed at Channel panel, or adopted as a Channel case',
      },
      { name: 'count', type: 'integer', required: true, description: 'number of people' },
    ],
    caveats: [
      'Prevent figures are aggregate only and restricted: small numbers could identify people and are never shown publicly.',
    ],
  },
  {
    name: 'community-concern',
    label: 'Community concern',
    sensitivity: 'partner',
    detail: 'survey',
    fields: [
      { name: 'month', type: 'month', required: true, description: 'month the survey closed' },
      { name: 'area', type: 'area', required: true, description: 'area surveyed' },
      { name: 'issue', type: 'text', required: true, description: 'the issue residents rated' },
      {
        name: 'share_concerned',
        type: 'share',
        required: false,
        description: 'share of respondents concerned (0..1 or a percentage)',
      },
      { name: 'rank', type: 'integer', required: false, description: 'rank among the issues' },
      { name: 'respondents', type: 'integer', required: false, description: 'responses' },
    ],
    caveats: [
      'Survey results say what worries respondents, not how often things happen; small samples are uncertain.',
    ],
  },
];

const BY_NAME = new Map(DATASETS.map((d) => [d.name, d]));

export function findDataset(name: string): DatasetDefinition | undefined {
  return BY_NAME.get(name.trim().toLowerCase());
}

/** A value as a slug: lower case, words joined by hyphens ("Black Bags - Household" → "black-bags-household"). */
export function slug(value: string): string {
  return value
    .trim()
    .toLowerCase()
    .replace(/&/gu, ' and ')
    .replace(/[^a-z0-9]+/gu, '-')
    .replace(/^-+|-+$/gu, '');
}

/** A dataset's categories as commands take them: its category field's values (and "total"). */
export function datasetCategories(dataset: DatasetDefinition): string[] {
  if (dataset.detail === 'aggregate' && !dataset.categoryField)
    return (dataset.countFields ?? []).map((f) => f.replaceAll('_', '-'));
  const field = dataset.fields.find((f) => f.name === dataset.categoryField);
  return [...(field?.values ?? []), ...(dataset.detail === 'incident' ? ['total'] : [])];
}
