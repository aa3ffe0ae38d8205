/**
 * The dashboard's filters (the areas and periods a caller may choose) and the public pages'
 * districts are kept between pages until the store changes (pages/choices.ts, pages/public.ts):
 * an upload's new force and months appear on the next page once its import has ended, and a page
 * refused for a bad period still offers them.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { apiOn, readEvents } from '../helpers/api-server.js';
import { emptyStoreCopy } from '../helpers/demo-store.js';
import { MERSEYSIDE_JANUARY_2019 } from '../helpers/merseyside.js';
import { tempDir } from '../helpers/temp.js';

const dir = tempDir();
let api: Awaited<ReturnType<typeof apiOn>>;

beforeAll(async () => {
  api = await apiOn(emptyStoreCopy(dir.path, 'new.duckdb'));
});
afterAll(() => {
  api?.close();
  dir.remove();
});

async function page(path: string): Promise<{ status: number; text: string }> {
  const r = await api.app.request(path);
  return { status: r.status, text: (await r.text()).replace(/\s+/gu, ' ') };
}
const periodHelp = (text: string) => /id="period-help" class="help">([^<]*)</u.exec(text)?.[1];

describe('the filters kept between pages', () => {
  it('offer an uploaded force and its months on the next page, refused or not', async () => {
    // A new store: no force, no month held (the page says there is nothing to show).
    const before = await page('/');
    expect(before.text).not.toContain('<optgroup label="Merseyside">');
    expect(periodHelp(before.text) ?? '').not.toContain('2019');
    // Asked again, the same page (kept, not made again, and the same for it).
    expect((await page('/')).text).toBe(before.text);
    // The public pages' districts, kept too: Merseyside's are not there yet.
    expect((await page('/public')).text).not.toContain('Liverpool');
    expect((await page('/public/liverpool')).text).toContain(
      'We do not hold any police figures for Liverpool yet.',
    );

    const body = new FormData();
    body.append(
      'file',
      new File([readFileSync(MERSEYSIDE_JANUARY_2019)], basename(MERSEYSIDE_JANUARY_2019)),
    );
    const answer = await api.app.request('/api/imports', {
      method: 'POST',
      body,
      headers: { Origin: 'http://localhost' },
    });
    expect(answer.status).toBe(202);
    const { events } = (await answer.json()) as { events: string };
    const ended = await readEvents(await api.app.request(events));
    expect(ended.at(-1)?.event).toBe('report');
    await api.ctx.writer.idle();

    const after = await page('/?area=Liverpool');
    expect(after.text).toContain('<optgroup label="Merseyside">');
    // The upload's month is offered beside the Period box.
    expect(periodHelp(after.text)).toBe('2019, 2018-19 (April to March), 2019-01');
    expect((await page('/public')).text).toContain('Liverpool');
    const liverpool = await page('/public/liverpool');
    expect(liverpool.status).toBe(200);
    expect(liverpool.text).not.toContain('We do not hold any police figures');
    // A page refused for a bad period offers the same choices as one answered.
    const refused = await page('/trends?area=Liverpool&period=not-a-period');
    expect(refused.status).toBe(400);
    expect(refused.text).toContain('<optgroup label="Merseyside">');
    expect(periodHelp(refused.text)).toBe(periodHelp(after.text));
  });
});
