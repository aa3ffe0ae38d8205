import { describe, expect, it } from 'vitest';

import { parseMeetingRef } from './meeting-ref.js';

describe('parseMeetingRef', () => {
  it.each([
    ['CSCG 2025-11-12', { name: 'CSCG', date: '2025-11-12' }],
    ['ASBAG 12 November 2025', { name: 'ASBAG', date: '2025-11-12' }],
    ['2025-11-12', { name: null, date: '2025-11-12' }],
    [
      'Community Safety Coordinating Group',
      { name: 'Community Safety Coordinating Group', date: null },
    ],
    ['CSCG – 12/11/2025', { name: 'CSCG', date: '2025-11-12' }],
  ])('%s', (text, want) => {
    expect(parseMeetingRef(text)).toEqual(want);
  });

  it('refuses a date that is none, or one without its year', () => {
    expect(() => parseMeetingRef('CSCG 2025-13-45')).toThrow(/2025-13-45 is not a date/);
    expect(() => parseMeetingRef('CSCG 12 November')).toThrow(/with its year/);
  });
});
