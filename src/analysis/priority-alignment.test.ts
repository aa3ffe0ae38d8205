import { describe, expect, it } from 'vitest';

import { alignWithCounty, alignWithPlan, type RankedIssue } from './priority-alignment.js';

const issue = (key: string, band: RankedIssue['band'], rank: number): RankedIssue => ({
  key,
  label: key.toUpperCase(),
  band,
  rank,
});

describe('alignment with the county', () => {
  const district = [
    issue('burglary', 'High', 1),
    issue('robbery', 'High', 2),
    issue('county-lines', 'High', 3),
    issue('shoplifting', 'Medium', 4),
    issue('drugs', 'Low', 5),
  ];
  const county = [
    issue('shoplifting', 'High', 1),
    issue('burglary', 'High', 2),
    issue('robbery', 'Low', 3),
    issue('other-theft', 'High', 4),
    issue('drugs', 'Low', 5),
  ];

  it('says of each district High priority whether the county matches, differs or lacks it', () => {
    const a = alignWithCounty(district, county);
    expect(a.district.map((d) => [d.key, d.status, d.county])).toEqual([
      ['burglary', 'matches', 'High'],
      ['robbery', 'differs', 'Low'],
      ['county-lines', 'absent', null],
    ]);
  });

  it('lists the county High priorities the district does not band High, with its band', () => {
    expect(alignWithCounty(district, county).countyOnly).toEqual([
      { key: 'shoplifting', label: 'SHOPLIFTING', countyRank: 1, district: 'Medium' },
      { key: 'other-theft', label: 'OTHER-THEFT', countyRank: 4, district: null },
    ]);
  });

  it('has nothing to say when neither has a High priority', () => {
    expect(alignWithCounty([issue('a', 'Low', 1)], [issue('a', 'Medium', 1)])).toEqual({
      district: [],
      countyOnly: [],
    });
  });
});

describe('alignment with the Police and Crime Plan', () => {
  it('maps each objective to the issues it covers and the High ones, and lists High issues no objective covers', () => {
    const issues = [
      issue('burglary', 'High', 1),
      issue('fly-tipping', 'High', 2),
      issue('vehicle-crime', 'Low', 3),
    ];
    const a = alignWithPlan(issues, [
      {
        id: 'neighbourhood',
        title: 'Neighbourhood crime',
        issues: ['burglary', 'vehicle-crime', 'robbery'],
      },
      { id: 'violence', title: 'Violence', issues: ['violent-crime'] },
    ]);
    expect(a.objectives).toEqual([
      {
        id: 'neighbourhood',
        title: 'Neighbourhood crime',
        high: ['burglary'],
        covered: ['burglary', 'vehicle-crime'],
      },
      { id: 'violence', title: 'Violence', high: [], covered: [] },
    ]);
    expect(a.unmapped).toEqual(['fly-tipping']);
  });
});
