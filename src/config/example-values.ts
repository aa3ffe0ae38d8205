/**
 * A configuration value still at the bundled example (a placeholder contact, the illustrative
 * Police and Crime Plan, the example inputs file): where it is, what it is and what to put there.
 * A report refuses to publish one unless it is made as a draft (`lantern report --draft`), and a
 * draft prints each as "not yet confirmed by the partnership".
 */
export interface ExampleValue {
  /** "config/report.yaml:17: contacts.3.detail". */
  where: string;
  /** What it is, in words: 'the "ASB and fly-tipping" contact'. */
  what: string;
  /** The example value itself. */
  value: string;
  /** What to put there instead. */
  put: string;
}

/** One line per value: "config/report.yaml:17: contacts.3.detail: "x" is …; put …". */
export function exampleLines(values: readonly ExampleValue[]): string[] {
  return values.map(
    (v) => `${v.where}: "${v.value}" is the bundled example, not the partnership's: put ${v.put}`,
  );
}
