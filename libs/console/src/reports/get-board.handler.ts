import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { AlertType, Classification, CseLevel } from '@homeward/domain';
import { SQL_DATABASE, type SqlDatabase } from '@homeward/event-store';
import { boardFigures, type BoardInterview } from './board-figures';
import { GetBoardReport, type BoardReport } from './get-board.query';

interface EpisodeRow {
  episode_id: string;
  child_id: string;
  classification: Classification;
  start_date: string;
  date_of_birth: string | null;
  sex: string | null;
  looked_after: boolean;
}

interface InterviewRow {
  status: BoardInterview['status'];
  held_within_deadline: boolean | null;
  confirmed_level: CseLevel | null;
  referral: boolean;
  breached: boolean;
}

interface AlertRow {
  type: AlertType;
  raised_at: Date | string;
  due_by: Date | string | null;
  acknowledged_at: Date | string | null;
}

/** Episodes in the period, not cancelled, of the local authority when one is named. */
const EPISODES_IN_PERIOD = `
  FROM rm_report_episodes_v1 e
  WHERE NOT e.cancelled AND e.start_date BETWEEN $1::date AND $2::date
    AND ($3::text IS NULL OR lower(trim(e.local_authority)) = lower(trim($3::text)))`;

/**
 * An alert about a child that names no authority (interview and screening alerts) belongs to
 * the authority responsible for the child when it was raised: that of the child's latest
 * episode begun by then (or, failing that, of the first one).
 */
const CHILDS_AUTHORITY = `
  SELECT e.local_authority FROM rm_report_episodes_v1 e
  WHERE e.child_id = a.child_id
  ORDER BY (e.start_at <= a.raised_at) DESC,
           CASE WHEN e.start_at <= a.raised_at THEN e.start_at END DESC, e.start_at
  LIMIT 1`;

@QueryHandler(GetBoardReport)
export class GetBoardReportHandler implements IQueryHandler<GetBoardReport> {
  constructor(@Inject(SQL_DATABASE) private readonly db: SqlDatabase) {}

  async execute({ period, localAuthority }: GetBoardReport): Promise<BoardReport> {
    const params = [period.from, period.to, localAuthority];
    const [episodes, interviews, alerts] = await Promise.all([
      this.db.query<EpisodeRow>(
        `SELECT e.episode_id::text AS episode_id, e.child_id::text AS child_id, e.classification,
                e.start_date::text AS start_date, e.date_of_birth, e.sex, e.looked_after
         ${EPISODES_IN_PERIOD}`,
        params,
      ),
      this.db.query<InterviewRow>(
        `SELECT i.status, i.held_within_deadline, i.confirmed_level, i.referral, i.breached
         FROM rm_report_interviews_v1 i
         WHERE i.status <> 'CANCELLED'
           AND i.episode_id IN (SELECT e.episode_id ${EPISODES_IN_PERIOD})`,
        params,
      ),
      this.db.query<AlertRow>(
        `SELECT a.type, a.raised_at, a.due_by, a.acknowledged_at FROM rm_report_alerts_v2 a
         WHERE a.raised_date BETWEEN $1::date AND $2::date
           AND ($3::text IS NULL OR lower(trim(COALESCE(a.local_authority, (${CHILDS_AUTHORITY}))))
                                    = lower(trim($3::text)))`,
        params,
      ),
    ]);
    const figures = boardFigures(
      episodes.map((r) => ({
        episodeId: r.episode_id,
        childId: r.child_id,
        classification: r.classification,
        startDate: r.start_date,
        dateOfBirth: r.date_of_birth,
        sex: r.sex,
        lookedAfter: r.looked_after,
      })),
      interviews.map((r) => ({
        status: r.status,
        heldWithinDeadline: r.held_within_deadline,
        confirmedLevel: r.confirmed_level,
        referral: r.referral,
        breached: r.breached,
      })),
      alerts.map((r) => ({
        type: r.type,
        raisedAt: new Date(r.raised_at).toISOString(),
        dueBy: r.due_by === null ? null : new Date(r.due_by).toISOString(),
        acknowledgedAt:
          r.acknowledged_at === null ? null : new Date(r.acknowledged_at).toISOString(),
      })),
    );
    return { period: { ...period, localAuthority }, ...figures };
  }
}
