/**
 * Single sign-on with OpenID Connect (a council's Microsoft Entra ID, say): its settings and the
 * rules for trusting what the provider says about a person.
 *
 * Off unless configured. Set in the server's environment:
 * - LANTERN_OIDC_ISSUER: the provider's issuer (Entra ID: https://login.microsoftonline.com/<tenant id>/v2.0);
 * - LANTERN_OIDC_CLIENT_ID and LANTERN_OIDC_CLIENT_SECRET: Lantern's registration there;
 * - LANTERN_OIDC_REDIRECT_URL: where the provider sends the person back, registered there too
 *   (https://<Lantern's address>/sign-in/oidc/callback);
 * - LANTERN_OIDC_NAME (optional): the name on the button, "Sign in with <name>".
 *
 * Single sign-on never makes an account or gives access: it only signs in a person an admin has
 * added (by the email the provider vouches for, the first time; by the provider's identity of
 * them after that).
 */
import { ConfigError } from '../errors.js';

export interface SingleSignOnSettings {
  issuer: URL;
  clientId: string;
  clientSecret: string;
  redirectUrl: URL;
  /** Shown on the sign-in page: "Sign in with <name>". */
  name: string;
  /** Plain HTTP is taken only from a provider on this computer (a test's, a developer's). */
  allowHttp: boolean;
}

export const OIDC_ENV = {
  issuer: 'LANTERN_OIDC_ISSUER',
  clientId: 'LANTERN_OIDC_CLIENT_ID',
  clientSecret: 'LANTERN_OIDC_CLIENT_SECRET',
  redirectUrl: 'LANTERN_OIDC_REDIRECT_URL',
  name: 'LANTERN_OIDC_NAME',
} as const;

/** Where the provider sends the person back to: LANTERN_OIDC_REDIRECT_URL ends with it. */
export const CALLBACK_PATH = '/sign-in/oidc/callback';

/** The settings from the environment, or null when single sign-on is not configured (the default). */
export function singleSignOnFrom(
  env: Readonly<Record<string, string | undefined>>,
): SingleSignOnSettings | null {
  const value = (name: string) => {
    const v = env[name]?.trim();
    return v === undefined || v === '' ? null : v;
  };
  const required = [
    OIDC_ENV.issuer,
    OIDC_ENV.clientId,
    OIDC_ENV.clientSecret,
    OIDC_ENV.redirectUrl,
  ];
  const given = required.filter((name) => value(name) !== null);
  if (given.length === 0) return null;
  const missing = required.filter((name) => value(name) === null);
  if (missing.length > 0) {
    throw new ConfigError(
      `Single sign-on is half set up: ${given.join(', ')} ${given.length === 1 ? 'is' : 'are'} set but ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} not. Set all four, or none to sign in with passwords only.`,
    );
  }
  const issuer = address(OIDC_ENV.issuer, value(OIDC_ENV.issuer) as string);
  const redirectUrl = address(OIDC_ENV.redirectUrl, value(OIDC_ENV.redirectUrl) as string);
  if (!redirectUrl.pathname.endsWith(CALLBACK_PATH) || redirectUrl.search !== '') {
    throw new ConfigError(
      `${OIDC_ENV.redirectUrl}: must be Lantern's address followed by ${CALLBACK_PATH} (https://lantern.example.gov.uk${CALLBACK_PATH}), as registered at the provider, not "${redirectUrl.href}"`,
    );
  }
  const allowHttp = isLoopback(issuer.hostname);
  if (issuer.protocol !== 'https:' && !allowHttp) {
    throw new ConfigError(
      `${OIDC_ENV.issuer}: the provider must be reached over https:// (plain http only for a provider on this computer), not "${issuer.href}"`,
    );
  }
  return {
    issuer,
    clientId: value(OIDC_ENV.clientId) as string,
    clientSecret: value(OIDC_ENV.clientSecret) as string,
    redirectUrl,
    name: value(OIDC_ENV.name) ?? defaultName(issuer),
    allowHttp,
  };
}

function address(name: string, raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`${name}: not a web address: "${raw}"`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ConfigError(`${name}: must be an http(s) address, not "${raw}"`);
  }
  return url;
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '[::1]' || /^127(\.\d{1,3}){3}$/u.test(host);
}

function defaultName(issuer: URL): string {
  return issuer.hostname === 'login.microsoftonline.com' ? 'Microsoft' : 'single sign-on';
}

/** What the provider's ID token says about the person (its signature and nonce checked). */
export interface ProviderIdentity {
  issuer: string;
  subject: string;
  email: string | null;
  /** Whether the provider vouches that the email is the person's (see verifiedEmail). */
  emailVerified: boolean;
}

/**
 * Whether the provider vouches for the email in its ID token: `email_verified: true` (the
 * standard claim), or, where that claim is absent, Entra ID's `xms_edov: true` ("email domain
 * owner verified": the tenant owns the address's domain; Entra sends no email_verified for work
 * accounts). Anything else is an address the person may have typed themselves, and an email
 * that anyone can set must never open someone else's account.
 */
export function emailVerified(claims: Readonly<Record<string, unknown>>): boolean {
  if (claims.email_verified !== undefined) return claims.email_verified === true;
  return claims.xms_edov === true;
}
