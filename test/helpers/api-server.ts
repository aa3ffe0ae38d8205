/**
 * The HTTP API in this process on a store file: `app.request(...)` answers exactly as the network
 * would (Hono's in-process fetch), with the store open once and a session per request.
 */
import { testServer } from './server.js';

/** The server on a store file, on the real clock (imports are dated), with these settings. */
export function apiOn(storePath: string, env: Record<string, string> = {}) {
  return testServer(storePath, { env, clock: () => new Date() });
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
