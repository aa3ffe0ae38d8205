/**
 * The partnership action plan (issue 21): partnerships, their groups and members, a plan for each
 * year with its priorities (taken from a saved assessment) and objectives, the actions that carry
 * it out with their dated updates, and the meetings that raise actions.
 *
 * Every row a person edits carries a `version`, raised by one with each change: an edit states
 * the version it read and is refused if the row has moved on since (optimistic versioning, see
 * src/store/plan-versioned.ts). Every change is kept in `plan_history` (the row before and after,
 * as JSON, who and when), besides its line in the hash-chained audit log. Lists (links,
 * attendees, agenda items, decisions) are JSON arrays of text.
 */
export const actionPlanSchema = `
CREATE TABLE partnership (
  name        VARCHAR PRIMARY KEY,
  area_code   VARCHAR,
  created_at  TIMESTAMPTZ NOT NULL
);
CREATE TABLE plan_group (
  id           INTEGER PRIMARY KEY,
  partnership  VARCHAR NOT NULL,
  name         VARCHAR NOT NULL,
  version      INTEGER NOT NULL,
  UNIQUE (partnership, name)
);
CREATE TABLE plan_group_member (
  group_id      INTEGER NOT NULL,
  name          VARCHAR NOT NULL,
  organisation  VARCHAR,
  role          VARCHAR
);
CREATE TABLE action_plan (
  id             INTEGER PRIMARY KEY,
  partnership    VARCHAR NOT NULL,
  year           VARCHAR NOT NULL,
  area_code      VARCHAR,
  area_name      VARCHAR,
  assessment_id  VARCHAR,
  created_at     TIMESTAMPTZ NOT NULL,
  created_by     VARCHAR NOT NULL,
  version        INTEGER NOT NULL,
  UNIQUE (partnership, year)
);
CREATE TABLE plan_priority (
  id          INTEGER PRIMARY KEY,
  plan_id     INTEGER NOT NULL,
  key         VARCHAR NOT NULL,
  label       VARCHAR NOT NULL,
  band        VARCHAR,
  rank        INTEGER,
  version     INTEGER NOT NULL,
  UNIQUE (plan_id, key)
);
CREATE TABLE plan_objective (
  id           INTEGER PRIMARY KEY,
  plan_id      INTEGER NOT NULL,
  priority_id  INTEGER NOT NULL,
  text         VARCHAR NOT NULL,
  version      INTEGER NOT NULL
);
CREATE TABLE plan_meeting (
  id           INTEGER PRIMARY KEY,
  partnership  VARCHAR NOT NULL,
  group_id     INTEGER,
  title        VARCHAR NOT NULL,
  date         DATE NOT NULL,
  attendees    VARCHAR NOT NULL,
  agenda       VARCHAR NOT NULL,
  decisions    VARCHAR NOT NULL,
  source       VARCHAR,
  version      INTEGER NOT NULL,
  UNIQUE (partnership, title)
);
CREATE TABLE plan_action (
  id              INTEGER PRIMARY KEY,
  partnership     VARCHAR NOT NULL,
  plan_id         INTEGER,
  priority_id     INTEGER,
  objective_id    INTEGER,
  meeting_id      INTEGER,
  group_id        INTEGER,
  title           VARCHAR NOT NULL,
  description     VARCHAR,
  owner           VARCHAR,
  organisation    VARCHAR,
  start_date      DATE NOT NULL,
  due_date        DATE,
  status          VARCHAR NOT NULL,
  progress        INTEGER NOT NULL CHECK (progress BETWEEN 0 AND 100),
  rag_override    VARCHAR,
  rag_reason      VARCHAR,
  links           VARCHAR NOT NULL,
  public          BOOLEAN NOT NULL,
  carried_from    INTEGER,
  created_at      TIMESTAMPTZ NOT NULL,
  created_by      VARCHAR NOT NULL,
  updated_at      TIMESTAMPTZ NOT NULL,
  updated_by      VARCHAR NOT NULL,
  version         INTEGER NOT NULL,
  CHECK ((rag_override IS NULL) = (rag_reason IS NULL))
);
CREATE TABLE plan_action_update (
  id          INTEGER PRIMARY KEY,
  action_id   INTEGER NOT NULL,
  given_at    TIMESTAMPTZ NOT NULL,
  author      VARCHAR NOT NULL,
  note        VARCHAR NOT NULL,
  status      VARCHAR,
  progress    INTEGER
);
CREATE TABLE plan_history (
  seq         BIGINT PRIMARY KEY,
  changed_at  TIMESTAMPTZ NOT NULL,
  author      VARCHAR NOT NULL,
  entity      VARCHAR NOT NULL,
  entity_id   INTEGER NOT NULL,
  version     INTEGER NOT NULL,
  change      VARCHAR NOT NULL,
  row_before  VARCHAR,
  row_after   VARCHAR
);
`;
