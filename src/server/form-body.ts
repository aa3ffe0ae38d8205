/**
 * A form's fields, read from a request's body (urlencoded or multipart). A body that cannot be
 * read as a form (a multipart body without its boundary, cut short, or not multipart at all) is
 * the sender's mistake: an InputError (400) that says so, not an unexpected failure (500 with a
 * stack in the server's log).
 */
import type { Context } from 'hono';

import { InputError } from '../errors.js';

export type FormFields = Record<string, string | File>;

export async function readForm(c: Context): Promise<FormFields> {
  try {
    return await c.req.parseBody();
  } catch {
    throw new InputError(
      `The form sent could not be read (Content-Type ${(c.req.header('Content-Type') ?? 'not given').slice(0, 80)}): send it as application/x-www-form-urlencoded or a complete multipart/form-data body`,
    );
  }
}
