import { describe, expect, it } from 'vitest';

import { BRIEFING_THEMES, loadBriefingThemes } from './briefing-themes.js';
import { loadReportingRates } from './reporting-rates.js';

describe('briefing themes configuration', () => {
  it('gives every theme its signs with their source, and names reporting rates that exist', async () => {
    const themes = await loadBriefingThemes();
    const rates = new Set((await loadReportingRates()).map((r) => r.key));
    for (const theme of BRIEFING_THEMES) {
      const t = themes[theme];
      expect(t.signs.items.length, theme).toBeGreaterThan(3);
      expect(t.signs.source, theme).toMatch(/https?:\/\/\S+\.\S+/u);
      if (t.reportingRate) expect(rates.has(t.reportingRate), t.reportingRate).toBe(true);
    }
  });
});
