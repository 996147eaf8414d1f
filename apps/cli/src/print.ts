/** What the CLI says goes to stdout, one line each; what went wrong goes to stderr. */
export const say = (line = ''): void => {
  process.stdout.write(`${line}\n`);
};

/** A plain aligned table: operators read it, scripts can split it on runs of spaces. */
export function table(headers: string[], rows: Array<Array<string | number>>): void {
  const cells = [headers, ...rows.map((r) => r.map(String))];
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  for (const row of cells)
    say(
      row
        .map((c, i) => c.padEnd(widths[i]))
        .join('  ')
        .trimEnd(),
    );
}
