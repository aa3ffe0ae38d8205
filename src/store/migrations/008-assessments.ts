/**
 * Saved risk-matrix assessments (`lantern assess`): the area, the period, the inputs and the
 * configuration each was made with (their text and a hash), and the result as JSON, so next
 * year's assessment can be compared with this year's (`lantern assess --compare-with ID`).
 */
export const assessmentsSchema = `
CREATE TABLE assessment (
  id             VARCHAR PRIMARY KEY,
  area_code      VARCHAR NOT NULL,
  area_name      VARCHAR NOT NULL,
  period_from    VARCHAR NOT NULL,
  period_to      VARCHAR NOT NULL,
  inputs_file    VARCHAR,
  inputs_text    VARCHAR,
  config_file    VARCHAR NOT NULL,
  config_sha256  VARCHAR NOT NULL,
  lantern_version VARCHAR NOT NULL,
  result         VARCHAR NOT NULL,
  saved_at       TIMESTAMP NOT NULL
);
`;
