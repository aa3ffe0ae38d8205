/**
 * The note a running `lantern serve` leaves beside its store (src/store/serving-note.ts), so that
 * a command refused because the store is held says it is the server, and where it answers.
 */
export { removeServingNote, writeServingNote } from '../store/serving-note.js';
