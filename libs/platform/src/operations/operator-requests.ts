import type { SqlExecutor } from '@homeward/event-store';

/** What the operator CLI can ask of running Homeward processes through the database. */
export type OperatorRequestKind = 'deadlines.rearm';

export interface OperatorAck {
  service: string;
  detail: string;
  handledAt: string;
}

/**
 * The CLI's side: records a request and waits up to `waitMs` for the running processes to
 * answer. It cannot know how many are running (one all-in-one, or interviews and safeguarding
 * apart), so it reports every answer that came in time.
 */
export async function requestOfRunningProcesses(
  db: SqlExecutor,
  kind: OperatorRequestKind,
  waitMs: number,
  enough: (acks: OperatorAck[]) => boolean,
): Promise<{ id: number; acks: OperatorAck[] }> {
  const [{ id }] = await db.query<{ id: string | number }>(
    'INSERT INTO hw_operator_requests (kind) VALUES ($1) RETURNING id',
    [kind],
  );
  const deadline = Date.now() + waitMs;
  let acks: OperatorAck[] = [];
  while (Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 250));
    acks = await acksOf(db, Number(id));
    if (enough(acks)) break;
  }
  return { id: Number(id), acks };
}

async function acksOf(db: SqlExecutor, id: number): Promise<OperatorAck[]> {
  const rows = await db.query<{ service: string; detail: string; handled_at: Date | string }>(
    'SELECT service, detail, handled_at FROM hw_operator_request_acks WHERE request_id = $1 ORDER BY service',
    [id],
  );
  return rows.map((r) => ({
    service: r.service,
    detail: r.detail,
    handledAt: new Date(r.handled_at).toISOString(),
  }));
}

/** The running process's side: requests newer than `after`, oldest first. */
export async function requestsAfter(
  db: SqlExecutor,
  after: number,
): Promise<Array<{ id: number; kind: string }>> {
  const rows = await db.query<{ id: string | number; kind: string }>(
    'SELECT id, kind FROM hw_operator_requests WHERE id > $1 ORDER BY id',
    [after],
  );
  return rows.map((r) => ({ id: Number(r.id), kind: r.kind }));
}

export async function lastRequestId(db: SqlExecutor): Promise<number> {
  const [row] = await db.query<{ id: string | number | null }>(
    'SELECT max(id) AS id FROM hw_operator_requests',
  );
  return Number(row.id ?? 0);
}

export async function acknowledge(
  db: SqlExecutor,
  id: number,
  service: string,
  detail: string,
): Promise<void> {
  await db.query(
    `INSERT INTO hw_operator_request_acks (request_id, service, detail) VALUES ($1, $2, $3)
     ON CONFLICT DO NOTHING`,
    [id, service, detail],
  );
}
