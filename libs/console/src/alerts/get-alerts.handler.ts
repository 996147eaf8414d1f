import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { AlertAudience, AlertStatus, AlertType } from '@homeward/domain';
import { SQL_DATABASE, type SqlDatabase } from '@homeward/event-store';
import { currentScope, visibleAuthoritySql, visibleChildSql } from '@homeward/platform';
import { GetAlerts, type AlertItem } from './get-alerts.query';

interface Row {
  alert_id: string;
  type: AlertType;
  audience: AlertAudience;
  child_id: string | null;
  local_authority: string | null;
  reasons: string[];
  caused_by: string[];
  due_by: Date | null;
  raised_at: Date;
  acknowledge_by: Date | null;
  status: AlertStatus;
  acknowledged_by: string | null;
  acknowledged_at: Date | null;
  escalated_at: Date | null;
}

@QueryHandler(GetAlerts)
export class GetAlertsHandler implements IQueryHandler<GetAlerts> {
  constructor(@Inject(SQL_DATABASE) private readonly db: SqlDatabase) {}

  async execute({ filter }: GetAlerts): Promise<AlertItem[]> {
    const params: unknown[] = [filter.audiences];
    let where = 'audience = ANY($1::text[])';
    for (const [column, value] of [
      ['type', filter.type],
      ['child_id', filter.childId],
      ['status', filter.status],
    ] as const) {
      if (value === undefined) continue;
      params.push(value);
      where += ` AND ${column} = $${params.length}`;
    }
    // A child's alerts by the child's scope; a place's or group's by its authority; the
    // auditor's (no child, no authority) by audience alone.
    const scope = currentScope();
    where += ` AND (CASE WHEN child_id IS NOT NULL THEN ${visibleChildSql(scope, 'child_id', params)}
      WHEN local_authority IS NOT NULL THEN ${visibleAuthoritySql(scope, 'local_authority', params)}
      ELSE TRUE END)`;
    const rows = await this.db.query<Row>(
      `SELECT alert_id::text AS alert_id, type, audience, child_id::text AS child_id,
              local_authority, reasons, caused_by, due_by, raised_at, acknowledge_by, status,
              acknowledged_by, acknowledged_at, escalated_at
       FROM rm_alerts WHERE ${where} ORDER BY raised_at DESC, alert_id LIMIT 1000`,
      params,
    );
    return rows.map((r) => ({
      alertId: r.alert_id,
      type: r.type,
      audience: r.audience,
      childId: r.child_id,
      localAuthority: r.local_authority,
      reasons: r.reasons,
      causedBy: r.caused_by,
      dueBy: iso(r.due_by),
      raisedAt: new Date(r.raised_at).toISOString(),
      acknowledgeBy: iso(r.acknowledge_by),
      status: r.status,
      acknowledgedBy: r.acknowledged_by,
      acknowledgedAt: iso(r.acknowledged_at),
      escalatedAt: iso(r.escalated_at),
    }));
  }
}

const iso = (value: Date | null): string | null => (value ? new Date(value).toISOString() : null);
