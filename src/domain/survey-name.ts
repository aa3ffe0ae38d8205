/**
 * A survey as a resident reads it: the reporting-rate settings name their surveys as analysts do
 * ("BCS 2009/10", "CSEW year ending March 2017"), which a reader of the public page, the
 * infographic or a briefing pack cannot look up. Outputs for them name the survey in words.
 */
const NAMES: readonly (readonly [RegExp, string])[] = [
  [/\bBCS\b/gu, 'British Crime Survey'],
  [/\bCSEW\b/gu, 'Crime Survey for England and Wales'],
];

/** "BCS 2009/10" → "British Crime Survey 2009/10"; text without an abbreviation unchanged. */
export function surveyInWords(text: string): string {
  return NAMES.reduce((out, [abbreviation, name]) => out.replace(abbreviation, name), text);
}
