/**
 * Password hashing: argon2id through @node-rs/argon2 (prebuilt native binaries, no install
 * script), with the parameters OWASP's Password Storage Cheat Sheet gives as its first choice:
 * 19 MiB of memory (m = 19456 KiB), 2 iterations (t = 2), 1 lane (p = 1), a random 16-byte salt
 * and a 32-byte hash, kept as a PHC string ($argon2id$v=19$m=19456,t=2,p=1$salt$hash) that
 * carries its own parameters, so they can be raised later without breaking stored hashes.
 */
// The native addon is loaded when a password is first hashed or checked, not by every command
// that can reach this file (an import never needs it: about 40 ms of CPU).
const argon2 = () => import('@node-rs/argon2');

import { InputError } from '../errors.js';

/** argon2id's number in @node-rs/argon2's Algorithm enum (a const enum, not importable here). */
const ARGON2ID = 2;

export const ARGON2_PARAMETERS = {
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
  outputLen: 32,
} as const;

/** The shortest password accepted (NCSC and NIST SP 800-63B: at least 8; we ask for 12). */
export const MIN_PASSWORD_LENGTH = 12;

/**
 * The longest password accepted: far beyond any passphrase, and a bound on the work of hashing
 * one (argon2 reads the whole password). A longer one is refused when set, and at sign-in simply
 * does not match, without being hashed.
 */
export const MAX_PASSWORD_LENGTH = 1024;

function tooLong(password: string): boolean {
  // Counted in characters; no need to count when even its UTF-16 units are few enough.
  return password.length > MAX_PASSWORD_LENGTH && [...password].length > MAX_PASSWORD_LENGTH;
}

export function checkPasswordRules(password: string): void {
  if ([...password].length < MIN_PASSWORD_LENGTH) {
    throw new InputError(
      `the password must be at least ${MIN_PASSWORD_LENGTH} characters long (a few words together are easy to remember)`,
    );
  }
  if (tooLong(password)) {
    throw new InputError(
      `the password must be at most ${MAX_PASSWORD_LENGTH} characters long (this one has ${[...password].length})`,
    );
  }
}

export async function hashPassword(password: string): Promise<string> {
  if (tooLong(password)) checkPasswordRules(password);
  const { hash } = await argon2();
  return hash(password, { ...ARGON2_PARAMETERS, algorithm: ARGON2ID as never });
}

export async function verifyPassword(phc: string, password: string): Promise<boolean> {
  // No password this long was ever set: it cannot match, and is not worth hashing.
  if (tooLong(password)) return false;
  const { verify } = await argon2();
  try {
    return await verify(phc, password);
  } catch {
    return false;
  }
}

/**
 * A hash of a password nobody has, checked when the name given at sign-in is unknown, so that an
 * unknown name costs as long as a wrong password and timing does not tell which it was.
 */
let dummy: Promise<string> | null = null;
export function dummyHash(): Promise<string> {
  dummy ??= hashPassword('lantern: no such user, no such password');
  return dummy;
}
