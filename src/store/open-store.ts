/** Opening the store: the database file, brought up to the current schema. */
import { Db } from './db.js';
import { migrate } from './migrate.js';

export async function openStore(path: string): Promise<Db> {
  const db = await Db.open(path);
  try {
    await migrate(db);
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}
