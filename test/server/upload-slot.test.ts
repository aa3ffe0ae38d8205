/**
 * One import at a time, and an upload sent while another is being received is refused before a
 * byte of it is read. Before, uploads sent at once were each read whole into memory (four 200 MB
 * uploads took the server from 368 MB to 2,130 MB) and only then refused as busy: the writer's
 * slot was taken after the body had been read. (QA of the server, fault 8.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { apiOn, readEvents } from '../helpers/api-server.js';
import { demoStoreCopy } from '../helpers/demo-store.js';
import { tempDir } from '../helpers/temp.js';

const dir = tempDir();
let api: Awaited<ReturnType<typeof apiOn>>;
const BOUNDARY = 'lantern-test-boundary';
const encode = (s: string) => new TextEncoder().encode(s);

beforeAll(async () => {
  api = await apiOn(demoStoreCopy(dir.path), { LANTERN_UPLOAD_DIR: dir.path });
});
afterAll(() => {
  api.close();
  dir.remove();
});

function post(body: ReadableStream<Uint8Array>) {
  return api.app.request('/api/imports', {
    method: 'POST',
    body,
    headers: {
      Origin: 'http://localhost',
      'Content-Type': `multipart/form-data; boundary=${BOUNDARY}`,
    },
    duplex: 'half',
  } as RequestInit);
}

const head = (name: string) =>
  `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: text/csv\r\n\r\n`;
const tail = `\r\n--${BOUNDARY}--\r\n`;

describe('uploads sent at once', () => {
  it('refuse the second before reading it, while the first is still being received', async () => {
    // The first upload sends its start, then waits, as a large file on a slow line does.
    let finish!: () => void;
    const first = post(
      new ReadableStream<Uint8Array>({
        async start(controller) {
          controller.enqueue(encode(`${head('first.csv')}Crime ID,Month\n`));
          await new Promise<void>((resolve) => (finish = resolve));
          controller.enqueue(encode(`x,2020-01${tail}`));
          controller.close();
        },
      }),
    );
    // Let the server start on the first.
    for (let i = 0; i < 50 && api.ctx.writer.running === null; i++)
      await new Promise((r) => setTimeout(r, 10));
    expect(api.ctx.writer.running?.what).toBe('an upload being received');

    let read = 0;
    const second = await post(
      new ReadableStream<Uint8Array>(
        {
          pull(controller) {
            read++;
            controller.enqueue(encode(`${head('second.csv')}Crime ID,Month\nx,2020-01${tail}`));
            controller.close();
          },
        },
        { highWaterMark: 0 },
      ),
    );
    expect(second.status).toBe(409);
    expect(((await second.json()) as { error: { message: string } }).error.message).toContain(
      'An import is already running (an upload being received, started at',
    );
    expect(read).toBe(0);

    finish();
    const answer = await first;
    expect(answer.status).toBe(202);
    const { events } = (await answer.json()) as { events: string };
    const done = await readEvents(await api.app.request(events));
    expect(['report', 'failed']).toContain(done.at(-1)?.event);
    expect(api.ctx.writer.running).toBeNull();
  });

  it('lets the slot go when an upload is refused', async () => {
    const refused = await post(
      new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(encode('not a multipart form at all'));
          controller.close();
        },
      }),
    );
    expect(refused.status).toBe(400);
    expect(api.ctx.writer.running).toBeNull();
  });
});
