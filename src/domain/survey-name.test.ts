import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import { surveyInWords } from './survey-name.js';

describe('surveyInWords(survey): the survey named for a resident', () => {
  it('spells out the two surveys the reporting rates come from', () => {
    expect(surveyInWords('BCS 2009/10')).toBe('British Crime Survey 2009/10');
    expect(surveyInWords('CSEW year ending March 2017')).toBe(
      'Crime Survey for England and Wales year ending March 2017',
    );
    expect(surveyInWords('BCS 2009/10, reporting rates for the comparable subset of crimes')).toBe(
      'British Crime Survey 2009/10, reporting rates for the comparable subset of crimes',
    );
  });

  it('leaves words that only contain the letters alone', () => {
    expect(surveyInWords('ABCS survey; CSEWS')).toBe('ABCS survey; CSEWS');
    expect(surveyInWords('none found')).toBe('none found');
  });

  it('leaves no abbreviation in any survey the bundled settings name', () => {
    const surveys = [
      ...readFileSync(
        new URL('../../config/reporting-rates.yaml', import.meta.url),
        'utf8',
      ).matchAll(/^\s+(?:survey|table): (.*)$/gmu),
    ].map((m) => m[1] as string);
    expect(surveys.length).toBeGreaterThan(5);
    for (const s of surveys) expect(surveyInWords(s)).not.toMatch(/\b(BCS|CSEW)\b/u);
  });
});
