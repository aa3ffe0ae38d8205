/**
 * `lantern serve`: the dashboard and the HTTP API over the store, until stopped. The server is
 * an adapter (src/server) like the terminal; this command only starts it.
 */
import type { Deps } from './definition.js';
import { defineCommand } from './definition.js';
import { option } from './options.js';

export const serveOptions = {
  port: option.number('the port to listen on', {
    min: 0,
    max: 65535,
    integer: true,
    placeholder: 'PORT',
    defaultText: '8080 ($PORT when set); 0 picks a free one',
  }),
  host: option.text(
    'the address to listen on: 127.0.0.1 (this computer only) unless told otherwise; 0.0.0.0 shares it with the network (add user accounts first: a store without them is open to whoever reaches it)',
    'HOST',
  ),
};

/** Serves the store of `deps` until the person stops it; returns where it served. */
export async function serveUntilStopped(
  deps: Deps,
  input: { port: number | undefined; host: string | undefined },
) {
  const { serveStore } = await import('../server/serve.js');
  const fromEnv = deps.env.PORT === undefined ? undefined : Number(deps.env.PORT);
  return serveStore(deps, {
    port: input.port ?? (Number.isInteger(fromEnv) ? (fromEnv as number) : 8080),
    host: input.host ?? '127.0.0.1',
    until: deps.untilStopped(),
  });
}

export const serveCommand = defineCommand({
  name: 'serve',
  task: 'Look at an area',
  summary: 'The dashboard and the HTTP API over the store, in a browser, until stopped (Ctrl+C)',
  description:
    "Prints the address to open. Every command that reads is also an endpoint (GET /api/trends?area=…; GET /api/openapi.json lists them). Once the store has user accounts (lantern users add --admin), everyone signs in (the dashboard) or sends an API token (Authorization: Bearer), and sees what their grants allow; a store without accounts is served to its owner on 127.0.0.1 only, unless ⟨host⟩ says otherwise, and answers only at localhost or an IP address, never at a name (a page of another site rebinding its name to this computer could read it). Single sign-on (OpenID Connect: a council's Microsoft Entra ID, say) is offered beside passwords when LANTERN_OIDC_ISSUER, LANTERN_OIDC_CLIENT_ID, LANTERN_OIDC_CLIENT_SECRET and LANTERN_OIDC_REDIRECT_URL are set (LANTERN_OIDC_NAME names the button); it signs in only people an admin has added.",
  examples: ['lantern serve', 'lantern serve --port 8081'],
  options: serveOptions,
  store: 'existing',
  run: (deps, input) => serveUntilStopped(deps, input),
  text: ({ url }) => `Stopped serving ${url}`,
});
