/** The read endpoints' answers kept per generation of the store, forgotten when an import ends. */
import { gunzipSync } from 'node:zlib';

import { describe, expect, it } from 'vitest';

import { FULL_SCOPE } from '../domain/scope.js';
import { DocumentCache, requestKey } from './document-cache.js';

const bytes = (s: string) => new TextEncoder().encode(s) as Uint8Array<ArrayBuffer>;
const NOW = new Date('2026-01-30T12:00:00Z');
const text = (b: { json: Uint8Array } | undefined) =>
  b === undefined ? undefined : new TextDecoder().decode(b.json);

describe('DocumentCache', () => {
  it('serves what was kept until the store changes, then nothing', () => {
    const cache = new DocumentCache();
    cache.keep('a', bytes('{"n":1}'), cache.current);
    expect(text(cache.get('a'))).toBe('{"n":1}');
    cache.changed();
    expect(cache.get('a')).toBeUndefined();
  });

  it('does not keep an answer begun before the store changed (made from the old store)', () => {
    const cache = new DocumentCache();
    const begun = cache.current;
    cache.changed(); // an import ended while the answer was being made
    cache.keep('a', bytes('{"old":true}'), begun);
    expect(cache.get('a')).toBeUndefined();
  });

  it('makes a document once per key until the store changes, and not a failed one', async () => {
    const cache = new DocumentCache();
    let made = 0;
    const make = () => Promise.resolve({ n: ++made });
    expect(await cache.once('k', make)).toEqual({ n: 1 });
    expect(await cache.once('k', make)).toEqual({ n: 1 });
    expect(Object.isFrozen(await cache.once('k', make))).toBe(true);
    cache.changed();
    expect(await cache.once('k', make)).toEqual({ n: 2 });
    await expect(cache.once('bad', () => Promise.reject(new Error('no')))).rejects.toThrow('no');
    expect(await cache.once('bad', make)).toEqual({ n: 3 });
  });

  it('keeps at most 256 answers, forgetting the least recently used', () => {
    const cache = new DocumentCache();
    for (let i = 0; i < 256; i++) cache.keep(`k${i}`, bytes(String(i)), cache.current);
    expect(text(cache.get('k0'))).toBe('0'); // used: now the most recent
    cache.keep('k256', bytes('256'), cache.current);
    expect(cache.get('k1')).toBeUndefined();
    expect(text(cache.get('k0'))).toBe('0');
    expect(text(cache.get('k256'))).toBe('256');
  });
});

describe('a kept answer', () => {
  it('is gzipped once when over 1 KB, to the same JSON', () => {
    const cache = new DocumentCache();
    const json = JSON.stringify({ rows: Array.from({ length: 200 }, (_, i) => ({ i })) });
    cache.keep('big', bytes(json), cache.current);
    cache.keep('small', bytes('{}'), cache.current);
    const big = cache.get('big');
    expect(gunzipSync(big?.gzip as Uint8Array).toString()).toBe(json);
    expect(cache.get('small')?.gzip).toBeNull();
  });
});

describe('requestKey', () => {
  it('is the same for the same parameters in any order, and keeps repeats in order', () => {
    expect(
      requestKey(
        '/api/trends',
        { category: ['burglary'], area: ['Three Rivers'] },
        FULL_SCOPE,
        NOW,
      ),
    ).toBe(
      requestKey(
        '/api/trends',
        { area: ['Three Rivers'], category: ['burglary'] },
        FULL_SCOPE,
        NOW,
      ),
    );
    expect(requestKey('/api/x', { a: ['1', '2'] }, FULL_SCOPE, NOW)).not.toBe(
      requestKey('/api/x', { a: ['2', '1'] }, FULL_SCOPE, NOW),
    );
  });

  it('differs for callers who may see different things', () => {
    const partner = { areas: ['E07000102'], datasets: ['police-street'] } as const;
    expect(requestKey('/api/summary', { area: ['Watford'] }, partner, NOW)).not.toBe(
      requestKey('/api/summary', { area: ['Watford'] }, FULL_SCOPE, NOW),
    );
  });

  it('differs from one day to the next, not within a day', () => {
    const key = (at: string) => requestKey('/api/plan/overdue', {}, FULL_SCOPE, new Date(at));
    expect(key('2026-01-30T08:00:00Z')).toBe(key('2026-01-30T23:59:59Z'));
    expect(key('2026-01-30T23:59:59Z')).not.toBe(key('2026-01-31T00:00:00Z'));
    // Summer time: 00:30 in the UK on 1 July is 23:30 UTC on 30 June, and the plan's day is the
    // UK's, so its overdue actions may have changed though the UTC date has not.
    expect(key('2026-06-30T22:30:00Z')).not.toBe(key('2026-06-30T23:30:00Z'));
  });
});
