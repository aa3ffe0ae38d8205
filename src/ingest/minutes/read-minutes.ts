/**
 * A meeting's minutes read into text, from the forms they come in: plain text (.txt), Markdown
 * (.md) or a Word document (.docx, converted by mammoth). Within limits: a text file of at most
 * 10 MiB; a .docx of at most 50 MiB, with at most 2,000 parts, each part mammoth reads inflated
 * first under the limits of inflate-limits.ts (its size, its ratio to its compressed size), so a
 * compression bomb is refused before mammoth inflates it. Images are never read. Every refusal
 * is an InputError naming the file and saying what to do.
 *
 * Pure ingest: this reads a file and hands back text; finding actions is domain/minutes.
 */
import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';

import mammoth from 'mammoth';

import { InputError } from '../../errors.js';
import { inflateLimits, type InflateLimits } from '../../domain/inflate-limits.js';
import { openZipArchive } from '../zip.js';
import { docxHtmlToText } from './docx-html.js';
import { decodeMinutesText } from './text.js';

export type MinutesFormat = 'text' | 'markdown' | 'docx';

export interface MinutesFile {
  path: string;
  format: MinutesFormat;
  /** The minutes as text: a Word document's headings, lists and tables in Markdown's marks. */
  text: string;
}

export interface MinutesLimits extends InflateLimits {
  /** The most bytes a .txt or .md file may hold. */
  maxTextBytes: number;
  /** The most bytes a .docx file may hold. */
  maxDocxBytes: number;
  /** The most parts (zip entries) a .docx may hold. */
  maxDocxEntries: number;
}

const MIB = 2 ** 20;

export function minutesLimits(
  env: Readonly<Record<string, string | undefined>> = process.env,
): MinutesLimits {
  return {
    ...inflateLimits(env),
    maxTextBytes: 10 * MIB,
    maxDocxBytes: 50 * MIB,
    maxDocxEntries: 2000,
  };
}

const FORMATS: Record<string, MinutesFormat> = {
  '.txt': 'text',
  '.text': 'text',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.docx': 'docx',
};

/** The minutes in `path` as text, and the form they came in. */
export async function readMinutes(
  path: string,
  limits: MinutesLimits = minutesLimits(),
): Promise<MinutesFile> {
  const extension = extname(path).toLowerCase();
  const format = FORMATS[extension];
  if (format === undefined) throw unsupported(path, extension);
  const size = await fileSize(path);
  const max = format === 'docx' ? limits.maxDocxBytes : limits.maxTextBytes;
  if (size > max) {
    throw new InputError(
      `${path}: ${sizeText(size)} is more than the ${sizeText(max)} Lantern reads as ` +
        "one meeting's minutes; nothing read (is it the right file?)",
    );
  }
  if (size === 0) throw new InputError(`${path}: the file is empty`);
  const text =
    format === 'docx'
      ? await readDocx(path, limits)
      : decodeMinutesText(await readFile(path), path);
  if (text.trim() === '') throw new InputError(`${path}: holds no text`);
  return { path, format, text };
}

function sizeText(bytes: number): string {
  return bytes < MIB ? `${Math.ceil(bytes / 1024)} KiB` : `${Math.ceil(bytes / MIB)} MiB`;
}

async function fileSize(path: string): Promise<number> {
  try {
    const s = await stat(path);
    if (s.isDirectory()) throw new InputError(`${path}: is a folder, not a minutes file`);
    return s.size;
  } catch (error) {
    if (error instanceof InputError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new InputError(`${path}: no such file`);
    throw new InputError(`${path}: cannot be read (${(error as Error).message})`);
  }
}

function unsupported(path: string, extension: string): InputError {
  if (extension === '.doc') {
    return new InputError(
      `${path}: a Word 97-2003 (.doc) file, which Lantern does not read: open it in Word and ` +
        'save it as a Word Document (.docx) or as plain text (.txt), then import that',
    );
  }
  return new InputError(
    `${path}: minutes must be a Word document (.docx), Markdown (.md) or plain text (.txt)` +
      `${extension ? `, not ${extension}` : ''}: save them from their program as one of those`,
  );
}

/** The XML parts of the document inflated under the limits, then converted by mammoth. */
async function readDocx(path: string, limits: MinutesLimits): Promise<string> {
  let zip;
  let hasStyles: boolean;
  try {
    zip = await openZipArchive(path, limits);
  } catch {
    throw new InputError(
      `${path}: not a Word .docx file (a .docx is a zip archive and this is not one; a ` +
        'password-protected document is not either): save it from Word as a .docx without a password',
    );
  }
  try {
    if (zip.entries.length > limits.maxDocxEntries) {
      throw new InputError(
        `${path}: holds ${zip.entries.length} parts, more than the ${limits.maxDocxEntries} a ` +
          'Word document of minutes has; nothing read',
      );
    }
    if (!zip.entries.some((e) => e.name === 'word/document.xml')) {
      throw new InputError(
        `${path}: a zip archive but not a Word document (it has no word/document.xml): save the ` +
          'minutes from Word as a .docx',
      );
    }
    hasStyles = zip.entries.some((e) => e.name === 'word/styles.xml');
    let total = 0;
    for (const entry of zip.entries) {
      if (!/\.(?:xml|rels)$/i.test(entry.name)) continue; // images and fonts are never read
      total += (await entry.read()).length;
      if (total > limits.maxBytes) {
        throw new InputError(
          `${path}: its text inflates to more than ${sizeText(limits.maxBytes)}; nothing read ` +
            '(raise the limit with LANTERN_MAX_INFLATED_MIB if the document is genuine)',
        );
      }
    }
  } finally {
    zip.close();
  }
  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: await readFile(path) },
      { convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })) },
    );
    html = result.value;
  } catch (error) {
    // A style named in the text but not defined: mammoth stops on it without saying so.
    const style = /reading '([^']+)'/u.exec((error as Error).message)?.[1];
    if (!hasStyles && style !== undefined)
      throw new InputError(
        `${path}: the Word document names the style "${style}" but holds no styles (word/styles.xml is missing, as when a document is written by a tool other than Word): open it in Word and save it again as a .docx`,
      );
    throw new InputError(`${path}: the Word document cannot be read (${(error as Error).message})`);
  }
  return docxHtmlToText(html);
}
