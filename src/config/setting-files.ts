/**
 * The partnership's settings files: what each is and where its default is (relative to the
 * package). Kept apart from the loaders so that listing options (help, docs) loads no parser.
 */
/** The settings an assessment is made with (`assess`, and `report` behind it). */
export const ASSESSMENT_SETTINGS = [
  'riskMatrix',
  'tacticalOptions',
  'policeCrimePlan',
  'harmWeights',
  'reportingRates',
  'discontinuities',
] as const;

/** Every setting. */
export const SETTING_NAMES = [
  ...ASSESSMENT_SETTINGS,
  'reportSettings',
  'peerGroups',
  'disclosure',
] as const;

export type SettingName = (typeof SETTING_NAMES)[number];

/** What each setting is, for its option's help, and the file used when none is given. */
export const SETTING_FILES: Record<SettingName, { describe: string; defaultFile: string }> = {
  riskMatrix: {
    describe: 'the risk matrix: scales, thresholds and bands',
    defaultFile: 'config/risk-matrix.yaml',
  },
  tacticalOptions: {
    describe: 'the tactical options offered for High priorities',
    defaultFile: 'config/tactical-options.yaml',
  },
  policeCrimePlan: {
    describe: "the Police and Crime Plan's objectives",
    defaultFile: 'config/police-crime-plan.yaml',
  },
  harmWeights: {
    describe: 'the harm weight of each category (Cambridge Crime Harm Index style)',
    defaultFile: 'config/harm-weights.yaml',
  },
  reportingRates: {
    describe: 'survey reporting rates, each with its year and source',
    defaultFile: 'config/reporting-rates.yaml',
  },
  discontinuities: {
    describe: 'known breaks in the series (recording changes, lockdowns)',
    defaultFile: 'config/discontinuities.yaml',
  },
  reportSettings: {
    describe: "the report's contacts and wording",
    defaultFile: 'config/report.yaml',
  },
  peerGroups: {
    describe: 'named peer groups of districts for comparison',
    defaultFile: 'config/peer-groups.yaml',
  },
  disclosure: {
    describe:
      'disclosure control of public output and restricted datasets: the small-number threshold, and the periods public outputs may cover',
    defaultFile: 'config/disclosure.yaml',
  },
};
