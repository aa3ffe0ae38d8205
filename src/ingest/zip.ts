/**
 * Reading entries of a zip archive in place, without unpacking it to disk: yauzl reads the
 * central directory, then inflates one entry at a time into memory on request.
 */
import { promisify } from 'node:util';

import yauzl from 'yauzl';

import { InputError } from '../errors.js';

export interface ZipEntryRef {
  name: string;
  read(): Promise<Buffer>;
}

export interface OpenZip {
  entries: ZipEntryRef[];
  close(): void;
}

const openZip = promisify<string, yauzl.Options, yauzl.ZipFile>(yauzl.open);

export async function openZipArchive(path: string): Promise<OpenZip> {
  let zip: yauzl.ZipFile;
  try {
    zip = await openZip(path, { lazyEntries: true, autoClose: false, decodeStrings: true });
  } catch (error) {
    throw new InputError(`${path}: not a readable zip archive (${(error as Error).message})`);
  }
  const raw = await listEntries(zip, path);
  const entries = raw.map((entry) => ({
    name: entry.fileName,
    read: () => readEntry(zip, entry, path),
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

function readEntry(zip: yauzl.ZipFile, entry: yauzl.Entry, path: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (err, stream) => {
      if (err) {
        reject(new InputError(`${path}!${entry.fileName}: cannot read (${err.message})`));
        return;
      }
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('error', (e: Error) =>
        reject(new InputError(`${path}!${entry.fileName}: broken entry (${e.message})`)),
      );
      stream.on('end', () => resolve(Buffer.concat(chunks)));
    });
  });
}
