import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { ApiError, api } from '../api/client';
import { useLive } from '../live';
import type { GetAnswer, PostAnswer, PostBody } from '../api/types';
import { Link } from '../router';
import { countdown, formatDateTime, shortId, useNow } from '../time';
import { Reasons } from './Interviews';

export type AlertItem = GetAnswer<'/api/v1/alerts'>[number];
type AcknowledgeBody = PostBody<'/api/v1/alerts/{alertId}/acknowledge'>;
type Acknowledged = PostAnswer<'/api/v1/alerts/{alertId}/acknowledge'>;

export const ALERT_TYPE_WORDS: Record<AlertItem['type'], string> = {
  SOCIAL_CARE_REFERRAL_REQUIRED: 'Social care referral needed',
  STRATEGY_MEETING_REQUIRED: 'Strategy meeting needed',
  CMOG_LISTING: 'Listed for CMOG',
  REPEAT_MISSING: 'Repeatedly missing',
  ABSENT_PATTERN: 'Pattern of absences',
  ASSOCIATION: 'Linked children or adults',
  HOTSPOT: 'Hotspot location',
  RI_UNALLOCATED: 'Return interview not allocated',
  RI_OVERDUE: 'Return interview overdue',
  OUT_OF_AREA: 'Out of area',
  ALERT_UNACKNOWLEDGED: 'Alert not acknowledged in time',
  BREAK_GLASS_ACCESS: 'Record opened outside own authority',
};

export const AUDIENCE_WORDS: Record<AlertItem['audience'], string> = {
  SOCIAL_CARE: 'Social care',
  RESPONSIBLE_LA: 'Responsible local authority',
  CMOG: 'CMOG',
  RI_COORDINATOR: 'Return-interview coordinator',
  SAFEGUARDING_MANAGER: 'Safeguarding manager',
  AUDITOR: 'Auditor',
};

export const ALERT_STATUS_WORDS: Record<AlertItem['status'], string> = {
  OPEN: 'Open',
  ESCALATED: 'Escalated to the safeguarding manager',
  ACKNOWLEDGED: 'Acknowledged',
  CLOSED: 'Closed',
};

const waiting = (a: AlertItem) => a.status === 'OPEN' || a.status === 'ESCALATED';

/** Open and escalated first, then the soonest due (or acknowledge-by), then the newest. */
export function byUrgency(a: AlertItem, b: AlertItem): number {
  if (waiting(a) !== waiting(b)) return waiting(a) ? -1 : 1;
  const due = (x: AlertItem) => new Date(x.dueBy ?? x.acknowledgeBy ?? '9999-12-31').getTime();
  return due(a) - due(b) || b.raisedAt.localeCompare(a.raisedAt);
}

/** Reads `path` and again whenever the alerts change (live updates). */
export function useAlerts(path: string): {
  alerts: AlertItem[] | null;
  error: string | null;
  reload: () => void;
} {
  const [alerts, setAlerts] = useState<AlertItem[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const live = useLive(['alerts']);
  useEffect(() => {
    api.get<AlertItem[]>(path).then(
      (answer) => {
        setAlerts([...answer].sort(byUrgency));
        setError(null);
      },
      (err: unknown) => {
        if (err instanceof ApiError && err.needsPurpose) return; // the purpose form takes over
        setError(err instanceof Error ? err.message : String(err));
      },
    );
  }, [path, live.version]);
  return { alerts, error, reload: live.again };
}

/** The deadline in words: to the decision (dueBy) or to the acknowledgement before escalation. */
export function AlertDue(props: { alert: AlertItem; now: number; what: string }): JSX.Element {
  const at = props.alert.dueBy ?? props.alert.acknowledgeBy;
  if (!at) return <span>No deadline</span>;
  if (!waiting(props.alert))
    return (
      <span>
        {props.what} due by <time dateTime={at}>{formatDateTime(at)}</time>
      </span>
    );
  const c = countdown(at, props.now);
  const label =
    c.urgency === 'overdue'
      ? `${props.what} overdue`
      : c.urgency === 'soon'
        ? `${props.what} due within 24 h`
        : `${props.what} due`;
  return (
    <span class={`due due-${c.urgency}`}>
      <strong class="due-label">{label}: </strong>
      <span>{c.text}</span>
      <br />
      <small>
        by <time dateTime={at}>{formatDateTime(at)}</time>
      </small>
    </span>
  );
}

/** Acknowledge with a note of what is being done about it; or who acknowledged it, and when. */
export function Acknowledge(props: { alert: AlertItem; onDone: () => void }): JSX.Element {
  const a = props.alert;
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (a.status === 'ACKNOWLEDGED' || a.acknowledgedAt) {
    return (
      <p class="acknowledged" data-testid={`acknowledged-${a.alertId}`}>
        <strong>Acknowledged</strong>
        {a.acknowledgedBy ? ` by ${a.acknowledgedBy}` : ''}
        {a.acknowledgedAt && (
          <>
            {' '}
            on <time dateTime={a.acknowledgedAt}>{formatDateTime(a.acknowledgedAt)}</time>
          </>
        )}
      </p>
    );
  }
  if (a.status === 'CLOSED') return <p>Closed</p>;
  const noteId = `note-${a.alertId}`;
  const errorId = `ack-error-${a.alertId}`;
  const submit = async (event: Event) => {
    event.preventDefault();
    if (!note.trim()) {
      setError('Write a note of what you will do, or have done, about it.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const body: AcknowledgeBody = { note: note.trim() };
      await api.post<Acknowledged>(
        `/api/v1/alerts/${encodeURIComponent(a.alertId)}/acknowledge`,
        body,
      );
      props.onDone();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="acknowledge" onSubmit={(e) => void submit(e)} noValidate>
      <label for={noteId}>Note for alert {shortId(a.alertId)}</label>
      <textarea
        id={noteId}
        rows={2}
        cols={30}
        value={note}
        maxLength={4000}
        aria-describedby={error ? errorId : undefined}
        aria-invalid={error ? true : undefined}
        onInput={(e) => setNote(e.currentTarget.value)}
      />
      <button type="submit" disabled={busy}>
        Acknowledge
      </button>
      {error && (
        <p id={errorId} class="error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}

export function ChildLink(props: { alert: AlertItem }): JSX.Element {
  const { childId, localAuthority } = props.alert;
  if (!childId) return <span>No child (about the service)</span>;
  return (
    <>
      <Link href={`/children/${encodeURIComponent(childId)}`}>Child {shortId(childId)}</Link>
      {localAuthority && <small class="block">{localAuthority}</small>}
    </>
  );
}

const ALL = '';

/** The safeguarding manager's alerts, filterable by audience and status. */
export function AlertsPage(): JSX.Element {
  const [audience, setAudience] = useState(ALL);
  const [status, setStatus] = useState(ALL);
  const query = new URLSearchParams();
  if (audience) query.set('audience', audience);
  if (status) query.set('status', status);
  const qs = query.toString();
  const { alerts, error, reload } = useAlerts(`/api/v1/alerts${qs ? `?${qs}` : ''}`);
  const [notice, setNotice] = useState<string | null>(null);
  const now = useNow(1000);
  return (
    <main id="main">
      <h1>Alerts</h1>
      <p>
        Alerts for the audiences you may see, open and escalated first. Acknowledge one with a note
        of what is being done about it.
      </p>
      <form class="filters" onSubmit={(e) => e.preventDefault()}>
        <div>
          <label for="audience">Audience</label>
          <select
            id="audience"
            value={audience}
            onChange={(e) => setAudience(e.currentTarget.value)}
          >
            <option value={ALL}>All audiences</option>
            {Object.entries(AUDIENCE_WORDS).map(([value, words]) => (
              <option key={value} value={value}>
                {words}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label for="status">Status</label>
          <select id="status" value={status} onChange={(e) => setStatus(e.currentTarget.value)}>
            <option value={ALL}>All statuses</option>
            {Object.entries(ALERT_STATUS_WORDS).map(([value, words]) => (
              <option key={value} value={value}>
                {words}
              </option>
            ))}
          </select>
        </div>
      </form>
      {notice && <p role="status">{notice}</p>}
      {error && <p role="alert">The alerts could not be loaded: {error}</p>}
      {!alerts && !error && <p role="status">Loading…</p>}
      {alerts && alerts.length === 0 && <p>There are no alerts to show.</p>}
      {alerts && alerts.length > 0 && (
        <table>
          <caption>Alerts ({alerts.length})</caption>
          <thead>
            <tr>
              <th scope="col">Alert and why</th>
              <th scope="col">Child</th>
              <th scope="col">Audience</th>
              <th scope="col">Status</th>
              <th scope="col">Deadline</th>
              <th scope="col">Acknowledgement</th>
            </tr>
          </thead>
          <tbody>
            {alerts.map((a) => (
              <tr key={a.alertId} data-testid={`alert-${a.alertId}`}>
                <td>
                  <strong>{ALERT_TYPE_WORDS[a.type]}</strong>
                  <small class="block">
                    raised <time dateTime={a.raisedAt}>{formatDateTime(a.raisedAt)}</time>
                  </small>
                  <Reasons reasons={a.reasons} />
                </td>
                <td>
                  <ChildLink alert={a} />
                </td>
                <td>{AUDIENCE_WORDS[a.audience]}</td>
                <td>{ALERT_STATUS_WORDS[a.status]}</td>
                <td>
                  <AlertDue alert={a} now={now} what={a.dueBy ? 'Decision' : 'Acknowledgement'} />
                </td>
                <td>
                  <Acknowledge
                    alert={a}
                    onDone={() => {
                      setNotice(`Alert ${shortId(a.alertId)} acknowledged.`);
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
