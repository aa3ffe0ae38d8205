/**
 * The CRC-32 a zip archive records for each entry, read from its central directory at the end of
 * the archive (APPNOTE.TXT 4.3.12, 4.3.14-16), for an archive streamed and never stored whole
 * (archive-stream.ts keeps only its last bytes). The streaming unzip (fflate) neither checks nor
 * exposes the CRC, and a streamed entry's local header may not hold it (a data descriptor follows
 * the data instead); the central directory always does.
 */

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;

/**
 * Each entry's name and CRC-32, from `tail`: the archive's last bytes, the first of which is at
 * `tailStart` in the whole archive. Null when the directory is not wholly in the tail, or is not
 * a zip's (a damaged or cut download).
 */
export function entryCrcs(tail: Uint8Array, tailStart: number): Map<string, number> | null {
  const view = new DataView(tail.buffer, tail.byteOffset, tail.byteLength);
  // The end record is the last 22 bytes, or before a comment of up to 65,535 bytes.
  let end = -1;
  for (let i = tail.length - 22; i >= Math.max(0, tail.length - 22 - 0xffff); i--)
    if (view.getUint32(i, true) === EOCD && i + 22 + view.getUint16(i + 20, true) === tail.length) {
      end = i;
      break;
    }
  if (end < 0) return null;
  let count = view.getUint16(end + 10, true);
  let offset = view.getUint32(end + 16, true);
  if (count === 0xffff || offset === 0xffffffff) {
    // Zip64: the locator just before the end record gives where the zip64 end record is.
    const at = end - 20;
    if (at < 0 || view.getUint32(at, true) !== ZIP64_LOCATOR) return null;
    const record = Number(view.getBigUint64(at + 8, true)) - tailStart;
    if (record < 0 || record + 56 > tail.length || view.getUint32(record, true) !== ZIP64_EOCD)
      return null;
    count = Number(view.getBigUint64(record + 32, true));
    offset = Number(view.getBigUint64(record + 48, true));
  }
  let at = offset - tailStart;
  if (at < 0) return null;
  const crcs = new Map<string, number>();
  const decoder = new TextDecoder();
  for (let n = 0; n < count; n++) {
    if (at + 46 > tail.length || view.getUint32(at, true) !== CENTRAL) return null;
    const nameLength = view.getUint16(at + 28, true);
    const rest = nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    if (at + 46 + rest > tail.length) return null;
    const name = tail.subarray(at + 46, at + 46 + nameLength);
    // UTF-8 when the entry says so (bit 11), else each byte a character, as fflate reads names.
    const utf8 = (view.getUint16(at + 8, true) & 0x800) !== 0;
    crcs.set(
      utf8 ? decoder.decode(name) : Buffer.from(name).toString('latin1'),
      view.getUint32(at + 16, true),
    );
    at += 46 + rest;
  }
  return crcs;
}
