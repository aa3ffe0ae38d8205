/**
 * A police.uk monthly archive (`data/archive/YYYY-MM.zip`, every force's files for three
 * years, about 1.5 GB) streamed from the server and read as it arrives (fflate's streaming
 * unzip): only the chosen force's CSV files are inflated and kept, in memory; the rest of the
 * archive is never stored, on disk or in memory. A kept file that inflates past the limits of
 * ingest/inflate-limits.ts stops the download at once. A server that sends nothing for
 * `idleTimeoutMs` (a minute by default) is given up on, however long the whole download takes.
 * Each kept file's bytes are checked against the CRC-32 the archive's central directory records
 * for it (its last bytes are kept for that: zip-directory.ts), so a download damaged on the way
 * is refused, not imported.
 */
import { crc32 } from 'node:zlib';

import { Unzip, UnzipInflate, UnzipPassThrough, type UnzipFile } from 'fflate';

import { SourceUnavailableError } from '../errors.js';
import { entryCrcs } from './zip-directory.js';
import {
  inflateLimits,
  inflatedCap,
  inflateRefusal,
  type InflateLimits,
} from '../domain/inflate-limits.js';

export interface ArchiveEntry {
  name: string;
  bytes: Uint8Array;
}

export interface ArchiveProgress {
  received: number;
  total: number | null;
}

export interface ArchiveStreamOptions {
  onProgress?: (p: ArchiveProgress) => void;
  /** How long the server may send nothing (before answering, or between two pieces). */
  idleTimeoutMs?: number;
  limits?: InflateLimits;
}

export async function forceFilesFromArchive(
  url: string,
  force: string,
  options: ArchiveStreamOptions = {},
): Promise<{ entries: ArchiveEntry[]; seen: number }> {
  const onProgress = options.onProgress ?? (() => undefined);
  const idleMs = options.idleTimeoutMs ?? 60_000;
  const limits = options.limits ?? inflateLimits(process.env);
  // Aborted when the server has sent nothing for idleMs; every piece received restarts the wait.
  const controller = new AbortController();
  let idled = false;
  let timer: NodeJS.Timeout | undefined;
  const wait = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      idled = true;
      controller.abort();
    }, idleMs);
  };
  const idleError = (received: number) =>
    new SourceUnavailableError(
      `${url}: the server sent nothing for ${idleMs / 1000} s` +
        (received > 0 ? ` after ${received} bytes` : '') +
        '; the download was given up. Try again later.',
    );
  wait();
  try {
    return await download(url, force, onProgress, limits, controller.signal, wait, () =>
      idled ? idleError : null,
    );
  } finally {
    clearTimeout(timer);
  }
}

async function download(
  url: string,
  force: string,
  onProgress: (p: ArchiveProgress) => void,
  limits: InflateLimits,
  signal: AbortSignal,
  alive: () => void,
  idleFailure: () => ((received: number) => Error) | null,
): Promise<{ entries: ArchiveEntry[]; seen: number }> {
  let response: Response;
  try {
    response = await fetch(url, { signal });
  } catch (error) {
    const idle = idleFailure();
    if (idle) throw idle(0);
    const e = error as { cause?: { code?: string }; message?: string };
    throw new SourceUnavailableError(
      `${url}: cannot download (${e.cause?.code ?? e.message ?? String(error)}). Check the network connection, or --archive-url.`,
    );
  }
  alive();
  if (response.status === 404)
    throw new SourceUnavailableError(`${url}: the source has no such archive (HTTP 404)`);
  if (!response.ok || !response.body)
    throw new SourceUnavailableError(`${url}: the server answered HTTP ${response.status}`);
  const total = Number(response.headers.get('content-length')) || null;
  const wanted = new RegExp(
    `(^|/)\\d{4}-\\d{2}-${force}-(street|outcomes|stop-and-search)\\.csv$`,
    'u',
  );
  const entries: ArchiveEntry[] = [];
  const crcs = new Map<string, number>();
  let seen = 0;
  let failure: Error | null = null;
  let received = 0;
  /** The bytes received before the piece being unzipped now. */
  let before = 0;
  const unzip = new Unzip((file: UnzipFile) => {
    seen++;
    if (!wanted.test(file.name)) return; // never started: skipped without inflating
    const chunks: Uint8Array[] = [];
    // A streamed entry may not say its compressed size: then the bytes received since the piece
    // in which it began (at least what it has used, so never a ratio too high).
    const startedAt = before;
    let inflated = 0;
    let crc = 0;
    // An entry whose header gives both sizes is judged on them before it inflates at all.
    if (
      file.size !== undefined &&
      file.originalSize !== undefined &&
      file.originalSize > inflatedCap(file.size, limits)
    ) {
      failure = inflateRefusal(`${url}!${file.name}`, file.size, limits);
      return;
    }
    file.ondata = (err, data, final) => {
      if (err) {
        failure = err;
        return;
      }
      if (failure) return;
      inflated += data.length;
      const compressed = file.size ?? Math.max(1, received - startedAt);
      if (inflated > inflatedCap(compressed, limits)) {
        chunks.length = 0;
        failure = inflateRefusal(`${url}!${file.name}`, compressed, limits);
        file.terminate();
        return;
      }
      chunks.push(data);
      crc = crc32(data, crc);
      if (final) {
        entries.push({ name: file.name, bytes: concat(chunks) });
        crcs.set(file.name, crc);
      }
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  unzip.register(UnzipPassThrough); // an entry stored, not compressed
  const tail = new ArchiveTail();
  const body = response.body as unknown as AsyncIterable<Uint8Array>;
  try {
    for await (const chunk of body) {
      alive();
      before = received;
      received += chunk.length;
      tail.push(chunk);
      unzip.push(chunk, false);
      onProgress({ received, total });
      if (failure) break;
    }
    if (!failure) unzip.push(new Uint8Array(0), true);
  } catch (error) {
    const idle = idleFailure();
    if (idle) throw idle(received);
    throw new SourceUnavailableError(
      `${url}: the download broke off after ${received} bytes (${(error as Error).message})`,
    );
  }
  if (failure && (failure as Error).name === 'InputError') throw failure;
  if (failure)
    throw new SourceUnavailableError(
      `${url}: a broken entry in the archive (${(failure as Error).message})`,
    );
  if (total !== null && received < total) {
    throw new SourceUnavailableError(
      `${url}: the download stopped at ${received} of ${total} bytes`,
    );
  }
  checkCrcs(url, entries, crcs, tail.bytes(), received);
  return { entries: entries.sort((a, b) => a.name.localeCompare(b.name)), seen };
}

/**
 * Refuses the download unless each entry kept has the CRC-32 the archive's central directory
 * records for it (`tail`: the archive's last bytes, ending at byte `received`).
 */
function checkCrcs(
  url: string,
  entries: readonly ArchiveEntry[],
  crcs: ReadonlyMap<string, number>,
  tail: Uint8Array,
  received: number,
): void {
  if (entries.length === 0) return;
  const recorded = entryCrcs(tail, received - tail.length);
  if (!recorded)
    throw new SourceUnavailableError(
      `${url}: the archive's directory of entries could not be read at its end, so its files cannot be checked; the download may be cut short or damaged. Nothing was imported; try again.`,
    );
  const hex = (n: number) => (n >>> 0).toString(16).padStart(8, '0');
  for (const { name } of entries) {
    const want = recorded.get(name);
    const got = crcs.get(name)!;
    if (want === undefined)
      throw new SourceUnavailableError(
        `${url}!${name}: the archive's directory does not list this entry, so it cannot be checked; the download may be damaged. Nothing was imported; try again.`,
      );
    if (want >>> 0 !== got >>> 0)
      throw new SourceUnavailableError(
        `${url}!${name}: the entry is damaged (its bytes fail the archive's CRC-32 check: ${hex(got)}, not ${hex(want)}). Nothing was imported; try the download again.`,
      );
  }
}

/**
 * The last bytes of a download: enough for the central directory of any police.uk archive (about
 * 100 bytes an entry; a month's archive of every force for three years holds some 5,000 entries).
 */
class ArchiveTail {
  private static readonly KEPT = 32 * 2 ** 20;
  private chunks: Uint8Array[] = [];
  private size = 0;

  push(chunk: Uint8Array): void {
    this.chunks.push(chunk);
    this.size += chunk.length;
    while (this.chunks.length > 1 && this.size - this.chunks[0]!.length >= ArchiveTail.KEPT)
      this.size -= this.chunks.shift()!.length;
  }

  bytes(): Uint8Array {
    return concat(this.chunks);
  }
}

function concat(chunks: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
