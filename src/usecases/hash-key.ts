/**
 * The key of the keyed hash (HMAC-SHA-256) that replaces partner references such as crime
 * numbers, so repeats can be counted without storing them. The key is a file beside the store
 * (never inside it); the store keeps only a fingerprint of it (an HMAC of a fixed text under the
 * key), so that:
 * - a store whose references were hashed is never given a new key because its key file was not
 *   copied with it (repeats would silently stop matching across files): it is refused, naming
 *   where the key should be;
 * - a key file that is not the store's key is refused the same way;
 * - a new store makes its key on first use and records the fingerprint.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';

import { DATASETS } from '../domain/datasets.js';
import { InputError } from '../errors.js';
import type { Db } from '../store/db.js';
import { holdsHashedReferences, setStoreSetting, storeSetting } from '../store/store-settings.js';

const SETTING = 'hash-key-fingerprint';

/** The fingerprint recorded for a key: not the key, and not reversible to it. */
export function keyFingerprint(key: Buffer): string {
  return createHmac('sha256', key)
    .update('lantern hash key fingerprint v1')
    .digest('hex')
    .slice(0, 32);
}

/** The store's hash key, read from `path`, or made there if the store has never used one. */
export async function storeHashKey(db: Db, path: string): Promise<Buffer> {
  const recorded = await storeSetting(db, SETTING);
  const key = await readKey(path);
  if (key === null) {
    const hashed = await holdsHashedReferences(
      db,
      DATASETS.filter((d) => d.fields.some((f) => f.personal === 'hash')).map((d) => d.name),
    );
    if (recorded !== null || hashed) {
      throw new InputError(
        `${path}: the hash key of this store is missing. The store's references were hashed with ` +
          `the key in its .hash-key file, which was not copied with it. Copy that file from where ` +
          `the store came from to ${path} (or set LANTERN_HASH_KEY_FILE to where it is). ` +
          'A new key would stop repeats matching the records already stored, so none was made.',
      );
    }
    const made = randomBytes(32);
    await writeFile(path, made.toString('hex') + '\n', { mode: 0o600, flag: 'wx' });
    await setStoreSetting(db, SETTING, keyFingerprint(made));
    return made;
  }
  const fingerprint = keyFingerprint(key);
  if (recorded === null) await setStoreSetting(db, SETTING, fingerprint);
  else if (recorded !== fingerprint) {
    throw new InputError(
      `${path}: this is not the hash key this store's references were hashed with (the key's ` +
        `fingerprint is ${fingerprint.slice(0, 8)}…, the store's ${recorded.slice(0, 8)}…). Give the ` +
        "store's own .hash-key file (LANTERN_HASH_KEY_FILE names another place).",
    );
  }
  return key;
}

async function readKey(path: string): Promise<Buffer | null> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new InputError(`${path}: the hash key file cannot be read (${(error as Error).message})`);
  }
  const key = Buffer.from(text.trim(), 'hex');
  if (key.length < 16 || !/^[0-9a-f]+$/iu.test(text.trim())) {
    throw new InputError(`${path}: the hash key file does not hold a key (64 hexadecimal digits)`);
  }
  return key;
}
