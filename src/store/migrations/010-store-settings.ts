/**
 * Facts about the store itself, by name. The first is `hash-key-fingerprint`: which key the
 * store's hashed references were made with (an HMAC of a fixed text under the key, never the
 * key), so a store copied without its key file, or given another one, is refused instead of
 * silently hashing with a new key (src/usecases/hash-key.ts).
 */
export const storeSettingsSchema = `
CREATE TABLE store_setting (
  name       VARCHAR PRIMARY KEY,
  value      VARCHAR NOT NULL,
  set_at     TIMESTAMPTZ NOT NULL
);
`;
