/**
 * Access control (capability 10): organisations, users with their password hash and lockout
 * state, grants, sessions, API tokens, password resets and the audit log.
 *
 * No secret is stored in clear: passwords as argon2id hashes (PHC strings), session, API and reset
 * tokens as the SHA-256 of the token (they are 256-bit random values, so a fast hash is enough:
 * there is nothing to guess). The audit log is written only by appending (src/store/audit-log.ts
 * has no update or delete), and each row carries the SHA-256 of the row before it with its own
 * content, so an edited or deleted row breaks the chain (`lantern audit --verify`).
 */
export const accessSchema = `
CREATE TABLE organisation (
  name        VARCHAR PRIMARY KEY,
  created_at  TIMESTAMPTZ NOT NULL
);
CREATE TABLE app_user (
  id              VARCHAR PRIMARY KEY,
  name            VARCHAR NOT NULL UNIQUE,
  email           VARCHAR NOT NULL UNIQUE,
  organisation    VARCHAR,
  role            VARCHAR NOT NULL CHECK (role IN ('admin', 'analyst', 'partner', 'viewer')),
  disabled        BOOLEAN NOT NULL DEFAULT false,
  password_hash   VARCHAR,
  created_at      TIMESTAMPTZ NOT NULL
);
-- Mutable sign-in state kept apart from the user's indexed row.
CREATE TABLE sign_in_state (
  user_id         VARCHAR NOT NULL,
  failures        INTEGER NOT NULL,
  locked_until    TIMESTAMPTZ,
  last_failure_at TIMESTAMPTZ
);
CREATE TABLE access_grant (
  id            VARCHAR PRIMARY KEY,
  user_name     VARCHAR,
  organisation  VARCHAR,
  area_code     VARCHAR NOT NULL,
  level         VARCHAR NOT NULL CHECK (level IN ('detail', 'aggregate')),
  dataset       VARCHAR,
  sensitivity   VARCHAR CHECK (sensitivity IN ('public', 'partner', 'restricted')),
  created_at    TIMESTAMPTZ NOT NULL,
  CHECK ((user_name IS NULL) <> (organisation IS NULL)),
  CHECK (dataset IS NULL OR sensitivity IS NULL)
);
CREATE TABLE user_session (
  token_hash    VARCHAR NOT NULL,
  user_id       VARCHAR NOT NULL,
  created_at    TIMESTAMPTZ NOT NULL,
  expires_at    TIMESTAMPTZ NOT NULL,
  last_seen_at  TIMESTAMPTZ NOT NULL,
  ended_at      TIMESTAMPTZ
);
CREATE TABLE api_token (
  id            VARCHAR NOT NULL,
  token_hash    VARCHAR NOT NULL,
  user_id       VARCHAR NOT NULL,
  name          VARCHAR NOT NULL,
  grant_ids     VARCHAR[] NOT NULL,
  created_at    TIMESTAMPTZ NOT NULL,
  expires_at    TIMESTAMPTZ NOT NULL,
  last_used_at  TIMESTAMPTZ,
  revoked_at    TIMESTAMPTZ
);
CREATE TABLE password_reset (
  token_hash    VARCHAR NOT NULL,
  user_id       VARCHAR NOT NULL,
  created_at    TIMESTAMPTZ NOT NULL,
  expires_at    TIMESTAMPTZ NOT NULL,
  used_at       TIMESTAMPTZ
);
CREATE TABLE audit_log (
  seq         BIGINT PRIMARY KEY,
  logged_at   TIMESTAMPTZ NOT NULL,
  actor       VARCHAR NOT NULL,
  action      VARCHAR NOT NULL,
  area        VARCHAR,
  dataset     VARCHAR,
  outcome     VARCHAR NOT NULL,
  detail      VARCHAR,
  prev_hash   VARCHAR NOT NULL,
  hash        VARCHAR NOT NULL
);
`;
