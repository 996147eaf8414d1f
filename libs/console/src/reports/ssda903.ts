import { RuleViolation, type Classification } from '@homeward/domain';
import { ddmmyyyy, londonDate, type ReportPeriod } from './report-dates';

/** An episode of a looked-after child, as the SSDA903 `Missing` return needs it. */
export interface Ssda903Episode {
  childId: string;
  /** `YYYY-MM-DD` */
  dateOfBirth: string | null;
  classification: Classification;
  /** When the episode began (ISO 8601 date-time). */
  startAt: string;
  /** When the child returned home or to care; null while the episode is open. */
  endAt: string | null;
}

export interface Ssda903Row {
  CHILD: string;
  DOB: string;
  MISSING: 'M' | 'A';
  MIS_START: string;
  MIS_END: string;
}

export const SSDA903_MISSING_COLUMNS = ['CHILD', 'DOB', 'MISSING', 'MIS_START', 'MIS_END'] as const;

/** The episodes cannot make a valid return: something the domain should have prevented. */
export class Ssda903EpisodesInvalid extends RuleViolation {}

/** `M`: whereabouts unknown. `A`: absent, or away without authorisation. */
export const ssda903Missing = (classification: Classification): 'M' | 'A' =>
  classification === 'MISSING' ? 'M' : 'A';

/**
 * When an episode began, for the return. Without a last-seen time the episode starts when it was
 * reported; if the police told us only once the child was back (reported late), the child is known
 * to have been missing until found, so the episode is taken to start no later than then.
 */
export function ssda903Start(e: {
  lastSeenAt: string | null;
  reportedAt: string;
  foundAt: string | null;
}): string {
  if (e.lastSeenAt) return e.lastSeenAt;
  if (e.foundAt && Date.parse(e.foundAt) < Date.parse(e.reportedAt)) return e.foundAt;
  return e.reportedAt;
}

/** The episode has at least one day in common with the period (London dates). */
export function overlapsPeriod(e: Pick<Ssda903Episode, 'startAt' | 'endAt'>, p: ReportPeriod) {
  return londonDate(e.startAt) <= p.to && (e.endAt === null || londonDate(e.endAt) >= p.from);
}

/**
 * The rows of the return, valid by construction: sorted by child then start; no episode ends
 * before it starts; a child's episodes never overlap; an open episode is only ever a child's
 * last. The domain guarantees one open episode per child, so a breach is reported, never written.
 */
export function toSsda903Rows(episodes: Ssda903Episode[]): Ssda903Row[] {
  const sorted = [...episodes].sort(
    (a, b) =>
      compare(a.childId, b.childId) ||
      Date.parse(a.startAt) - Date.parse(b.startAt) ||
      compare(a.endAt ?? '\uffff', b.endAt ?? '\uffff'),
  );
  sorted.forEach((e, i) => {
    if (e.endAt !== null && Date.parse(e.endAt) < Date.parse(e.startAt)) {
      throw new Ssda903EpisodesInvalid(
        `an episode of child ${e.childId} ends (${e.endAt}) before it starts (${e.startAt})`,
      );
    }
    const next = sorted[i + 1];
    if (!next || next.childId !== e.childId) return;
    if (e.endAt === null) {
      throw new Ssda903EpisodesInvalid(
        `child ${e.childId} has an open episode (from ${e.startAt}) followed by another (from ${next.startAt})`,
      );
    }
    if (Date.parse(next.startAt) < Date.parse(e.endAt)) {
      throw new Ssda903EpisodesInvalid(
        `child ${e.childId} has overlapping episodes: one until ${e.endAt}, the next from ${next.startAt}`,
      );
    }
  });
  return sorted.map((e) => ({
    CHILD: e.childId,
    DOB: ddmmyyyy(e.dateOfBirth),
    MISSING: ssda903Missing(e.classification),
    MIS_START: ddmmyyyy(londonDate(e.startAt)),
    MIS_END: e.endAt === null ? '' : ddmmyyyy(londonDate(e.endAt)),
  }));
}

/** One CSV field (RFC 4180): quoted when it holds a comma, a quote or a line break. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** The header and one line per row, each ending CRLF (RFC 4180). */
export function toSsda903Csv(rows: Ssda903Row[]): string {
  const lines = [
    SSDA903_MISSING_COLUMNS.join(','),
    ...rows.map((r) => SSDA903_MISSING_COLUMNS.map((c) => csvField(r[c])).join(',')),
  ];
  return lines.map((l) => `${l}\r\n`).join('');
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
