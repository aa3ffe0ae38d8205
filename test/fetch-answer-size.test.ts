/**
 * A source whose answer never ends, or inflates like a bomb (QA: `lantern fetch` read an endless
 * body into memory until each 30 s timeout, 1.9 GB, and again at each of seven retries; 3 MB of
 * gzip inflating to 3 GB did the same): the answer is read up to a limit and then refused at once,
 * naming the address, without a retry. An error page that never ends is read only for its start.
 * Against a real local HTTP server.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';

import { afterAll, describe, expect, it } from 'vitest';

import { OnsGeoportal } from '../src/acquire/ons-geoportal.js';
import { PoliceApi } from '../src/acquire/police-api.js';
import { loadBoundaryLayers } from '../src/config/boundary-layers.js';
import { SourceUnavailableError } from '../src/errors.js';
import { runCliAsync } from './helpers/cli.js';
import { demoStoreCopy } from './helpers/demo-store.js';
import { tempDir } from './helpers/temp.js';

const dir = tempDir();
afterAll(() => dir.remove());

type Mode = 'endless' | 'endless-404' | 'gzip-bomb';

/** A server answering every request in `mode`; `hits` counts the requests. */
async function hostile(
  mode: Mode,
): Promise<{ url: string; hits: () => number; close: () => Promise<void> }> {
  let hits = 0;
  const bomb = mode === 'gzip-bomb' ? gzipSync(Buffer.alloc(256 * 2 ** 20, 0x20)) : null;
  const server: Server = createServer((req, res) => {
    hits++;
    if (bomb) {
      res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
      res.end(bomb);
      return;
    }
    res.writeHead(mode === 'endless' ? 200 : 404, { 'content-type': 'application/json' });
    res.write('[');
    const chunk = Buffer.from('0,'.repeat(2 ** 16));
    const pump = () => {
      while (!res.destroyed && res.write(chunk));
    };
    res.on('drain', pump);
    req.on('close', () => res.destroy());
    pump();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    hits: () => hits,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const quick = { backoffMs: 1, maxRetries: 3, maxBodyBytes: 2 * 2 ** 20 };

describe('data.police.uk', () => {
  it.each(['endless', 'gzip-bomb'] as const)(
    'an answer %s is refused past the limit, at the first request',
    async (mode) => {
      const server = await hostile(mode);
      try {
        const api = new PoliceApi({ baseUrl: `${server.url}/api`, ...quick });
        const failure = api.availableMonths();
        await expect(failure).rejects.toThrow(SourceUnavailableError);
        await expect(failure).rejects.toThrow(
          `${server.url}/api/crimes-street-dates: the server sent an answer larger than 2 MiB`,
        );
        expect(server.hits()).toBe(1);
      } finally {
        await server.close();
      }
    },
  );

  it('an error page that never ends is read for its start only', async () => {
    const server = await hostile('endless-404');
    try {
      const api = new PoliceApi({ baseUrl: `${server.url}/api`, ...quick });
      await expect(api.availableMonths()).rejects.toThrow(/answered HTTP 404 \(\[0,0,0/u);
      expect(server.hits()).toBe(1);
    } finally {
      await server.close();
    }
  });

  it('lantern fetch: exit 1 at the default limit, with the address and no stack trace', async () => {
    const server = await hostile('endless');
    const db = demoStoreCopy(dir.path);
    try {
      const r = await runCliAsync([
        'fetch',
        '--area',
        'E07000102',
        '--from',
        '2024-01',
        '--to',
        '2024-01',
        '--api-url',
        `${server.url}/api`,
        '--db',
        db,
      ]);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('the server sent an answer larger than 64 MiB');
      expect(r.stderr).not.toMatch(/unexpected failure|\n\s+at /u);
      // One request, ended by the limit (its message above), not by the request's timeout.
      expect(server.hits()).toBe(1);
    } finally {
      await server.close();
    }
  }, 60_000);
});

describe('the ONS Open Geography Portal', () => {
  it.each(['endless', 'gzip-bomb'] as const)(
    'an answer %s is refused past the limit, at the first request',
    async (mode) => {
      const server = await hostile(mode);
      try {
        const [layer] = await loadBoundaryLayers();
        const portal = new OnsGeoportal({ baseUrl: server.url, ...quick });
        const failure = portal.boundaries(layer!, ['E01006512']);
        await expect(failure).rejects.toThrow(SourceUnavailableError);
        await expect(failure).rejects.toThrow(
          /: the ONS Open Geography Portal sent an answer larger than 2 MiB, the most Lantern reads of one answer; the download was stopped/u,
        );
        expect(server.hits()).toBe(1);
      } finally {
        await server.close();
      }
    },
  );
});
