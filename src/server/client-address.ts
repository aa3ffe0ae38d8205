/**
 * The address a request came from. Without a proxy it is the socket's. Behind a reverse proxy
 * (the TLS proxy the guide recommends) every request's socket is the proxy's, so every user would
 * share one address: one sign-in limit for all, and the proxy in every audit row. The proxy's own
 * address is named in LANTERN_TRUSTED_PROXY (one or more, separated by commas); a request whose
 * socket is one of them is taken to come from the address that proxy put last in
 * X-Forwarded-For (the first, from the right, that is not itself a trusted proxy). The header of a
 * request from any other address is ignored: anyone can send one.
 */
import { isIP } from 'node:net';

import type { Context } from 'hono';

import { ConfigError } from '../errors.js';

export const TRUSTED_PROXY_ENV = 'LANTERN_TRUSTED_PROXY';

/** The proxies' addresses, checked: a setting that names no address is refused at start. */
export function trustedProxiesFrom(
  env: Readonly<Record<string, string | undefined>>,
): ReadonlySet<string> {
  const text = (env[TRUSTED_PROXY_ENV] ?? '').trim();
  if (text === '') return new Set();
  const addresses = text.split(',').map((a) => a.trim());
  for (const a of addresses)
    if (isIP(plain(a)) === 0)
      throw new ConfigError(
        `${TRUSTED_PROXY_ENV}: "${a}" is not an IP address (give the proxy's addresses, separated by commas, e.g. 127.0.0.1,::1)`,
      );
  return new Set(addresses.map(plain));
}

/** The address of the socket a request came over, when it came over one (in-process: none). */
export function socketAddress(c: Context): string | null {
  const env = c.env as
    | { incoming?: { socket?: { remoteAddress?: string } } }
    | { server?: { incoming?: { socket?: { remoteAddress?: string } } } }
    | undefined;
  const bindings = env && 'server' in env ? env.server : env;
  const address = (bindings as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)
    ?.incoming?.socket?.remoteAddress;
  return address ? plain(address) : null;
}

/** The client's address: the socket's, or what a trusted proxy says it forwarded. */
export function clientAddress(c: Context, trusted: ReadonlySet<string>): string | null {
  const socket = socketAddress(c);
  if (socket === null || !trusted.has(socket)) return socket;
  const forwarded = (c.req.header('X-Forwarded-For') ?? '')
    .split(',')
    .map((a) => plain(a.trim()))
    .filter((a) => a !== '');
  for (let i = forwarded.length - 1; i >= 0; i--) {
    const a = forwarded[i] as string;
    if (!trusted.has(a)) return isIP(a) === 0 ? socket : a;
  }
  return socket;
}

/** An IPv4 address as IPv6 ("::ffff:10.0.0.1") written plainly ("10.0.0.1"). */
function plain(address: string): string {
  return address.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/u, '$1');
}
