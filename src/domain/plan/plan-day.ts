/**
 * The day an action plan is read on: the date in the UK (Europe/London), not in UTC. From midnight
 * to 1 am in summer time the UTC date is still yesterday's, so an action due yesterday would not
 * yet be overdue.
 */
const LONDON = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** YYYY-MM-DD in Europe/London at the instant given. */
export function planDay(now: Date): string {
  return LONDON.format(now);
}
