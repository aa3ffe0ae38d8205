/**
 * data.police.uk misbehaving in ways the real service should not, against the local fake
 * (test/helpers/fake-police-api.ts): a Retry-After of days, answers of the wrong shape, an
 * archive download that stops sending, and an archive entry that inflates like a bomb. Each is
 * refused with a message, quickly, and never as a stack trace.
 */
import { afterAll, describe, expect, it } from 'vitest';

import { forceFilesFromArchive } from '../src/acquire/archive-stream.js';
import { PoliceApi } from '../src/acquire/police-api.js';
import type { Clock } from '../src/acquire/rate-limiter.js';
import { InputError, SourceUnavailableError } from '../src/errors.js';
import { runCliAsync } from './helpers/cli.js';
import { startFakePoliceApi } from './helpers/fake-police-api.js';
import { readZipEntries } from './helpers/raw-police.js';
import { SAMPLE_ZIP, tempDir } from './helpers/temp.js';

const dir = tempDir();
afterAll(() => dir.remove());

const quick = { backoffMs: 1, maxRetries: 2 };
const NO_MONTHS = new Map<string, never[]>();

/** A clock that does not wait, and records every wait asked of it. */
function recordingClock(): Clock & { waits: number[] } {
  let now = 0;
  const waits: number[] = [];
  return {
    waits,
    now: () => now,
    sleep: (ms: number) => {
      waits.push(ms);
      now += ms;
      return Promise.resolve();
    },
  };
}

const RING: [number, number][] = [
  [-0.5, 51.6],
  [-0.4, 51.6],
  [-0.4, 51.7],
  [-0.5, 51.6],
];

describe('Retry-After', () => {
  it('a wait of 100,000 s is not obeyed: the request fails at once, saying what was asked', async () => {
    const server = await startFakePoliceApi({
      months: NO_MONTHS,
      throttleFirst: 1,
      retryAfter: '100000',
    });
    try {
      const api = new PoliceApi({ baseUrl: server.apiUrl, ...quick });
      const failure = api.availableMonths();
      await expect(failure).rejects.toThrow(SourceUnavailableError);
      await expect(failure).rejects.toThrow(
        /crimes-street-dates: the server answered HTTP 429 and asked to wait 100000 s before trying again \(Lantern waits at most 60 s\)/,
      );
      expect(server.log).toHaveLength(1);
    } finally {
      await server.close();
    }
  });

  it('a Retry-After given as a date days ahead is refused the same way', async () => {
    const server = await startFakePoliceApi({
      months: NO_MONTHS,
      throttleFirst: 1,
      retryAfter: new Date(Date.now() + 3 * 86_400_000).toUTCString(),
    });
    try {
      const api = new PoliceApi({ baseUrl: server.apiUrl, ...quick });
      await expect(api.lastUpdated()).rejects.toThrow(/asked to wait 2\d{5} s/);
    } finally {
      await server.close();
    }
  });

  it('a wait within the cap is still honoured as the least wait before the retry', async () => {
    const server = await startFakePoliceApi({
      months: NO_MONTHS,
      published: ['2025-12'],
      throttleFirst: 1,
      retryAfter: '7',
    });
    try {
      const clock = recordingClock();
      const api = new PoliceApi({ baseUrl: server.apiUrl, ...quick, clock });
      expect(await api.availableMonths()).toEqual(['2025-12']);
      expect(Math.max(...clock.waits)).toBeGreaterThanOrEqual(7000);
    } finally {
      await server.close();
    }
  });
});

describe('answers of the wrong shape', () => {
  it('an object where the list of months should be is the source failing, not a crash', async () => {
    const server = await startFakePoliceApi({
      months: NO_MONTHS,
      answers: { '/api/crimes-street-dates': '{"error":"maintenance"}' },
    });
    try {
      const api = new PoliceApi({ baseUrl: server.apiUrl, ...quick });
      const failure = api.availableMonths();
      await expect(failure).rejects.toThrow(SourceUnavailableError);
      await expect(failure).rejects.toThrow(
        /data\.police\.uk answered http:\/\/127\.0\.0\.1:\d+\/api\/crimes-street-dates with an object \(expected a list\): \{"error":"maintenance"\}/,
      );
    } finally {
      await server.close();
    }
  });

  it('crimes given as an object, or as a list of something else, are refused', async () => {
    for (const [body, expected] of [
      ['{"crimes":[]}', /with an object \(expected a list\)/],
      ['[1,2,3]', /with a list of something else \(expected a list of crimes\)/],
      ['"busy"', /with a string \(expected a list\)/],
    ] as const) {
      const server = await startFakePoliceApi({
        months: NO_MONTHS,
        answers: { '/api/crimes-street/all-crime': body },
      });
      try {
        const api = new PoliceApi({ baseUrl: server.apiUrl, ...quick });
        await expect(api.streetCrimes(RING, '2025-12')).rejects.toThrow(expected);
      } finally {
        await server.close();
      }
    }
  });

  it('the last-updated date given as a list is refused', async () => {
    const server = await startFakePoliceApi({
      months: NO_MONTHS,
      answers: { '/api/crime-last-updated': '[]' },
    });
    try {
      const api = new PoliceApi({ baseUrl: server.apiUrl, ...quick });
      await expect(api.lastUpdated()).rejects.toThrow(
        /with a list of something else \(expected an object\)/,
      );
    } finally {
      await server.close();
    }
  });

  it('lantern fetch reports it as the source failing (exit 1), with no stack trace', async () => {
    const server = await startFakePoliceApi({
      months: NO_MONTHS,
      answers: { '/api/crimes-street-dates': '{"error":"maintenance"}' },
    });
    try {
      const result = await runCliAsync([
        'fetch',
        '--area',
        'Three Rivers',
        '--from',
        '2025-12',
        '--to',
        '2025-12',
        '--api-url',
        server.apiUrl,
        '--db',
        `${dir.path}/fetch.duckdb`,
      ]);
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(
        /answered .*crimes-street-dates with an object \(expected a list\)/,
      );
      expect(result.stderr).not.toMatch(/\n\s+at /);
    } finally {
      await server.close();
    }
  }, 120_000);
});

describe('streamed archive downloads', () => {
  const ROW =
    ',2025-12,Hertfordshire Constabulary,Hertfordshire Constabulary,-0.165081,51.922133,' +
    'On or near Glanville Crescent,E01035568,Stevenage 001E,Anti-social behaviour,,\n';
  const entry = '2025-12/2025-12-hertfordshire-street.csv';
  const realStreetFile = async () =>
    (await readZipEntries(SAMPLE_ZIP, /2025-12-hertfordshire-street\.csv$/)).values().next()
      .value as Buffer;

  it('a server that stops sending is given up on after the idle timeout, saying so', async () => {
    const server = await startFakePoliceApi({
      months: NO_MONTHS,
      archives: new Map([['2025-12', { [entry]: await realStreetFile() }]]),
      stallArchiveAfter: 1000,
    });
    try {
      const failure = forceFilesFromArchive(`${server.archiveUrl}2025-12.zip`, 'hertfordshire', {
        idleTimeoutMs: 200,
      });
      await expect(failure).rejects.toThrow(SourceUnavailableError);
      await expect(failure).rejects.toThrow(
        /2025-12\.zip: the server sent nothing for 0\.2 s after 1000 bytes; the download was given up/,
      );
    } finally {
      await server.close();
    }
  });

  it('entries that do not say their size: a real file is kept whole, a bomb is stopped', async () => {
    const real = await realStreetFile();
    const bomb = Buffer.from(ROW.repeat(Math.ceil((24 * 2 ** 20) / ROW.length)));
    for (const [content, ok] of [
      [real, true],
      [bomb, false],
    ] as const) {
      const server = await startFakePoliceApi({
        months: NO_MONTHS,
        archives: new Map([['2025-12', { [entry]: content }]]),
        streamedEntries: true,
      });
      try {
        const download = forceFilesFromArchive(`${server.archiveUrl}2025-12.zip`, 'hertfordshire');
        if (ok) {
          const { entries } = await download;
          expect(entries.map((e) => [e.name, Buffer.from(e.bytes).equals(content)])).toEqual([
            [entry, true],
          ]);
        } else {
          await expect(download).rejects.toThrow(
            /inflates to more than 100 times its compressed size/,
          );
        }
      } finally {
        await server.close();
      }
    }
  });

  it('an entry whose bytes fail the CRC-32 the archive records is refused, naming it; one intact is kept', async () => {
    const real = await realStreetFile();
    for (const damaged of [false, true]) {
      for (const streamedEntries of [false, true]) {
        const server = await startFakePoliceApi({
          months: NO_MONTHS,
          archives: new Map([['2025-12', { [entry]: real }]]),
          storedEntries: true,
          streamedEntries,
          ...(damaged ? { damagedEntry: entry } : {}),
        });
        try {
          const download = forceFilesFromArchive(
            `${server.archiveUrl}2025-12.zip`,
            'hertfordshire',
          );
          if (!damaged) {
            const { entries } = await download;
            expect(entries.map((e) => Buffer.from(e.bytes).equals(real))).toEqual([true]);
          } else {
            await expect(download).rejects.toThrow(SourceUnavailableError);
            await expect(download).rejects.toThrow(
              /2025-12\.zip!2025-12\/2025-12-hertfordshire-street\.csv: the entry is damaged \(its bytes fail the archive's CRC-32 check: [0-9a-f]{8}, not [0-9a-f]{8}\)\. Nothing was imported/,
            );
          }
        } finally {
          await server.close();
        }
      }
    }
  });

  it('an entry inflating over 100 times its size stops the download, naming the entry', async () => {
    // 24 MiB of one repeated row deflates to about 0.1 MiB: a small bomb.
    const bomb = Buffer.from(ROW.repeat(Math.ceil((24 * 2 ** 20) / ROW.length)));
    const server = await startFakePoliceApi({
      months: NO_MONTHS,
      archives: new Map([['2025-12', { [entry]: bomb }]]),
    });
    try {
      const failure = forceFilesFromArchive(`${server.archiveUrl}2025-12.zip`, 'hertfordshire');
      await expect(failure).rejects.toThrow(InputError);
      await expect(failure).rejects.toThrow(
        /2025-12\.zip!2025-12\/2025-12-hertfordshire-street\.csv: inflates to more than 100 times its compressed size .*LANTERN_MAX_COMPRESSION_RATIO/,
      );
    } finally {
      await server.close();
    }
  });
});
