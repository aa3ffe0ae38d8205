/**
 * Imports taken out of the store (`lantern imports remove`): what each held when it went, who
 * removed it, when and why. The batch and its rows are gone; this row is what is left of it, so
 * that a saved assessment made from its months says they were removed since (not that they are
 * still the store's), and so that its batch id is never given to a later import (ids are the
 * highest held plus one: a removed newest batch's id would otherwise be reused, and the months
 * it had replaced in older batches would seem replaced by the newcomer).
 */
export const removedImportsSchema = `
CREATE TABLE removed_import (
  source      VARCHAR NOT NULL,     -- police (import_batch) | partner (partner_batch)
  batch_id    INTEGER NOT NULL,
  dataset     VARCHAR NOT NULL,     -- police-street … or the partner dataset
  force       VARCHAR,              -- police.uk: the force
  areas       VARCHAR[] NOT NULL,   -- partner: its districts; police: the area a fetch covered, if any
  months      VARCHAR[] NOT NULL,   -- the months it held when removed (now missing)
  file_name   VARCHAR NOT NULL,
  rows_held   INTEGER NOT NULL,     -- the records it held when removed
  imported_at TIMESTAMPTZ NOT NULL,
  removed_at  TIMESTAMPTZ NOT NULL,
  removed_by  VARCHAR NOT NULL,
  reason      VARCHAR,
  erase       BOOLEAN NOT NULL,     -- the store's file rewritten after, so its bytes went too
  PRIMARY KEY (source, batch_id)
);
`;
