/**
 * Single sign-on (OpenID Connect): which Lantern user a provider's identity of a person signs in
 * as. An identity is the provider's issuer and its subject (`sub`, never reused by the provider
 * for anyone else), linked to a user the first time it signs in with an email the provider
 * vouches for that an admin gave the user; after that the link decides, whatever the email
 * becomes. A user has at most one identity at each provider. Nothing here creates a user.
 */
export const externalIdentitiesSchema = `
CREATE TABLE external_identity (
  issuer        VARCHAR NOT NULL,
  subject       VARCHAR NOT NULL,
  user_id       VARCHAR NOT NULL,
  linked_at     TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (issuer, subject),
  UNIQUE (issuer, user_id)
);
`;
