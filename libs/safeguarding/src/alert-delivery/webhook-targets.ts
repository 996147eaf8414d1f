import type { WebhookTarget } from '@homeward/platform';
import type { AlertDocument } from './alert-document';

/** The configured targets that receive this alert: its audience, and its local authority if they name any. */
export function targetsForAlert(
  targets: readonly WebhookTarget[],
  alert: AlertDocument,
): WebhookTarget[] {
  const authority = alert.localAuthority?.trim().toLowerCase() ?? null;
  return targets.filter(
    (target) =>
      target.audiences.includes(alert.audience) &&
      (target.localAuthorities === null ||
        (authority !== null &&
          target.localAuthorities.some((la) => la.trim().toLowerCase() === authority))),
  );
}

/**
 * `<alertId>.<target name>`, with anything but letters, digits, ".", "_" and "-" replaced: BullMQ
 * job ids may not contain ':' and may not be all digits (an alert id is a UUID, so never are).
 * One job id per alert and target is what keeps an alert from being queued twice for a target.
 */
export const deliveryJobId = (alertId: string, targetName: string): string =>
  `${alertId}.${targetName.replace(/[^A-Za-z0-9._-]/g, '-')}`;
