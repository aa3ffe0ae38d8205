/**
 * Other names of an area, by which an analyst may name it: the Welsh names of the principal
 * areas of Wales (domain/welsh-names.ts). Names are looked up here beside the register's own
 * (store/areas.ts); outputs keep the register's name. Only areas the register holds are named.
 */
import { WELSH_DISTRICT_NAMES } from '../../domain/welsh-names.js';
import { quoteLiteral } from '../db.js';

export function areaAliasSql(): string {
  const rows = Object.entries(WELSH_DISTRICT_NAMES)
    .map(([code, name]) => `(${quoteLiteral(code)}, ${quoteLiteral(name)}, 'cy')`)
    .join(', ');
  return `
CREATE TABLE area_alias (
  code     VARCHAR NOT NULL,
  name     VARCHAR NOT NULL,
  language VARCHAR NOT NULL,  -- 'cy': Welsh
  PRIMARY KEY (code, name)
);
INSERT INTO area_alias SELECT * FROM (VALUES ${rows}) v(code, name, language)
  WHERE code IN (SELECT code FROM area);
`;
}
