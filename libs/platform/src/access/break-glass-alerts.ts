import { Inject, Injectable } from '@nestjs/common';
import { alertDecider, alertIdFor, streams } from '@homeward/domain';
import { EVENT_STORE, type EventStore } from '@homeward/event-store';
import type { AuditEntry } from '../audit/audit-log';
import { runDecider } from '../commands/run-decider';

/**
 * Tells the auditor of a break-glass access, as an alert of its own (audience AUDITOR) that
 * names the audit entry, not the child: the alert travels by webhook, the entry stays in the
 * audit. Its id comes from the entry, so the alert is raised once.
 */
@Injectable()
export class BreakGlassAlerts {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async raise(entry: AuditEntry): Promise<void> {
    const alertId = alertIdFor('BREAK_GLASS_ACCESS', 'audit', String(entry.seq));
    const cause = `audit/${entry.seq}/break-glass`;
    await runDecider(
      this.store,
      streams.alert(alertId),
      alertDecider,
      {
        type: 'RaiseAlert',
        data: {
          alertId,
          type: 'BREAK_GLASS_ACCESS',
          audience: 'AUDITOR',
          childId: null,
          localAuthority: null,
          reasons: [
            `break-glass access by ${entry.sub} to ${entry.childIds.length} child record(s) on ${entry.route}: see audit entry ${entry.seq}`,
          ],
          causedBy: [],
          acknowledgeWithinHours: null,
          now: entry.at,
        },
      },
      { causationId: cause, correlationId: entry.requestId ?? cause },
    );
  }
}
