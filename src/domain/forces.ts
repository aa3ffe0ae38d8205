/**
 * The police forces that publish on police.uk: the id used in file names and the API, the name
 * their CSV rows carry in "Reported by" / "Falls within", and the ONS Police Force Area
 * (PFA19) that ties a force to the area register. Source: data.police.uk `forces`;
 * ONS PFA19 codes from the bundled lookup (data/lookups/194.csv.gz).
 * BTP and PSNI publish on police.uk but have no PFA in the England and Wales lookups.
 */

export interface Force {
  id: string;
  name: string;
  pfaCode: string | null;
}

export const FORCES: readonly Force[] = [
  { id: 'avon-and-somerset', name: 'Avon and Somerset Constabulary', pfaCode: 'E23000036' },
  { id: 'bedfordshire', name: 'Bedfordshire Police', pfaCode: 'E23000026' },
  { id: 'cambridgeshire', name: 'Cambridgeshire Constabulary', pfaCode: 'E23000023' },
  { id: 'cheshire', name: 'Cheshire Constabulary', pfaCode: 'E23000006' },
  { id: 'city-of-london', name: 'City of London Police', pfaCode: 'E23000034' },
  { id: 'cleveland', name: 'Cleveland Police', pfaCode: 'E23000013' },
  { id: 'cumbria', name: 'Cumbria Constabulary', pfaCode: 'E23000002' },
  { id: 'derbyshire', name: 'Derbyshire Constabulary', pfaCode: 'E23000018' },
  { id: 'devon-and-cornwall', name: 'Devon & Cornwall Police', pfaCode: 'E23000035' },
  { id: 'dorset', name: 'Dorset Police', pfaCode: 'E23000039' },
  { id: 'durham', name: 'Durham Constabulary', pfaCode: 'E23000008' },
  { id: 'dyfed-powys', name: 'Dyfed-Powys Police', pfaCode: 'W15000004' },
  { id: 'essex', name: 'Essex Police', pfaCode: 'E23000028' },
  { id: 'gloucestershire', name: 'Gloucestershire Constabulary', pfaCode: 'E23000037' },
  { id: 'greater-manchester', name: 'Greater Manchester Police', pfaCode: 'E23000005' },
  { id: 'gwent', name: 'Gwent Police', pfaCode: 'W15000002' },
  { id: 'hampshire', name: 'Hampshire Constabulary', pfaCode: 'E23000030' },
  { id: 'hertfordshire', name: 'Hertfordshire Constabulary', pfaCode: 'E23000027' },
  { id: 'humberside', name: 'Humberside Police', pfaCode: 'E23000012' },
  { id: 'kent', name: 'Kent Police', pfaCode: 'E23000032' },
  { id: 'lancashire', name: 'Lancashire Constabulary', pfaCode: 'E23000003' },
  { id: 'leicestershire', name: 'Leicestershire Police', pfaCode: 'E23000021' },
  { id: 'lincolnshire', name: 'Lincolnshire Police', pfaCode: 'E23000020' },
  { id: 'merseyside', name: 'Merseyside Police', pfaCode: 'E23000004' },
  { id: 'metropolitan', name: 'Metropolitan Police Service', pfaCode: 'E23000001' },
  { id: 'norfolk', name: 'Norfolk Constabulary', pfaCode: 'E23000024' },
  { id: 'north-wales', name: 'North Wales Police', pfaCode: 'W15000001' },
  { id: 'north-yorkshire', name: 'North Yorkshire Police', pfaCode: 'E23000009' },
  { id: 'northamptonshire', name: 'Northamptonshire Police', pfaCode: 'E23000022' },
  { id: 'northumbria', name: 'Northumbria Police', pfaCode: 'E23000007' },
  { id: 'nottinghamshire', name: 'Nottinghamshire Police', pfaCode: 'E23000019' },
  { id: 'south-wales', name: 'South Wales Police', pfaCode: 'W15000003' },
  { id: 'south-yorkshire', name: 'South Yorkshire Police', pfaCode: 'E23000011' },
  { id: 'staffordshire', name: 'Staffordshire Police', pfaCode: 'E23000015' },
  { id: 'suffolk', name: 'Suffolk Constabulary', pfaCode: 'E23000025' },
  { id: 'surrey', name: 'Surrey Police', pfaCode: 'E23000031' },
  { id: 'sussex', name: 'Sussex Police', pfaCode: 'E23000033' },
  { id: 'thames-valley', name: 'Thames Valley Police', pfaCode: 'E23000029' },
  { id: 'warwickshire', name: 'Warwickshire Police', pfaCode: 'E23000017' },
  { id: 'west-mercia', name: 'West Mercia Police', pfaCode: 'E23000016' },
  { id: 'west-midlands', name: 'West Midlands Police', pfaCode: 'E23000014' },
  { id: 'west-yorkshire', name: 'West Yorkshire Police', pfaCode: 'E23000010' },
  { id: 'wiltshire', name: 'Wiltshire Police', pfaCode: 'E23000038' },
  { id: 'btp', name: 'British Transport Police', pfaCode: null },
  { id: 'northern-ireland', name: 'Police Service of Northern Ireland', pfaCode: null },
];

const BY_ID = new Map(FORCES.map((f) => [f.id, f]));
const BY_NAME = new Map(FORCES.map((f) => [f.name.toLowerCase(), f]));

export function forceById(id: string): Force | undefined {
  return BY_ID.get(id);
}

/**
 * The force id for a "Reported by" / "Falls within" name, or null when the name is not of a
 * force that publishes on police.uk. A name written a little otherwise than the table's ("Devon
 * and Cornwall Police") is known by the id police.uk would make of it: lower case, words joined
 * by '-', "&" as "and", without the trailing "Police" / "Constabulary" / "Police Service".
 */
export function forceIdFromName(name: string): string | null {
  const known = BY_NAME.get(name.trim().toLowerCase());
  if (known) return known.id;
  const id = name
    .trim()
    .toLowerCase()
    .replace(/\s+(constabulary|police service|police)$/u, '')
    .replace(/&/g, 'and')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return BY_ID.has(id) ? id : null;
}

/** The forces' ids, for "did you mean". */
export const forceIds = (): string[] => FORCES.map((f) => f.id);

/** The forces' names as their rows carry them, for "did you mean". */
export const forceNames = (): string[] => FORCES.map((f) => f.name);

/** What a report calls a force's area: "county" only where that is what it is. */
export type ForceAreaWord = 'county' | 'force area';

/**
 * The Police Force Areas (PFA19 codes) that are one county or are named for one: the English
 * shire counties, by the ONS name of the area. Hampshire
 * (with the Isle of Wight), Leicestershire (with Rutland), Lincolnshire and Durham (each without a
 * part policed by a neighbour) and Sussex (East and West) are named for their county. Not here:
 * the metropolitan forces (the Metropolitan Police, the City of London, Greater Manchester,
 * Merseyside, Northumbria, the West Midlands, South and West Yorkshire), forces of several counties
 * (Avon and Somerset, Devon & Cornwall, Dyfed-Powys, Thames Valley, West Mercia, North and South
 * Wales) and those named for counties abolished in 1996 (Cleveland, Humberside, and Gwent: a preserved county for ceremonial use only,
 * whose districts, Newport among them, are not "in the county" to their residents).
 */
const COUNTY_FORCE_AREAS: ReadonlySet<string> = new Set([
  'E23000026', // Bedfordshire
  'E23000023', // Cambridgeshire
  'E23000006', // Cheshire
  'E23000002', // Cumbria
  'E23000018', // Derbyshire
  'E23000039', // Dorset
  'E23000008', // Durham
  'E23000028', // Essex
  'E23000037', // Gloucestershire
  'E23000030', // Hampshire
  'E23000027', // Hertfordshire
  'E23000032', // Kent
  'E23000003', // Lancashire
  'E23000021', // Leicestershire
  'E23000020', // Lincolnshire
  'E23000024', // Norfolk
  'E23000009', // North Yorkshire
  'E23000022', // Northamptonshire
  'E23000019', // Nottinghamshire
  'E23000015', // Staffordshire
  'E23000025', // Suffolk
  'E23000031', // Surrey
  'E23000033', // Sussex
  'E23000017', // Warwickshire
  'E23000038', // Wiltshire
]);

/** "county" for a force area that is (or is named for) one county, else "force area". */
export function forceAreaWord(pfaCode: string): ForceAreaWord {
  return COUNTY_FORCE_AREAS.has(pfaCode) ? 'county' : 'force area';
}

/** The PFA codes forceAreaWord calls counties (for its test). */
export const countyForceAreas = (): string[] => [...COUNTY_FORCE_AREAS];
