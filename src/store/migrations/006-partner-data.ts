/**
 * Partner datasets (capability 4): their import batches and rejected rows, which (dataset, area,
 * month) each batch covers now, incident-level records, aggregate counts and survey results.
 * `synthetic` marks generated demonstration data, which every output that uses it must say.
 */
export const partnerDataSchema = `
CREATE TABLE partner_batch (
  id            INTEGER PRIMARY KEY,
  dataset       VARCHAR NOT NULL,
  file_name     VARCHAR NOT NULL,
  content_hash  VARCHAR NOT NULL,   -- of the file's bytes and the mapping's text
  mapping       VARCHAR,            -- the mapping file, if any
  synthetic     BOOLEAN NOT NULL,
  months        VARCHAR[] NOT NULL,
  areas         VARCHAR[] NOT NULL, -- districts the file covers
  rows_accepted INTEGER NOT NULL,
  rows_rejected INTEGER NOT NULL,
  rows_replaced INTEGER NOT NULL,
  started_at    TIMESTAMPTZ NOT NULL,
  finished_at   TIMESTAMPTZ NOT NULL,
  status        VARCHAR NOT NULL    -- imported | replaced
);

CREATE TABLE partner_rejected_row (
  batch_id INTEGER NOT NULL,
  line     INTEGER NOT NULL,
  field    VARCHAR,
  reason   VARCHAR NOT NULL,
  raw      VARCHAR NOT NULL
);

-- Which batch holds each (dataset, district, month) now: a month covered is observed (zero when
-- nothing was recorded); one not covered is missing. A newer file replaces an older one's months.
CREATE TABLE partner_coverage (
  batch_id    INTEGER NOT NULL,
  dataset     VARCHAR NOT NULL,
  district    VARCHAR NOT NULL,
  month       VARCHAR NOT NULL,
  replaced_by INTEGER
);

CREATE TABLE partner_record (
  batch_id      INTEGER NOT NULL,
  line          INTEGER NOT NULL,
  dataset       VARCHAR NOT NULL,
  record_date   DATE,
  month         VARCHAR NOT NULL,
  area_code     VARCHAR,            -- the finest area known (LSOA, ward or district)
  district_code VARCHAR NOT NULL,
  lsoa_code     VARCHAR,
  longitude     DOUBLE,
  latitude      DOUBLE,
  categories    VARCHAR[] NOT NULL, -- one, or several (hate crime strands)
  attributes    JSON NOT NULL       -- the other schema fields; personal ones hashed or absent
);

CREATE TABLE partner_count (
  batch_id      INTEGER NOT NULL,
  line          INTEGER NOT NULL,
  dataset       VARCHAR NOT NULL,
  month         VARCHAR NOT NULL,
  area_code     VARCHAR NOT NULL,
  district_code VARCHAR NOT NULL,
  category      VARCHAR NOT NULL,
  count         INTEGER NOT NULL,
  dimensions    JSON NOT NULL       -- e.g. Prevent's type of concern and referring sector
);

CREATE TABLE community_concern (
  batch_id        INTEGER NOT NULL,
  line            INTEGER NOT NULL,
  month           VARCHAR NOT NULL,
  area_code       VARCHAR NOT NULL,
  district_code   VARCHAR NOT NULL,
  issue           VARCHAR NOT NULL,
  share_concerned DOUBLE,
  rank            INTEGER,
  respondents     INTEGER
);
`;
