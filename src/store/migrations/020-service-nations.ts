/**
 * A support service may cover one nation (or England and Wales, Great Britain): Refuge's National
 * Domestic Abuse Helpline serves England, and Wales has its own. The coverage 'nation' keeps the
 * nation's ONS code (E92000001, W92000004, K04000001 …) as its area; 'national' stays the whole
 * United Kingdom. DuckDB cannot change a CHECK constraint in place: the table is made again with
 * its rows. Two entries of the bundled directory (config/support-services.yaml) said "national"
 * untruly: where a store still holds them as bundled (same id and source), they now say the
 * nations they serve, so that Refuge's helpline for England is no longer offered in Wales.
 */
export const serviceNationsSql = `
CREATE TABLE support_service_new (
  id           VARCHAR PRIMARY KEY,
  name         VARCHAR NOT NULL,
  provider     VARCHAR NOT NULL,
  themes       VARCHAR[] NOT NULL,
  coverage     VARCHAR NOT NULL CHECK (coverage IN ('national', 'nation', 'force', 'district')),
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
INSERT INTO support_service_new SELECT * FROM support_service;
DROP TABLE support_service;
ALTER TABLE support_service_new RENAME TO support_service;
UPDATE support_service SET coverage = 'nation', area_code = 'E92000001'
  WHERE id = 'national-domestic-abuse-helpline' AND coverage = 'national'
    AND source = 'https://refuge.org.uk/news/refuge-responds-to-reports-of-potential-increase-in-domestic-abuse-during-covid-19';
UPDATE support_service SET coverage = 'nation', area_code = 'K04000001'
  WHERE id = 'victim-support' AND coverage = 'national'
    AND source = 'https://www.victimsupport.org.uk/247-support-still-available-victims-crime/';
`;
