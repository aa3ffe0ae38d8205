/**
 * Reading entries of a zip archive in place, without unpacking it to disk: yauzl reads the
 * central directory, then inflates one entry at a time into memory on request. An entry is
 * refused, without inflating further, once it passes the limits of inflate-limits.ts (its size,
 * and its ratio to its compressed size), whatever size the archive claims for it. Each entry's
 * bytes are checked against the CRC-32 the archive records for them (yauzl does not check it), so
 * an entry damaged in storage or transit is refused, never imported.
 */
import { promisify } from 'node:util';
import { crc32 } from 'node:zlib';

import yauzl from 'yauzl';

import { InputError } from '../errors.js';
import {
  inflateLimits,
  inflatedCap,
  inflateRefusal,
  type InflateLimits,
} from '../domain/inflate-limits.js';

export interface ZipEntryRef {
  name: string;
  read(): Promise<Buffer>;
}

export interface OpenZip {
  entries: ZipEntryRef[];
  close(): void;
}

const openZip = promisify<string, yauzl.Options, yauzl.ZipFile>(yauzl.open);

export async function openZipArchive(
  path: string,
  limits: InflateLimits = inflateLimits(process.env),
): Promise<OpenZip> {
  let zip: yauzl.ZipFile;
  try {
    zip = await openZip(path, { lazyEntries: true, autoClose: false, decodeStrings: true });
  } catch (error) {
    throw new InputError(`${path}: not a readable zip archive (${(error as Error).message})`);
  }
  const raw = await listEntries(zip, path);
  const entries = raw.map((entry) => ({
    name: entry.fileName,
    read: () => readEntry(zip, entry, path, limits),
  }));
  return { entries, close: () => zip.close() };
}

function listEntries(zip: yauzl.ZipFile, path: string): Promise<yauzl.Entry[]> {
  return new Promise((resolve, reject) => {
    const out: yauzl.Entry[] = [];
    zip.on('entry', (entry: yauzl.Entry) => {
      if (!entry.fileName.endsWith('/')) out.push(entry);
      zip.readEntry();
    });
    zip.on('end', () => resolve(out));
    zip.on('error', (e: Error) =>
      reject(new InputError(`${path}: broken zip archive (${e.message})`)),
    );
    zip.readEntry();
  });
}

function readEntry(
  zip: yauzl.ZipFile,
  entry: yauzl.Entry,
  path: string,
  limits: InflateLimits,
): Promise<Buffer> {
  const name = `${path}!${entry.fileName}`;
  const cap = inflatedCap(entry.compressedSize, limits);
  // The size the archive declares is checked first; the bytes as they inflate, in case it lies.
  if (entry.uncompressedSize > cap) {
    return Promise.reject(inflateRefusal(name, entry.compressedSize, limits));
  }
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (err, stream) => {
      if (err) {
        reject(new InputError(`${name}: cannot read (${err.message})`));
        return;
      }
      const chunks: Buffer[] = [];
      let inflated = 0;
      let crc = 0;
      stream.on('data', (c: Buffer) => {
        inflated += c.length;
        crc = crc32(c, crc);
        if (inflated > cap) {
          chunks.length = 0;
          stream.destroy();
          reject(inflateRefusal(name, entry.compressedSize, limits));
          return;
        }
        chunks.push(c);
      });
      stream.on('error', (e: Error) =>
        reject(new InputError(`${name}: broken entry (${e.message})`)),
      );
      stream.on('end', () => {
        if (crc !== entry.crc32 >>> 0) {
          chunks.length = 0;
          reject(
            new InputError(
              `${name}: the entry is damaged (its bytes fail the archive's CRC-32 check: ` +
                `${hex(crc)}, not ${hex(entry.crc32)}); nothing imported from it. ` +
                'Download or copy the archive again.',
            ),
          );
          return;
        }
        resolve(Buffer.concat(chunks));
      });
    });
  });
}

const hex = (n: number) => (n >>> 0).toString(16).padStart(8, '0');

const zipFromBuffer = promisify<Buffer, yauzl.Options, yauzl.ZipFile>(yauzl.fromBuffer);

/**
 * For a zip archive that another library inflates whole (an XLSX workbook): refuses it when the
 * sizes its entries declare pass the limits, each on its own and all together. (Declared sizes
 * can lie; the library then inflates what the entries really hold.)
 */
export async function checkZipSizes(
  bytes: Buffer,
  path: string,
  limits: InflateLimits = inflateLimits(process.env),
): Promise<void> {
  let zip: yauzl.ZipFile;
  try {
    zip = await zipFromBuffer(bytes, { lazyEntries: true, decodeStrings: true });
  } catch {
    return; // not readable as a zip here: the library that reads it says why
  }
  try {
    const entries = await listEntries(zip, path);
    let total = 0;
    for (const entry of entries) {
      total += entry.uncompressedSize;
      if (entry.uncompressedSize > inflatedCap(entry.compressedSize, limits)) {
        throw inflateRefusal(`${path}!${entry.fileName}`, entry.compressedSize, limits);
      }
    }
    if (total > inflatedCap(bytes.length, limits)) throw inflateRefusal(path, bytes.length, limits);
  } finally {
    zip.close();
  }
}
