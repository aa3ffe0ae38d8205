/**
 * The infographic is read on its own (printed, or posted as the social card), by residents and
 * councillors who are not analysts: where it says a change is "significant" or "not significant",
 * it says what that means, in words that fit its footer whole. (QA: the public Three Rivers 2025
 * infographic said "significant rise" five times and "significant fall" three, and nowhere what
 * significant means; a resident reads it as "large".)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { infographicSvg } from '../../src/report/infographic.js';
import { infographicData, SIGNIFICANT_MEANS } from '../../src/report/infographic-data.js';
import { demoStoreCopy } from '../helpers/demo-store.js';
import { tempDir } from '../helpers/temp.js';
import { threeRiversData } from '../helpers/three-rivers-report.js';
import { all, parseXml } from '../charts/xml.js';

const dir = tempDir();
let db: string;
beforeAll(() => {
  db = demoStoreCopy(dir.path);
});
afterAll(() => dir.remove());

/** The words of the page, its wrapped lines joined. */
function words(svg: string): string {
  return all(parseXml(svg), 'text')
    .map((t) => t.text)
    .join(' ')
    .replace(/\s+/gu, ' ');
}

describe('the infographic says what "significant" means', () => {
  for (const audience of ['public', 'partner'] as const) {
    it(`${audience}: wherever it calls a change significant, in both formats, uncut`, async () => {
      const data = infographicData(await threeRiversData(db, audience));
      for (const format of ['a4', 'social'] as const) {
        const text = words(infographicSvg(data, format));
        expect(text, format).toMatch(/significant (rise|fall)/u);
        expect(text, format).toContain(SIGNIFICANT_MEANS);
        expect(text, format).not.toContain('…');
      }
    });
  }

  it('says nothing of it where no change is given (a period with no earlier one held)', async () => {
    const data = infographicData(
      await threeRiversData(db, 'partner', { period: { from: '2018-10', to: '2019-02' } }),
    );
    expect(data.caveats).not.toContain(SIGNIFICANT_MEANS);
  });
});

describe('the infographic names its survey in words', () => {
  it('says "British Crime Survey" or "Crime Survey for England and Wales", not BCS or CSEW', async () => {
    const data = infographicData(await threeRiversData(db, 'public'));
    expect(data.hiddenFigure).toMatch(/(British Crime Survey|Crime Survey for England and Wales)/u);
    expect(data.hiddenFigure).not.toMatch(/\b(BCS|CSEW)\b/u);
    for (const format of ['a4', 'social'] as const) {
      const text = words(infographicSvg(data, format));
      expect(text, format).not.toMatch(/\b(BCS|CSEW)\b/u);
      expect(text, format).not.toContain('…');
    }
  });
});
