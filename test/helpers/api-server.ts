/**
 * The HTTP API in this process on a store file: `app.request(...)` answers exactly as the network
 * would (Hono's in-process fetch), with the store open once and a session per request.
 */
import { createApp } from '../../src/server/app.js';
import { WriterSlot, type ServerContext } from '../../src/server/context.js';
import { FULL_SCOPE } from '../../src/domain/scope.js';
import { openStore } from '../../src/store/open-store.js';

export async function apiOn(storePath: string, env: Record<string, string> = {}) {
  const store = await openStore(storePath);
  const ctx: ServerContext = {
    store,
    storePath,
    hashKeyFile: `${storePath}.hash-key`,
    scope: FULL_SCOPE,
    clock: () => new Date(),
    env,
    writer: new WriterSlot(),
  };
  const app = createApp(ctx);
  return { app, ctx, close: () => store.close() };
}

/** The events of a server-sent-event stream, read to its end. */
export async function readEvents(response: Response): Promise<{ event: string; data: unknown }[]> {
  const text = await response.text();
  const events: { event: string; data: unknown }[] = [];
  for (const block of text.split('\n\n')) {
    const lines = block.split('\n');
    const event = lines
      .find((l) => l.startsWith('event:'))
      ?.slice(6)
      .trim();
    const data = lines
      .filter((l) => l.startsWith('data:'))
      .map((l) => l.slice(5).trimStart())
      .join('\n');
    if (event) events.push({ event, data: JSON.parse(data) });
  }
  return events;
}
