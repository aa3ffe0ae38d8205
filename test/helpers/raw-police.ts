/**
 * Independent reading of the bundled police.uk files for checking Lantern's counts: the zip is
 * read with yauzl directly and the CSV with csv-parse (not papaparse, which Lantern uses), and
 * counts are made here in plain code, not through Lantern's store.
 */
import { parse } from 'csv-parse/sync';
import yauzl from 'yauzl';

export async function readZipEntries(path: string, match: RegExp): Promise<Map<string, Buffer>> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.open(path, { lazyEntries: true }, (err, z) => (err ? reject(err) : resolve(z))),
  );
  const out = new Map<string, Buffer>();
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (entry: yauzl.Entry) => {
      if (!match.test(entry.fileName)) {
        zip.readEntry();
        return;
      }
      zip.openReadStream(entry, (err, stream) => {
        if (err) return reject(err);
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          out.set(entry.fileName, Buffer.concat(chunks));
          zip.readEntry();
        });
      });
    });
    zip.on('end', () => resolve());
    zip.on('error', reject);
    zip.readEntry();
  });
  return out;
}

export type RawRow = Record<string, string>;

export function parseRaw(bytes: Buffer): RawRow[] {
  return parse(bytes, { columns: true, bom: true, skip_empty_lines: true }) as RawRow[];
}

/** Count of rows per value of `column`. */
export function countBy(rows: readonly RawRow[], column: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of rows) out.set(r[column] ?? '', (out.get(r[column] ?? '') ?? 0) + 1);
  return out;
}
