/** Plain-text tables for the terminal: columns padded to their widest cell. */

export type Align = 'left' | 'right';

export function formatTable(
  headers: readonly string[],
  rows: readonly (readonly string[])[],
  align: readonly Align[] = [],
): string {
  const widths = headers.map((h, i) =>
    rows.reduce((w, r) => Math.max(w, (r[i] ?? '').length), h.length),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) =>
        (align[i] ?? 'left') === 'right'
          ? cell.padStart(widths[i] ?? 0)
          : cell.padEnd(widths[i] ?? 0),
      )
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '─'.repeat(w)).join('  ');
  return [line(headers), rule, ...rows.map(line)].join('\n');
}

// Made when first used: building a number format loads locale data (about 10 ms), which a usage
// error or a command's help need not wait for.
let numberFormat: Intl.NumberFormat | undefined;

/** 12,345; null as the given placeholder. */
export function formatCount(n: number | null, missing = '–'): string {
  return n === null ? missing : (numberFormat ??= new Intl.NumberFormat('en-GB')).format(n);
}

/** A p-value for a table: three decimals, "<0.001" below them (never "0.000"), "–" when none. */
export function formatP(p: number | null | undefined): string {
  return p === null || p === undefined ? '–' : p < 0.001 ? '<0.001' : p.toFixed(3);
}
