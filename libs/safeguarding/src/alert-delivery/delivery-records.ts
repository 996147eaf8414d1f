import {
  migrate,
  type MigrationSet,
  type SqlDatabase,
  type SqlExecutor,
} from '@homeward/event-store';
import type { AlertDocument } from './alert-document';

export const DELIVERY_STATUSES = ['PENDING', 'DELIVERED', 'FAILED'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/**
 * One row per alert and webhook target: what was tried, how often, and why it failed. A FAILED
 * row is kept (and listed) until a re-drive delivers it. The alert document is kept with it, so a
 * delivery can be queued again after a restart or a re-drive without reading the event store.
 */
const DELIVERIES_SCHEMA = [
  `CREATE TABLE IF NOT EXISTS rm_alert_deliveries (
    alert_id        uuid NOT NULL,
    target          text NOT NULL,
    status          text NOT NULL CHECK (status IN ('PENDING', 'DELIVERED', 'FAILED')),
    attempts        integer NOT NULL DEFAULT 0,
    last_error      text,
    last_attempt_at timestamptz,
    delivered_at    timestamptz,
    alert_type      text NOT NULL,
    audience        text NOT NULL,
    child_id        uuid,
    alert           jsonb NOT NULL,
    queued_at       timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (alert_id, target)
  )`,
  `CREATE INDEX IF NOT EXISTS rm_alert_deliveries_by_status
    ON rm_alert_deliveries (status, queued_at)`,
];

export interface DeliveryRecord {
  alertId: string;
  target: string;
  status: DeliveryStatus;
  attempts: number;
  lastError: string | null;
  lastStatus: number | null;
  lastAttemptAt: string | null;
  deliveredAt: string | null;
  alertType: string;
  audience: string;
  childId: string | null;
  queuedAt: string;
}

export interface DeliveryFilter {
  status?: DeliveryStatus;
  alertId?: string;
  target?: string;
}

type Row = {
  alert_id: string;
  target: string;
  status: DeliveryStatus;
  attempts: number | string;
  last_error: string | null;
  last_status: number | string | null;
  last_attempt_at: Date | string | null;
  delivered_at: Date | string | null;
  alert_type: string;
  audience: string;
  child_id: string | null;
  queued_at: Date | string;
};

const iso = (value: Date | string | null): string | null =>
  value === null ? null : new Date(value).toISOString();

/** Errors are kept short: a receiver's error page is not worth a megabyte per attempt. */
const clip = (message: string): string =>
  message.length > 500 ? `${message.slice(0, 497)}...` : message;

/**
 * Migration 1 is the schema from before migrations (`IF NOT EXISTS`: adopted as it is). Never
 * edit a released migration: add the next id.
 */
export const DELIVERY_MIGRATIONS: MigrationSet = {
  scope: 'safeguarding.alert-deliveries',
  migrations: [
    { id: 1, name: 'alert deliveries', sql: DELIVERIES_SCHEMA.join(';\n') },
    {
      // The receiver's status code is kept, not its answer: an answer may echo the alert (which
      // names a child). Errors recorded before kept up to 200 characters of it: cut them off.
      id: 2,
      name: 'alert deliveries: last status code, no answer text',
      sql: [
        `ALTER TABLE rm_alert_deliveries ADD COLUMN IF NOT EXISTS last_status integer`,
        `UPDATE rm_alert_deliveries
            SET last_status = substring(last_error from '^HTTP ([0-9]{3})')::integer,
                last_error = substring(last_error from '^(HTTP [0-9]{3})')
          WHERE last_error LIKE 'HTTP %'`,
      ].join(';\n'),
    },
  ],
};

export async function migrateDeliveries(db: SqlDatabase): Promise<void> {
  await migrate(db, [DELIVERY_MIGRATIONS]);
}

/** Records the delivery as PENDING unless it is already recorded; returns its status now. */
export async function recordPending(
  db: SqlExecutor,
  alert: AlertDocument,
  target: string,
): Promise<DeliveryStatus> {
  const inserted = await db.query<{ status: DeliveryStatus }>(
    `INSERT INTO rm_alert_deliveries (alert_id, target, status, alert_type, audience, child_id, alert)
     VALUES ($1, $2, 'PENDING', $3, $4, $5, $6::jsonb)
     ON CONFLICT (alert_id, target) DO NOTHING
     RETURNING status`,
    [alert.alertId, target, alert.type, alert.audience, alert.childId, JSON.stringify(alert)],
  );
  if (inserted.length > 0) return inserted[0].status;
  const [row] = await db.query<{ status: DeliveryStatus }>(
    `SELECT status FROM rm_alert_deliveries WHERE alert_id = $1 AND target = $2`,
    [alert.alertId, target],
  );
  return row.status;
}

/**
 * One attempt's outcome: DELIVERED on success; on failure the error, and still PENDING. The
 * receiver's status code is kept when it answered (null when it never did).
 */
export async function recordAttempt(
  db: SqlExecutor,
  alertId: string,
  target: string,
  error: string | null,
  status: number | null = null,
): Promise<void> {
  if (error === null) {
    await db.query(
      `UPDATE rm_alert_deliveries
         SET status = 'DELIVERED', attempts = attempts + 1, last_attempt_at = now(),
             delivered_at = COALESCE(delivered_at, now()), last_status = $3
       WHERE alert_id = $1 AND target = $2`,
      [alertId, target, status],
    );
    return;
  }
  await db.query(
    `UPDATE rm_alert_deliveries
       SET attempts = attempts + 1, last_attempt_at = now(), last_error = $3, last_status = $4
     WHERE alert_id = $1 AND target = $2`,
    [alertId, target, clip(error), status],
  );
}

/** Used up its attempts: FAILED, kept for the list and a re-drive (never over a DELIVERED one). */
export async function recordFailed(
  db: SqlExecutor,
  alertId: string,
  target: string,
  error: string,
): Promise<void> {
  await db.query(
    `UPDATE rm_alert_deliveries SET status = 'FAILED', last_error = COALESCE(last_error, $3)
     WHERE alert_id = $1 AND target = $2 AND status = 'PENDING'`,
    [alertId, target, clip(error)],
  );
}

export async function listDeliveries(
  db: SqlExecutor,
  filter: DeliveryFilter,
  limit = 500,
): Promise<DeliveryRecord[]> {
  const { where, params } = whereOf(filter);
  const rows = await db.query<Row>(
    `SELECT alert_id::text AS alert_id, target, status, attempts, last_error, last_status,
            last_attempt_at,
            delivered_at, alert_type, audience, child_id::text AS child_id, queued_at
       FROM rm_alert_deliveries ${where}
      ORDER BY queued_at DESC, alert_id, target
      LIMIT ${Math.max(1, Math.floor(limit))}`,
    params,
  );
  return rows.map((r) => ({
    alertId: r.alert_id,
    target: r.target,
    status: r.status,
    attempts: Number(r.attempts),
    lastError: r.last_error,
    lastStatus: r.last_status === null ? null : Number(r.last_status),
    lastAttemptAt: iso(r.last_attempt_at),
    deliveredAt: iso(r.delivered_at),
    alertType: r.alert_type,
    audience: r.audience,
    childId: r.child_id,
    queuedAt: iso(r.queued_at)!,
  }));
}

/**
 * Moves FAILED deliveries (of targets still configured) back to PENDING and returns them, with
 * their alert, to be queued again. Their attempts keep counting, so the history stays visible.
 */
export async function claimForRedrive(
  db: SqlExecutor,
  filter: Omit<DeliveryFilter, 'status'>,
  configuredTargets: string[],
): Promise<Array<{ alertId: string; target: string; alert: AlertDocument }>> {
  const { where, params } = whereOf({ ...filter, status: 'FAILED' });
  params.push(configuredTargets);
  const rows = await db.query<{ alert_id: string; target: string; alert: AlertDocument | string }>(
    `UPDATE rm_alert_deliveries SET status = 'PENDING'
      ${where} AND target = ANY($${params.length}::text[])
      RETURNING alert_id::text AS alert_id, target, alert`,
    params,
  );
  return rows.map(toQueued);
}

/** Every delivery still to be made (queued again on start-up: the in-process queue forgets). */
export async function pendingDeliveries(
  db: SqlExecutor,
): Promise<Array<{ alertId: string; target: string; alert: AlertDocument }>> {
  const rows = await db.query<{ alert_id: string; target: string; alert: AlertDocument | string }>(
    `SELECT alert_id::text AS alert_id, target, alert FROM rm_alert_deliveries
      WHERE status = 'PENDING' ORDER BY queued_at`,
  );
  return rows.map(toQueued);
}

const toQueued = (r: { alert_id: string; target: string; alert: AlertDocument | string }) => ({
  alertId: r.alert_id,
  target: r.target,
  alert: typeof r.alert === 'string' ? (JSON.parse(r.alert) as AlertDocument) : r.alert,
});

function whereOf(filter: DeliveryFilter): { where: string; params: unknown[] } {
  const clauses: string[] = [];
  const params: unknown[] = [];
  if (filter.status) {
    params.push(filter.status);
    clauses.push(`status = $${params.length}`);
  }
  if (filter.alertId) {
    params.push(filter.alertId);
    clauses.push(`alert_id = $${params.length}::uuid`);
  }
  if (filter.target) {
    params.push(filter.target);
    clauses.push(`target = $${params.length}`);
  }
  return { where: clauses.length > 0 ? `WHERE ${clauses.join(' AND ')}` : '', params };
}
