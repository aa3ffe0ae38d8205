/** `.gz` files inflated within the limits of domain/inflate-limits.ts. */
import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';

import {
  inflateLimits,
  inflatedCap,
  inflateRefusal,
  type InflateLimits,
} from '../domain/inflate-limits.js';
import { InputError } from '../errors.js';

const gunzipAsync = promisify(gunzip);

/**
 * A `.gz` file's bytes inflated, stopping (and refusing the file) as soon as they pass the
 * limits; a file that is not gzip is refused as unreadable.
 */
export async function gunzipWithin(
  bytes: Uint8Array,
  path: string,
  limits: InflateLimits = inflateLimits(process.env),
): Promise<Buffer> {
  try {
    return await gunzipAsync(bytes, { maxOutputLength: inflatedCap(bytes.length, limits) });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
      throw inflateRefusal(path, bytes.length, limits);
    }
    throw new InputError(`${path}: not a readable gzip file (${(error as Error).message})`);
  }
}
