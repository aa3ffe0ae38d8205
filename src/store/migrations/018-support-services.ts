/**
 * The support-services directory (issue 22): services with their themes, the area they cover
 * (NULL: national), how to reach them, when, and for whom; whether they are shown to the public;
 * and where their details were checked. Kept in the store so that admins and analysts edit it
 * (lantern services …, audited) and packs and the public page read one list.
 */
export const supportServicesSchema = `
CREATE TABLE support_service (
  id           VARCHAR PRIMARY KEY,
  name         VARCHAR NOT NULL,
  provider     VARCHAR NOT NULL,
  themes       VARCHAR[] NOT NULL,
  coverage     VARCHAR NOT NULL CHECK (coverage IN ('national', 'force', 'district')),
  area_code    VARCHAR,
  phone        VARCHAR,
  web          VARCHAR,
  email        VARCHAR,
  text_number  VARCHAR,
  hours        VARCHAR NOT NULL,
  eligibility  VARCHAR NOT NULL,
  description  VARCHAR NOT NULL,
  public       BOOLEAN NOT NULL,
  source       VARCHAR NOT NULL,
  verified     BOOLEAN NOT NULL,
  updated_at   TIMESTAMPTZ NOT NULL,
  CHECK ((coverage = 'national') = (area_code IS NULL))
);
`;
