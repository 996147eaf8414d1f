/**
 * An error as logs may show it: its name, its code (a PostgreSQL SQLSTATE, ECONNREFUSED...) and
 * where it was thrown, never its message. Messages of database and parser errors quote the
 * input they refused (`invalid input syntax for type uuid: "…"`, a JSON snippet), and the input
 * is a child's record. The full message is kept where the data already is (a parked event's
 * reason in hw_dead_letters, a dead-letter topic's headers, a delivery record).
 */
export function loggableError(error: unknown): string {
  if (!(error instanceof Error)) return typeof error;
  const code = (error as { code?: unknown }).code;
  const frames = (error.stack ?? '')
    .split('\n')
    .filter((line) => /^\s+at /.test(line))
    .slice(0, 8)
    .join('\n');
  return `${error.name}${typeof code === 'string' || typeof code === 'number' ? ` [${code}]` : ''}${frames ? `\n${frames}` : ''}`;
}
