import type { AuditEntryInput } from './audit-log';

/**
 * The audit entry for child-level data Homeward itself sends out (an alert to a webhook or to
 * Kafka): who is Homeward, the channel names the recipient, the purpose is the alert's.
 */
export function disclosureEntry(disclosure: {
  channel: string;
  childIds: readonly string[];
  records: number;
  status: number;
  result: string;
}): AuditEntryInput {
  return {
    kind: 'DISCLOSURE',
    sub: 'homeward',
    roles: [],
    organisation: null,
    route: disclosure.channel,
    childIds: disclosure.childIds,
    purpose: 'alert to its audience',
    records: disclosure.records,
    status: disclosure.status,
    result: disclosure.result,
  };
}
