/**
 * Random secrets handed to a person once (session cookies, API tokens, reset tokens): 32 bytes
 * from the operating system's CSPRNG, base64url. The store keeps only their SHA-256: a 256-bit
 * random value cannot be guessed, so a slow hash would add nothing.
 */
import { createHash, randomBytes } from 'node:crypto';

export function randomSecret(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

export function secretHash(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/**
 * An API token: `lnt_` + a public id (8 hex characters: names the token in lists) + `_` + the
 * secret. Returns the token (shown once) and its id.
 */
export function newApiToken(): { token: string; id: string } {
  const id = randomBytes(4).toString('hex');
  return { id, token: `lnt_${id}_${randomSecret()}` };
}
