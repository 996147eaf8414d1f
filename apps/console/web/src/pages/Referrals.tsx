import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { formatDateTime, shortId, useNow } from '../time';
import { Reasons } from './Interviews';
import { ALERT_STATUS_WORDS, Acknowledge, AlertDue, ChildLink, useAlerts } from './Alerts';

/** Social care's referrals due a decision (within 1 working day), waiting ones first; live. */
export function ReferralsPage(): JSX.Element {
  const { alerts, error, reload } = useAlerts('/api/v1/alerts?type=SOCIAL_CARE_REFERRAL_REQUIRED');
  const [notice, setNotice] = useState<string | null>(null);
  const now = useNow(1000);
  const waiting = alerts?.filter((a) => a.status === 'OPEN' || a.status === 'ESCALATED').length;
  return (
    <main id="main">
      <h1>Referrals due a decision</h1>
      <p>
        Children whose return interview screening calls for a social care referral. A decision is
        due within 1 working day of the referral; acknowledging it with a note records the decision.
        Waiting referrals are listed first.
      </p>
      {notice && <p role="status">{notice}</p>}
      {error && <p role="alert">The referrals could not be loaded: {error}</p>}
      {!alerts && !error && <p role="status">Loading…</p>}
      {alerts && alerts.length === 0 && <p>There are no referrals to show.</p>}
      {alerts && alerts.length > 0 && (
        <table>
          <caption>
            Referrals ({waiting} waiting a decision, {alerts.length} in all)
          </caption>
          <thead>
            <tr>
              <th scope="col">Child</th>
              <th scope="col">Why</th>
              <th scope="col">Status</th>
              <th scope="col">Decision due</th>
              <th scope="col">Decision</th>
            </tr>
          </thead>
          <tbody>
            {alerts.map((a) => (
              <tr key={a.alertId} data-testid={`referral-${a.alertId}`}>
                <td>
                  <ChildLink alert={a} />
                </td>
                <td>
                  <small class="block">
                    referred <time dateTime={a.raisedAt}>{formatDateTime(a.raisedAt)}</time>
                  </small>
                  <Reasons reasons={a.reasons} />
                </td>
                <td>{ALERT_STATUS_WORDS[a.status]}</td>
                <td>
                  <AlertDue alert={a} now={now} what="Decision" />
                </td>
                <td>
                  <Acknowledge
                    alert={a}
                    onDone={() => {
                      setNotice(`Referral ${shortId(a.alertId)} acknowledged.`);
                      reload();
                    }}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </main>
  );
}
