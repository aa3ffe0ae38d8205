/**
 * The code a boundary file gave a shape when it is not the register's: a feature of an older
 * vintage (Knowsley's wards of 2013, re-drawn in 2016) stored under the code of the register's
 * area of the same name. Its shape may be that year's, not today's, and maps say so. NULL for a
 * shape matched by its code.
 */
export const boundaryFileCodeSql = `ALTER TABLE boundary ADD COLUMN file_code VARCHAR;`;
