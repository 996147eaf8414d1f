import type { EpisodeCommand } from '@homeward/domain';
import type { ChildDto, PoliceNotification } from './police-notification.dto';

/** Translates the police contract into the domain's language. */
export function toEpisodeCommand(
  n: PoliceNotification,
  ids: { episodeId: string; childId: string },
  receivedAt: string,
): EpisodeCommand {
  const context = {
    notificationId: n.notificationId,
    episodeId: ids.episodeId,
    childId: ids.childId,
    force: n.force,
    policeReference: n.policeReference,
    receivedAt,
  };
  switch (n.type) {
    case 'MISSING_REPORTED':
      return {
        type: 'ReportMissing',
        data: {
          ...context,
          lastSeenAt: iso(n.occurredAt),
          classification: n.classification,
          riskGrade: n.riskLevel,
          cseConcern: n.cseConcern,
          child: childDetails(n.child),
          lastSeenLocation: { ...n.lastSeenLocation },
          circumstances: n.circumstances,
        },
      };
    case 'RISK_REGRADED':
      return {
        type: 'RegradeRisk',
        data: {
          ...context,
          regradedAt: iso(n.occurredAt),
          riskGrade: n.riskLevel,
          classification: n.classification,
          cseConcern: n.cseConcern,
          rationale: n.rationale,
        },
      };
    case 'CHILD_FOUND':
      return {
        type: 'RecordChildFound',
        data: {
          ...context,
          foundAt: iso(n.occurredAt),
          returnedAt: iso(n.returnedAt ?? n.occurredAt),
          foundLocation: { ...n.foundLocation },
          foundWith: (n.foundWith ?? []).map((p) => ({ ...p })),
          returnedTo: n.returnedTo,
          lateReport: n.child
            ? {
                child: childDetails(n.child),
                classification: n.classification ?? 'MISSING',
                riskGrade: n.riskLevel,
                cseConcern: n.cseConcern ?? false,
              }
            : undefined,
        },
      };
    case 'REPORT_CANCELLED':
      return {
        type: 'CancelReport',
        data: { ...context, cancelledAt: iso(n.occurredAt), reason: n.reason },
      };
  }
}

/** Times are stored in UTC; the offset the force sent has done its job once parsed. */
const iso = (value: string) => new Date(value).toISOString();

const childDetails = (c: ChildDto) => JSON.parse(JSON.stringify(c)) as ChildDto;
