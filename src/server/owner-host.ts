/**
 * A store with no accounts is open to whoever reaches it (its owner, on this computer), so it must
 * not be reachable from a web page of another site by DNS rebinding: a page at attacker.example
 * whose name is made to resolve to 127.0.0.1 sends its requests here, from the owner's own
 * browser, with Host: attacker.example (and a matching Origin, so the CSRF check passes). Such a
 * request is refused while the store has no accounts: only a Host that is a loopback name
 * (localhost) or an IP address is answered, which a rebinding page cannot send. Once the store has
 * accounts, every request needs a session or a token, which another site's page does not have.
 */
import { isIP } from 'node:net';

import type { Context, MiddlewareHandler } from 'hono';

/** Whether a Host header (name and optional port) names this computer or an address. */
export function ownerMayUseHost(host: string): boolean {
  const name = /^\[([^\]]+)\](?::\d+)?$/u.exec(host)?.[1] ?? host.replace(/:\d+$/u, '');
  const lower = name.toLowerCase().replace(/\.$/u, '');
  return lower === 'localhost' || lower.endsWith('.localhost') || isIP(lower) !== 0;
}

/** Refuses, while the store has no accounts (the caller is its owner), a Host that is a name. */
export function ownerHostOnly(): MiddlewareHandler {
  return async (c: Context, next) => {
    if (c.get('caller')?.kind !== 'owner') return next();
    const host = c.req.header('Host') ?? new URL(c.req.url).host;
    if (ownerMayUseHost(host)) return next();
    c.header('X-Lantern-Refused', 'host');
    const message = `Refused: this Lantern has no accounts yet, so it answers only at localhost or an IP address, not at the name "${host.slice(0, 100)}" (a page of another site could otherwise read it through your browser). Open it at http://localhost:…/, or add an admin (lantern users add --admin) to share it by name.`;
    return c.req.path.startsWith('/api/')
      ? c.json({ error: { type: 'forbidden', message } }, 403)
      : c.text(message, 403);
  };
}
