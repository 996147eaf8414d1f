import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import {
  CMOG_CHILD_ALERT_TYPES,
  CMOG_DEFERRALS_BEFORE_FLAG,
  buildCmogAgenda,
  type CmogAgenda,
  type CmogAgendaActionInput,
  type CmogAgendaAlertInput,
} from '@homeward/domain';
import { SQL_DATABASE, type SqlDatabase } from '@homeward/event-store';
import { GetCmogAgenda } from './get-cmog-agenda.query';

type AlertRow = Omit<CmogAgendaAlertInput, 'raisedAt'> & { raisedAt: Date };

const SAME_AUTHORITY = 'lower(trim(local_authority)) = lower(trim($1))';

/**
 * Draws the agenda from the read models: CMOG alerts (the console's rm_alerts), the action
 * register and the meetings already held.
 */
@QueryHandler(GetCmogAgenda)
export class GetCmogAgendaHandler implements IQueryHandler<GetCmogAgenda> {
  constructor(@Inject(SQL_DATABASE) private readonly db: SqlDatabase) {}

  async execute(query: GetCmogAgenda): Promise<CmogAgenda> {
    const [previous] = await this.db.query<{ opened_at: Date }>(
      `SELECT opened_at FROM rm_cmog_meetings
       WHERE ${SAME_AUTHORITY} AND held_on <= $2 AND meeting_id::text <> $3
       ORDER BY held_on DESC, opened_at DESC LIMIT 1`,
      [query.localAuthority, query.today, query.forMeetingId ?? ''],
    );
    const previousAgendaAt = previous ? new Date(previous.opened_at).toISOString() : null;
    const alerts = await this.db.query<AlertRow>(
      `SELECT alert_id::text AS "alertId", type, child_id::text AS "childId", reasons,
              raised_at AS "raisedAt", status
       FROM rm_alerts
       WHERE audience = 'CMOG' AND ${SAME_AUTHORITY}
         AND ((type = ANY($2::text[]) AND status IN ('OPEN', 'ESCALATED'))
           OR (type = 'HOTSPOT' AND ($3::timestamptz IS NULL OR raised_at > $3::timestamptz)))
       ORDER BY raised_at DESC LIMIT 1000`,
      [query.localAuthority, [...CMOG_CHILD_ALERT_TYPES], previousAgendaAt],
    );
    const actions = await this.db.query<CmogAgendaActionInput>(
      `SELECT action_id::text AS "actionId", meeting_id::text AS "meetingId",
              child_id::text AS "childId", owner, agency, description, due_on AS "dueOn", status,
              deferrals
       FROM rm_cmog_actions
       WHERE ${SAME_AUTHORITY} AND status = 'OPEN' AND (due_on < $2 OR deferrals >= $3)
       ORDER BY due_on LIMIT 1000`,
      [query.localAuthority, query.today, CMOG_DEFERRALS_BEFORE_FLAG],
    );
    return buildCmogAgenda({
      localAuthority: query.localAuthority,
      today: query.today,
      generatedAt: query.generatedAt,
      previousAgendaAt,
      alerts: alerts.map((a) => ({ ...a, raisedAt: new Date(a.raisedAt).toISOString() })),
      actions,
    });
  }
}
