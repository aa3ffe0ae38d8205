/**
 * A local stand-in for data.police.uk, built from the bundled real street data: it answers
 * `crimes-street-dates`, `crime-last-updated` and POSTed `crimes-street/all-crime` polygon
 * queries (with the real answer shape), and serves monthly archive zips. It can also misbehave
 * as the real service does: 429 (with Retry-After), 503 for polygons holding too many crimes,
 * slow answers and broken bodies; and as it should not: answers of the wrong shape, a Retry-After
 * of days, an archive download that stops sending. It listens on 127.0.0.1 only.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';

import inside from 'point-in-polygon-hao';
import yazl from 'yazl';

import { categoryFromName } from '../../src/domain/categories.js';
import type { RawRow } from './raw-police.js';

export interface FakeApiOptions {
  /** Street rows by month, as police.uk CSV rows. */
  months: Map<string, RawRow[]>;
  /** Months the fake says exist (default: the keys of `months`). */
  published?: string[];
  /** Polygons holding more crimes than this answer 503. */
  maxPerPolygon?: number;
  /** The first N requests answer 429 with Retry-After: 0 (or `retryAfter`). */
  throttleFirst?: number;
  /** The Retry-After header of the throttled answers (default "0"). */
  retryAfter?: string;
  /** Bodies answered instead of the real ones, by path (e.g. "/api/crimes-street-dates"). */
  answers?: Record<string, string>;
  /** Archive downloads send this many bytes, then nothing more (the connection stays open). */
  stallArchiveAfter?: number;
  /**
   * Archive entries written as streams: their local headers give no sizes (a data descriptor
   * follows each entry), as in archives written on the fly.
   */
  streamedEntries?: boolean;
  /** Archive entries stored as they are, not compressed (zip method 0). */
  storedEntries?: boolean;
  /**
   * One byte of this archive entry's data altered after the zip is written (its recorded CRC-32
   * unchanged), as a download damaged on the way; the entry is stored, so it still unzips.
   */
  damagedEntry?: string;
  /** Every crimes request waits this long before answering. */
  slowMs?: number;
  /** The first N crimes requests get a truncated JSON body. */
  brokenFirst?: number;
  /** Every request answers this HTTP status. */
  alwaysStatus?: number;
  /** Archive zips by month: entry name → content. */
  archives?: Map<string, Record<string, Buffer>>;
}

export interface FakeApi {
  apiUrl: string;
  archiveUrl: string;
  log: { path: string; status: number }[];
  close(): Promise<void>;
}

export async function startFakePoliceApi(options: FakeApiOptions): Promise<FakeApi> {
  const log: FakeApi['log'] = [];
  let throttled = 0;
  let broken = 0;
  const archives = new Map<string, Buffer>();
  for (const [month, entries] of options.archives ?? [])
    archives.set(month, await zipOf(entries, options));

  const send = (
    res: ServerResponse,
    path: string,
    status: number,
    body: string,
    headers: Record<string, string> = {},
  ) => {
    log.push({ path, status });
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(body);
  };

  const server = createServer((req, res) => {
    void handle(req, res).catch((error: unknown) =>
      send(res, req.url ?? '', 500, JSON.stringify(String(error))),
    );
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://fake');
    const path = url.pathname;
    if (options.alwaysStatus) return send(res, path, options.alwaysStatus, '{"error":"down"}');
    if (throttled < (options.throttleFirst ?? 0)) {
      throttled++;
      return send(res, path, 429, 'Too Many Requests', {
        'retry-after': options.retryAfter ?? '0',
      });
    }
    const answer = options.answers?.[path];
    if (answer !== undefined) return send(res, path, 200, answer);
    if (path === '/api/crimes-street-dates') {
      const months = options.published ?? [...options.months.keys()];
      return send(
        res,
        path,
        200,
        JSON.stringify(
          months
            .sort()
            .reverse()
            .map((date) => ({ date, 'stop-and-search': [] })),
        ),
      );
    }
    if (path === '/api/crime-last-updated') {
      const last = [...options.months.keys()].sort().pop();
      return send(res, path, 200, JSON.stringify({ date: `${last}-01` }));
    }
    if (path === '/api/crimes-street/all-crime' && req.method === 'POST') {
      const form = new URLSearchParams(await bodyOf(req));
      const month = form.get('date') ?? '';
      const ring = (form.get('poly') ?? '').split(':').map((pair) => {
        const [lat, lng] = pair.split(',').map(Number);
        return [lng as number, lat as number];
      });
      if (ring.length < 3) return send(res, path, 400, '{"error":"bad poly"}');
      ring.push(ring[0] as number[]);
      if (options.slowMs) await new Promise((r) => setTimeout(r, options.slowMs));
      const rows = (options.months.get(month) ?? []).filter(
        (r) =>
          r.Longitude !== '' && inside([Number(r.Longitude), Number(r.Latitude)], [ring]) !== false,
      );
      if (rows.length > (options.maxPerPolygon ?? 10_000)) return send(res, path, 503, '');
      const body = JSON.stringify(rows.map(toApiCrime));
      if (broken < (options.brokenFirst ?? 0)) {
        broken++;
        return send(res, path, 200, body.slice(0, Math.floor(body.length / 2)));
      }
      return send(res, path, 200, body);
    }
    const archive = /^\/data\/archive\/(\d{4}-\d{2})\.zip$/u.exec(path);
    if (archive) {
      const zip = archives.get(archive[1] as string);
      if (!zip) return send(res, path, 404, 'not found');
      log.push({ path, status: 200 });
      res.writeHead(200, {
        'content-type': 'application/zip',
        'content-length': String(zip.length),
      });
      // Sent in pieces, as a real download arrives.
      const stall = options.stallArchiveAfter;
      if (stall !== undefined) {
        res.write(zip.subarray(0, stall)); // and then nothing, until the server closes
        return;
      }
      for (let at = 0; at < zip.length; at += 64 * 1024)
        res.write(zip.subarray(at, at + 64 * 1024));
      res.end();
      return;
    }
    return send(res, path, 404, '{"error":"no such method"}');
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    apiUrl: `http://127.0.0.1:${port}/api/`,
    archiveUrl: `http://127.0.0.1:${port}/data/archive/`,
    log,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections(); // a stalled download's connection too
      }),
  };
}

const ids = new WeakMap<RawRow, number>();
let nextId = 1;

/** A police.uk CSV street row in the API's JSON shape (its `id` stable, as the real one is). */
function toApiCrime(r: RawRow) {
  let id = ids.get(r);
  if (id === undefined) ids.set(r, (id = nextId++));
  const outcome = r['Last outcome category'] ?? '';
  return {
    category: categoryFromName(r['Crime type'] ?? '') ?? 'unknown',
    location_type: 'Force',
    location: { latitude: r.Latitude, street: { id: 1, name: r.Location }, longitude: r.Longitude },
    context: r.Context ?? '',
    outcome_status: outcome ? { category: outcome, date: r.Month } : null,
    persistent_id: r['Crime ID'] ?? '',
    id,
    location_subtype: '',
    month: r.Month,
  };
}

function bodyOf(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

async function zipOf(entries: Record<string, Buffer>, options: FakeApiOptions): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const [name, content] of Object.entries(entries)) {
    const compress = !(options.storedEntries || options.damagedEntry === name);
    if (options.streamedEntries) zip.addReadStream(Readable.from([content]), name, { compress });
    else zip.addBuffer(content, name, { compress });
  }
  zip.end();
  const bytes = await new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (c: Buffer) => chunks.push(c));
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    zip.outputStream.on('error', reject);
  });
  const damaged = options.damagedEntry ? entries[options.damagedEntry] : undefined;
  if (damaged) {
    const at = bytes.indexOf(damaged);
    if (at < 0) throw new Error('fake police API: the damaged entry is not stored as it is');
    // A digit in the middle of the file changed to another: the CSV still reads.
    const digit = bytes
      .subarray(at + (damaged.length >> 1))
      .findIndex((b) => b >= 0x30 && b <= 0x38);
    bytes[at + (damaged.length >> 1) + digit]! += 1;
  }
  return bytes;
}
