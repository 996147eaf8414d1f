import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { CMOG_DEFERRALS_BEFORE_FLAG, cmogActionProgress } from '@homeward/domain';
import { SQL_DATABASE, type SqlDatabase } from '@homeward/event-store';
import { currentScope, visibleAuthoritySql } from '@homeward/platform';
import { GetCmogActions, type CmogActionItem } from './get-cmog-actions.query';

interface Row {
  action_id: string;
  meeting_id: string;
  local_authority: string;
  child_id: string | null;
  description: string;
  owner: string;
  agency: string;
  due_on: string;
  intended_outcome: string;
  status: CmogActionItem['status'];
  deferrals: number;
  deferral_history: CmogActionItem['deferralHistory'];
  flags: CmogActionItem['flags'];
  outcome: string | null;
  completed_by: string | null;
  completed_at: Date | null;
  recorded_by: string;
  recorded_at: Date;
}

@QueryHandler(GetCmogActions)
export class GetCmogActionsHandler implements IQueryHandler<GetCmogActions> {
  constructor(@Inject(SQL_DATABASE) private readonly db: SqlDatabase) {}

  async execute({ filter }: GetCmogActions): Promise<CmogActionItem[]> {
    const params: unknown[] = [];
    const where: string[] = [];
    const param = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    where.push(visibleAuthoritySql(currentScope(), 'local_authority', params));
    if (filter.status) where.push(`status = ${param(filter.status)}`);
    if (filter.owner) where.push(`lower(trim(owner)) = lower(trim(${param(filter.owner)}))`);
    if (filter.localAuthority) {
      where.push(`lower(trim(local_authority)) = lower(trim(${param(filter.localAuthority)}))`);
    }
    if (filter.attention !== undefined) {
      const needs = `(status = 'OPEN' AND (due_on < ${param(filter.today)} OR deferrals >= ${param(CMOG_DEFERRALS_BEFORE_FLAG)}))`;
      where.push(filter.attention ? needs : `NOT ${needs}`);
    }
    const rows = await this.db.query<Row>(
      `SELECT action_id::text AS action_id, meeting_id::text AS meeting_id, local_authority,
              child_id::text AS child_id, description, owner, agency, due_on, intended_outcome,
              status, deferrals, deferral_history, flags, outcome, completed_by, completed_at,
              recorded_by, recorded_at
       FROM rm_cmog_actions ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY due_on, recorded_at, action_id LIMIT 1000`,
      params,
    );
    return rows.map((r) => ({
      actionId: r.action_id,
      meetingId: r.meeting_id,
      localAuthority: r.local_authority,
      childId: r.child_id,
      description: r.description,
      owner: r.owner,
      agency: r.agency,
      dueOn: r.due_on,
      intendedOutcome: r.intended_outcome,
      status: r.status,
      deferrals: r.deferrals,
      deferralHistory: r.deferral_history,
      flags: r.flags,
      ...cmogActionProgress(
        { status: r.status, dueOn: r.due_on, deferrals: r.deferrals },
        filter.today,
      ),
      outcome: r.outcome,
      completedBy: r.completed_by,
      completedAt: r.completed_at ? new Date(r.completed_at).toISOString() : null,
      recordedBy: r.recorded_by,
      recordedAt: new Date(r.recorded_at).toISOString(),
    }));
  }
}
