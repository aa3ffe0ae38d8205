/** The ten districts of Hertfordshire, the force of the bundled sample, in alphabetical order. */
export const HERTFORDSHIRE_DISTRICTS: readonly string[] = [
  'Broxbourne',
  'Dacorum',
  'East Hertfordshire',
  'Hertsmere',
  'North Hertfordshire',
  'St Albans',
  'Stevenage',
  'Three Rivers',
  'Watford',
  'Welwyn Hatfield',
];
