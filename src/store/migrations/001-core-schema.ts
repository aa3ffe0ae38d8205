/** The data spine: import batches, the three police.uk series, rejected rows, areas, populations. */
export const coreSchema = `
CREATE TABLE import_batch (
  id            INTEGER PRIMARY KEY,
  file_name     VARCHAR NOT NULL,
  content_hash  VARCHAR NOT NULL,
  kind          VARCHAR NOT NULL,   -- street | outcomes | stop-and-search
  dataset       VARCHAR NOT NULL,   -- police-street | police-outcomes | police-stop-and-search
  force         VARCHAR NOT NULL,   -- police.uk force id
  area_code     VARCHAR,            -- null: the force's whole file; else the area a fetch covered
  months        VARCHAR[] NOT NULL,
  rows_accepted INTEGER NOT NULL,
  rows_rejected INTEGER NOT NULL,
  rows_replaced INTEGER NOT NULL,
  started_at    TIMESTAMPTZ NOT NULL,
  finished_at   TIMESTAMPTZ NOT NULL,
  status        VARCHAR NOT NULL    -- imported | replaced (every month it held has a newer file)
);

-- Which batch holds each (kind, force, month[, area]) now; older holders point at their
-- replacement. area_code is null for a force's whole file, or the area an API fetch covered.
CREATE TABLE batch_month (
  batch_id    INTEGER NOT NULL,
  kind        VARCHAR NOT NULL,
  force       VARCHAR NOT NULL,
  month       VARCHAR NOT NULL,
  row_count   INTEGER NOT NULL,
  replaced_by INTEGER,
  area_code   VARCHAR
);

CREATE TABLE rejected_row (
  batch_id INTEGER NOT NULL,
  line     INTEGER NOT NULL,
  field    VARCHAR,
  reason   VARCHAR NOT NULL,
  raw      VARCHAR NOT NULL
);

-- One row per police.uk street record, crimes and anti-social behaviour alike.
CREATE TABLE crime (
  batch_id       INTEGER NOT NULL,
  line           INTEGER NOT NULL,
  crime_id       VARCHAR,           -- null for ASB
  asb_key        VARCHAR,           -- for rows without a crime id: hash of the content (+ '#n')
  record_key     VARCHAR GENERATED ALWAYS AS (COALESCE(crime_id, asb_key)) VIRTUAL,
  month          VARCHAR NOT NULL,
  force          VARCHAR NOT NULL,
  reported_by    VARCHAR,
  falls_within   VARCHAR,
  longitude      DOUBLE,
  latitude       DOUBLE,
  location       VARCHAR,
  lsoa_code      VARCHAR,
  lsoa_name      VARCHAR,
  district_code  VARCHAR,           -- from the LSOA code, else from the LSOA name; null if neither
  district_match VARCHAR NOT NULL,  -- code | name | none (no LSOA) | unmatched
  category       VARCHAR NOT NULL,  -- police.uk slug
  last_outcome   VARCHAR,
  context        VARCHAR
);

CREATE TABLE outcome (
  batch_id       INTEGER NOT NULL,
  line           INTEGER NOT NULL,
  crime_id       VARCHAR NOT NULL,
  month          VARCHAR NOT NULL,
  force          VARCHAR NOT NULL,
  reported_by    VARCHAR,
  falls_within   VARCHAR,
  longitude      DOUBLE,
  latitude       DOUBLE,
  location       VARCHAR,
  lsoa_code      VARCHAR,
  lsoa_name      VARCHAR,
  district_code  VARCHAR,
  district_match VARCHAR NOT NULL,
  outcome_type   VARCHAR NOT NULL
);

-- month is the publication month of the file; date is the search's own date and time.
CREATE TABLE stop_search (
  batch_id                  INTEGER NOT NULL,
  line                      INTEGER NOT NULL,
  month                     VARCHAR NOT NULL,
  force                     VARCHAR NOT NULL,
  search_type               VARCHAR NOT NULL,
  date                      TIMESTAMPTZ NOT NULL,
  part_of_operation         BOOLEAN,
  operation                 VARCHAR,
  latitude                  DOUBLE,
  longitude                 DOUBLE,
  gender                    VARCHAR,
  age_range                 VARCHAR,
  self_defined_ethnicity    VARCHAR,
  officer_defined_ethnicity VARCHAR,
  legislation               VARCHAR,
  object_of_search          VARCHAR,
  outcome                   VARCHAR,
  outcome_linked            BOOLEAN,
  outer_clothing_removed    BOOLEAN
);

CREATE TABLE area (
  code    VARCHAR PRIMARY KEY,
  name    VARCHAR NOT NULL,
  type    VARCHAR NOT NULL,  -- force | csp | district | ward | lsoa
  parent  VARCHAR,
  vintage VARCHAR NOT NULL
);

CREATE TABLE population (
  area_code VARCHAR NOT NULL,
  year      INTEGER NOT NULL,
  source    VARCHAR NOT NULL,
  count     INTEGER NOT NULL
);

-- police.uk force ids and the ONS Police Force Area each one covers.
CREATE TABLE police_force (
  id       VARCHAR PRIMARY KEY,
  name     VARCHAR NOT NULL,
  pfa_code VARCHAR
);
`;
