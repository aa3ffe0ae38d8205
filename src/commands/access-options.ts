/**
 * What the access commands share: --as (the admin acting, named in the audit log) and reading a
 * password without ever taking it as an option (an option would be kept in the shell's history
 * and shown to every user of the machine by `ps`).
 */
import { userInfo } from 'node:os';

import type { Actor } from '../domain/access.js';
import { InputError } from '../errors.js';
import type { Deps } from './definition.js';
import { option } from './options.js';

export const asOption = option.text(
  'the user you act as, named in the audit log (an admin for changes); without it you act as the local owner of the store file',
  'USER',
);

export const PASSWORD_HELP =
  'The password is never an option (it would be kept in the shell history and shown by ps): it is read from the environment variable LANTERN_PASSWORD, or else from standard input (printf %s "$PW" | lantern …).';

export async function actorOf(deps: Deps, as: string | undefined): Promise<Actor> {
  const { resolveActor } = await import('../usecases/access-actor.js');
  return resolveActor(deps.db, as, deps.env.USER ?? deps.env.USERNAME ?? osUserName());
}

/** The password from LANTERN_PASSWORD or standard input (one trailing newline dropped). */
export async function readPassword(deps: Deps): Promise<string> {
  const fromEnv = deps.env.LANTERN_PASSWORD;
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  const piped = await deps.readStdin();
  const password = piped?.replace(/\r?\n$/u, '') ?? '';
  if (password === '') {
    throw new InputError(
      'no password given: set LANTERN_PASSWORD, or pipe it to standard input (printf %s "$PW" | lantern …); it is never taken as an option',
    );
  }
  return password;
}

/** The operating system's name for the person running Lantern, or 'unknown'. */
function osUserName(): string {
  try {
    return userInfo().username;
  } catch {
    return 'unknown';
  }
}
