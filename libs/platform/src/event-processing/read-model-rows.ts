import type { SqlExecutor } from '@homeward/event-store';

/*
 * A projection's batch written in sets: one INSERT for every new row, and one UPDATE per shape of
 * change, instead of a statement per event (the round trips were most of a replay's time). Rows go
 * as one jsonb parameter read by `jsonb_populate_recordset` with the table's own row type, so
 * each value takes its column's type (uuid, timestamptz, date, jsonb...) without a cast written
 * here. Table and column names come from code, never from input; they are still checked.
 */

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

function identifier(name: string): string {
  if (!IDENTIFIER.test(name)) throw new Error(`not a plain SQL identifier: ${name}`);
  return name;
}

/** New rows, every one with the same columns; a row already there is left as it is. */
export async function insertRows(
  tx: SqlExecutor,
  table: string,
  key: string,
  rows: ReadonlyArray<Record<string, unknown>>,
): Promise<void> {
  if (rows.length === 0) return;
  const t = identifier(table);
  const columns = Object.keys(rows[0]).map(identifier).join(', ');
  await tx.query(
    `INSERT INTO ${t} (${columns})
     SELECT ${columns} FROM jsonb_populate_recordset(NULL::${t}, $1::jsonb)
     ON CONFLICT (${identifier(key)}) DO NOTHING`,
    [JSON.stringify(rows)],
  );
}

/** One event's change to one row: whole column values, so applying it twice changes nothing. */
export interface RowChange {
  /** The row's key. */
  key: string;
  /** The event's log position; with `position` set, an older change never overwrites a newer. */
  position?: number;
  set: Record<string, unknown>;
}

export interface RowChanges {
  table: string;
  key: string;
  /** The column holding the position of the row's last change, if the table keeps one. */
  position?: string;
  /**
   * Columns not simply replaced: `first` keeps a value once set (COALESCE), `append` adds to a
   * jsonb array.
   */
  combine?: Readonly<Record<string, 'first' | 'append'>>;
}

/**
 * Changes in log order, applied as that order allows in as few statements as it allows: a round
 * holds at most one change per row (a statement may not change a row twice), rounds go in order,
 * and within a round the changes of one shape (the same columns) go in one statement.
 */
export async function updateRows(
  tx: SqlExecutor,
  spec: RowChanges,
  changes: readonly RowChange[],
): Promise<void> {
  for (const round of inRounds(changes, (c) => c.key)) {
    const byShape = new Map<string, RowChange[]>();
    for (const change of round) {
      const shape = Object.keys(change.set).sort().join(',');
      const group = byShape.get(shape);
      if (group) group.push(change);
      else byShape.set(shape, [change]);
    }
    for (const [shape, group] of byShape) await updateShape(tx, spec, shape.split(','), group);
  }
}

async function updateShape(
  tx: SqlExecutor,
  { table, key, position, combine = {} }: RowChanges,
  columns: readonly string[],
  changes: readonly RowChange[],
): Promise<void> {
  const [t, k, p] = [identifier(table), identifier(key), position && identifier(position)];
  const assignments = columns.filter(Boolean).map((column) => {
    const c = identifier(column);
    if (combine[column] === 'first') return `${c} = COALESCE(t.${c}, r.${c})`;
    if (combine[column] === 'append') return `${c} = t.${c} || r.${c}`;
    return `${c} = r.${c}`;
  });
  const rows = changes.map((change) => ({
    ...change.set,
    [k]: change.key,
    ...(p ? { [p]: change.position } : {}),
  }));
  if (p) assignments.push(`${p} = r.${p}`);
  await tx.query(
    `UPDATE ${t} AS t SET ${assignments.join(', ')}
     FROM jsonb_populate_recordset(NULL::${t}, $1::jsonb) AS r
     WHERE t.${k} = r.${k}${p ? ` AND t.${p} < r.${p}` : ''}`,
    [JSON.stringify(rows)],
  );
}

/** Splits items, in order, into rounds in which each key appears at most once. */
export function inRounds<T>(items: readonly T[], keyOf: (item: T) => string): T[][] {
  const rounds: T[][] = [];
  const seen = new Map<string, number>();
  for (const item of items) {
    const round = seen.get(keyOf(item)) ?? 0;
    seen.set(keyOf(item), round + 1);
    (rounds[round] ??= []).push(item);
  }
  return rounds;
}
