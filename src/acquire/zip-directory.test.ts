import { crc32 } from 'node:zlib';

import { describe, expect, it } from 'vitest';
import yazl from 'yazl';

import { entryCrcs } from './zip-directory.js';

const FILES = {
  '2025-12/2025-12-hertfordshire-street.csv': Buffer.from('Crime ID,Month\n,2025-12\n'),
  '2025-12/2025-12-gwent-outcomes.csv': Buffer.from('Crime ID,Month,Outcome type\n'),
  'Montréal.txt': Buffer.from('a name in UTF-8'),
};

function zipOf(end: { forceZip64Format?: boolean; comment?: string } = {}): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const [name, content] of Object.entries(FILES)) zip.addBuffer(content, name);
  zip.end({ forceZip64Format: end.forceZip64Format ?? false, comment: end.comment ?? '' });
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (c: Buffer) => chunks.push(c));
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    zip.outputStream.on('error', reject);
  });
}

const expected = new Map(Object.entries(FILES).map(([name, b]) => [name, crc32(b)]));

describe("a zip's central directory read from its last bytes", () => {
  it('gives each entry its CRC-32, from the whole archive or from its tail', async () => {
    const zip = await zipOf();
    expect(entryCrcs(zip, 0)).toEqual(expected);
    const from = zip.length - 400;
    expect(entryCrcs(zip.subarray(from), from)).toEqual(expected);
  });

  it('reads a zip64 directory and one followed by a comment', async () => {
    expect(entryCrcs(await zipOf({ forceZip64Format: true }), 0)).toEqual(expected);
    expect(entryCrcs(await zipOf({ comment: 'police.uk archive' }), 0)).toEqual(expected);
  });

  it('gives nothing when the directory is not wholly in the tail, or the archive is cut', async () => {
    const zip = await zipOf();
    const from = zip.length - 60;
    expect(entryCrcs(zip.subarray(from), from)).toBeNull();
    expect(entryCrcs(zip.subarray(0, zip.length - 5), 0)).toBeNull();
    expect(entryCrcs(Buffer.from('not a zip at all, just text'), 0)).toBeNull();
  });
});
