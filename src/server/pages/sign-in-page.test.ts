import { describe, expect, it } from 'vitest';

import { safeNext } from './sign-in-page.js';

describe('where a sign-in goes next', () => {
  it('stays on this server however the address is disguised', () => {
    for (const away of [
      '//evil.example/',
      '/\\evil.example/',
      '/\t/evil.example/',
      '/\n/evil.example/',
      'https://evil.example/',
      'javascript:alert(1)',
      '',
    ])
      expect(safeNext(away), JSON.stringify(away)).toBe('/');
  });

  it('keeps a path of this server, with its query', () => {
    expect(safeNext('/trends?area=Three%20Rivers')).toBe('/trends?area=Three%20Rivers');
    expect(safeNext('/map')).toBe('/map');
  });
});
