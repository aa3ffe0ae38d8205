import { createServer, type Server } from 'node:http';
import { connect } from 'node:net';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { answerClientError } from './client-error.js';

let server: Server;
let base: string;
beforeAll(async () => {
  server = createServer((_req, res) => res.end('ok'));
  server.on('clientError', answerClientError);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address() as { port: number };
  base = `http://127.0.0.1:${address.port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('a request the HTTP parser cannot take', () => {
  it('is answered 431 with a JSON reason when its address is over the header limit', async () => {
    const r = await fetch(`${base}/api/trends?area=${'x'.repeat(20_000)}`);
    expect(r.status).toBe(431);
    expect(r.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(await r.json()).toEqual({
      error: {
        type: 'too-large',
        message: expect.stringContaining('longer than the server reads (16 KB)') as string,
      },
    });
    // A request within the limit is the routes' as before.
    expect(await (await fetch(`${base}/api/trends?area=Watford`)).text()).toBe('ok');
  });

  it('is answered 400 in JSON when it is not HTTP at all', async () => {
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(new URL(base).port), '127.0.0.1', () =>
        socket.write('NOT HTTP AT ALL\r\n\r\n'),
      );
      let text = '';
      socket.on('data', (d: Buffer) => (text += d.toString('utf8')));
      socket.on('end', () => resolve(text));
      socket.on('error', reject);
    });
    expect(answer).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/u);
    expect(answer).toContain(
      '{"error":{"type":"bad-input","message":"The request could not be read as HTTP."}}',
    );
  });
});
