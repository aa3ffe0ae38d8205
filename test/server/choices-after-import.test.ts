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
import { demoStoreCopy } from '../helpers/demo-store.js';
import { MERSEYSIDE_JANUARY_2019 } from '../helpers/merseyside.js';
import { tempDir } from '../helpers/temp.js';

const dir = tempDir();
let api: Awaited<ReturnType<typeof apiOn>>;

beforeAll(async () => {
  api = await apiOn(demoStoreCopy(dir.path));
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
    const before = await page('/?area=Three%20Rivers');
    expect(before.status).toBe(200);
    expect(before.text).not.toContain('<optgroup label="Merseyside">');
    const held = periodHelp(before.text);
    expect(held).toMatch(/\d{4}-\d\d\.\.\d{4}-\d\d$/u);
    expect(held).not.toContain('2019-01');
    // Asked again, the same page (kept, not made again, and the same for it).
    expect((await page('/?area=Three%20Rivers')).text).toBe(before.text);
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

    const after = await page('/?area=Three%20Rivers');
    expect(after.text).toContain('<optgroup label="Merseyside">');
    expect(periodHelp(after.text)).toBe(held!.replace(/^(.*, )\d{4}-\d\d\.\./u, '$12019-01..'));
    expect((await page('/public')).text).toContain('Liverpool');
    const liverpool = await page('/public/liverpool');
    expect(liverpool.status).toBe(200);
    expect(liverpool.text).not.toContain('We do not hold any police figures');
    // A page refused for a bad period offers the same choices as one answered.
    const refused = await page('/trends?area=Three%20Rivers&period=not-a-period');
    expect(refused.status).toBe(400);
    expect(refused.text).toContain('<optgroup label="Merseyside">');
    expect(periodHelp(refused.text)).toBe(periodHelp(after.text));
  });
});
