import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';
import yazl from 'yazl';

import { extractActions } from '../../domain/minutes/extract.js';
import { docxHtmlToText } from './docx-html.js';
import { minutesLimits, readMinutes } from './read-minutes.js';

const FIXTURES = new URL('../../../test/fixtures/minutes/', import.meta.url).pathname;
const DOCX = join(FIXTURES, 'cscg-2025-11-12.docx');
const MARKDOWN = join(FIXTURES, 'cscg-2025-11-12.md');
const REAL = join(FIXTURES, 'minutes.txt');

const dir = mkdtempSync(join(tmpdir(), 'lantern-minutes-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, bytes: Buffer | string): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

function zip(entries: Record<string, Buffer | string>): Promise<Buffer> {
  const z = new yazl.ZipFile();
  for (const [name, content] of Object.entries(entries)) {
    z.addBuffer(Buffer.from(content), name);
  }
  z.end();
  const chunks: Buffer[] = [];
  return new Promise((resolve, reject) => {
    z.outputStream.on('data', (c: Buffer) => chunks.push(c));
    z.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    z.outputStream.on('error', reject);
  });
}

const actionsOf = (text: string) =>
  extractActions(text).map((p) => ({ title: p.title, owner: p.owner, due: p.due, rule: p.rule }));

describe('readMinutes', () => {
  it('reads a Word document (made by pandoc) through mammoth: the same actions as its Markdown', async () => {
    const docx = await readMinutes(DOCX);
    expect(docx.format).toBe('docx');
    expect(docx.text).toContain(
      'Action – Shivani Davé to provide the link to the Hate crime JSNA.',
    );
    const md = await readMinutes(MARKDOWN);
    expect(md.format).toBe('markdown');
    const fromDocx = actionsOf(docx.text);
    expect(fromDocx).toEqual(actionsOf(md.text));
    expect(fromDocx).toEqual([
      {
        title:
          'Michael Nadasdy to circulate the CCSU Strategic Assessment and infographic to all members by 14 November',
        owner: 'Michael Nadasdy',
        due: '2025-11-14',
        rule: 'action-label',
      },
      {
        title: 'Andrew Palfreyman agreed to arrange a site assessment for a CCTV camera',
        owner: 'Andrew Palfreyman',
        due: null,
        rule: 'owner-agreed-to',
      },
      {
        title: 'Shivani Davé to provide the link to the Hate crime JSNA',
        owner: 'Shivani Davé',
        due: null,
        rule: 'action-label',
      },
      {
        title: 'Organise a session for volunteers on domestic abuse data',
        owner: 'Karen Watkin',
        due: '2026-01-31',
        rule: 'action-table',
      },
      {
        title: 'Invite the Community Safety Officer to the ASBAG',
        owner: 'Rebecca Young',
        due: '2026-02-11', // "next meeting": the minutes give its date
        rule: 'action-table',
      },
      {
        title:
          'Community Safety Officer to share the ASB hotspot map with the neighbourhood team by end of March 2026',
        owner: 'Community Safety Officer',
        due: '2026-03-31',
        rule: 'actions-list',
      },
      {
        title:
          'All partners to send comments on the draft action plan to the Chair within two weeks',
        owner: 'All partners',
        due: '2025-11-26',
        rule: 'actions-list',
      },
    ]);
  });

  it('reads the real minutes as text', async () => {
    const minutes = await readMinutes(REAL);
    expect(minutes.format).toBe('text');
    expect(actionsOf(minutes.text).map((a) => a.owner)).toEqual(['Shivani Davé']);
  });

  it('reads text Word saved as Windows-1252 or as UTF-16', async () => {
    const line = 'Action – Shivani Davé to provide the link.\r\n';
    const cp1252 = Buffer.from(line.replace('–', '\u0096'), 'latin1');
    expect((await readMinutes(file('cp1252.txt', cp1252))).text).toBe(line);
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(line, 'utf16le')]);
    expect((await readMinutes(file('utf16.txt', utf16))).text).toBe(line);
  });

  it.each([
    [
      'minutes.doc',
      'x',
      /minutes\.doc: a Word 97-2003 \(\.doc\) file.*save it as a Word Document \(\.docx\)/,
    ],
    [
      'minutes.pdf',
      'x',
      /minutes\.pdf: minutes must be a Word document \(\.docx\), Markdown \(\.md\) or plain text \(\.txt\), not \.pdf/,
    ],
    ['empty.txt', '', /empty\.txt: the file is empty/],
    ['blank.md', '  \n\n', /blank\.md: holds no text/],
    ['binary.txt', Buffer.from([0x41, 0, 0x42]), /binary\.txt: not a text file/],
    ['fake.docx', 'not a zip', /fake\.docx: not a Word \.docx file/],
  ])('refuses %s, naming it', async (name, content, message) => {
    await expect(readMinutes(file(name, content))).rejects.toThrow(message);
  });

  it('refuses a file that is not there', async () => {
    await expect(readMinutes(join(dir, 'missing.docx'))).rejects.toThrow(
      /missing\.docx: no such file/,
    );
  });

  it('says what is wrong with a .docx whose table names a style it does not hold', async () => {
    // Written by a tool other than Word: a table styled TableGrid, and no word/styles.xml.
    await expect(readMinutes(`${FIXTURES}no-styles.docx`)).rejects.toThrow(
      /no-styles\.docx: the Word document names the style "TableGrid" but holds no styles \(word\/styles\.xml is missing/u,
    );
  });

  it('refuses a zip that is not a Word document', async () => {
    const path = file('archive.docx', await zip({ 'readme.txt': 'hello' }));
    await expect(readMinutes(path)).rejects.toThrow(
      /archive\.docx: a zip archive but not a Word document/,
    );
  });

  it('refuses a .docx whose text inflates like a bomb, before mammoth inflates it', async () => {
    const padding = ' '.repeat(4 * 2 ** 20); // 4 MiB of spaces: thousands of times its compressed size
    const bomb = await zip({
      '[Content_Types].xml': '<Types/>',
      'word/document.xml': `<w:document>${padding}</w:document>`,
    });
    const path = file('bomb.docx', bomb);
    await expect(readMinutes(path)).rejects.toThrow(
      /bomb\.docx!word\/document\.xml: inflates to more than 100 times/,
    );
  });

  it('refuses a .docx with more parts than minutes have, and text over the size limit', async () => {
    await expect(readMinutes(DOCX, { ...minutesLimits({}), maxDocxEntries: 5 })).rejects.toThrow(
      /cscg-2025-11-12\.docx: holds \d+ parts, more than the 5/,
    );
    await expect(readMinutes(REAL, { ...minutesLimits({}), maxTextBytes: 1024 })).rejects.toThrow(
      /minutes\.txt: 5 KiB is more than the 1 KiB Lantern reads as one meeting's minutes/,
    );
  });
});

describe('docxHtmlToText', () => {
  it('writes headings, lists, tables and entities as the extraction reads them', () => {
    const html =
      '<h2>Actions</h2><ol><li>JW to circulate<ul><li>the slides</li></ul></li><li>KP &amp; AB to book</li></ol>' +
      '<p>Text <strong>bold</strong><br />next</p><table><tr><th><p>Action</p></th><th><p>Owner</p></th></tr>' +
      '<tr><td><p>Pipe | here</p></td><td><p>JW</p></td></tr></table><p>&#8211; end &#x2013;</p>';
    expect(docxHtmlToText(html)).toBe(
      [
        '## Actions',
        '',
        '1. JW to circulate',
        '  - the slides',
        '2. KP & AB to book',
        '',
        'Text bold',
        'next',
        '',
        '| Action | Owner |',
        '| Pipe / here | JW |',
        '',
        '– end –',
        '',
      ].join('\n'),
    );
  });
});
