/**
 * The HTTP server over a store, in this process: `app.request(path)` goes through every route and
 * middleware exactly as a request from the network does, without a port.
 */
import type { Hono } from 'hono';

import { FULL_SCOPE } from '../../src/domain/scope.js';
import { createApp } from '../../src/server/app.js';
import { WriterSlot, type ServerContext } from '../../src/server/context.js';
import { openStore } from '../../src/store/open-store.js';

export interface TestServer {
  app: Hono;
  ctx: ServerContext;
  close: () => void;
}

export async function testServer(
  storePath: string,
  options: { env?: Record<string, string>; clock?: () => Date } = {},
): Promise<TestServer> {
  const store = await openStore(storePath);
  const ctx: ServerContext = {
    store,
    storePath,
    hashKeyFile: `${storePath}.hash-key`,
    scope: FULL_SCOPE,
    clock: options.clock ?? (() => new Date('2026-01-15T12:00:00Z')),
    env: options.env ?? {},
    writer: new WriterSlot(),
  };
  return { app: createApp(ctx), ctx, close: () => store.close() };
}
