/**
 * A police.uk monthly archive (`data/archive/YYYY-MM.zip`, every force's files for three
 * years, about 1.5 GB) streamed from the server and read as it arrives (fflate's streaming
 * unzip): only the chosen force's CSV files are inflated and kept, in memory; the rest of the
 * archive is never stored, on disk or in memory.
 */
import { Unzip, UnzipInflate, type UnzipFile } from 'fflate';

import { SourceUnavailableError } from '../errors.js';

export interface ArchiveEntry {
  name: string;
  bytes: Uint8Array;
}

export interface ArchiveProgress {
  received: number;
  total: number | null;
}

export async function forceFilesFromArchive(
  url: string,
  force: string,
  onProgress: (p: ArchiveProgress) => void = () => undefined,
  timeoutMs = 60_000,
): Promise<{ entries: ArchiveEntry[]; seen: number }> {
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs * 60) });
  } catch (error) {
    const e = error as { cause?: { code?: string }; message?: string };
    throw new SourceUnavailableError(
      `${url}: cannot download (${e.cause?.code ?? e.message ?? String(error)}). Check the network connection, or --archive-url.`,
    );
  }
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
  let seen = 0;
  let failure: Error | null = null;
  const unzip = new Unzip((file: UnzipFile) => {
    seen++;
    if (!wanted.test(file.name)) return; // never started: skipped without inflating
    const chunks: Uint8Array[] = [];
    file.ondata = (err, data, final) => {
      if (err) {
        failure = err;
        return;
      }
      chunks.push(data);
      if (final) entries.push({ name: file.name, bytes: concat(chunks) });
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  let received = 0;
  try {
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      received += chunk.length;
      unzip.push(chunk, false);
      onProgress({ received, total });
      if (failure) break;
    }
    unzip.push(new Uint8Array(0), true);
  } catch (error) {
    throw new SourceUnavailableError(
      `${url}: the download broke off after ${received} bytes (${(error as Error).message})`,
    );
  }
  if (failure)
    throw new SourceUnavailableError(
      `${url}: a broken entry in the archive (${(failure as Error).message})`,
    );
  if (total !== null && received < total) {
    throw new SourceUnavailableError(
      `${url}: the download stopped at ${received} of ${total} bytes`,
    );
  }
  return { entries: entries.sort((a, b) => a.name.localeCompare(b.name)), seen };
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
