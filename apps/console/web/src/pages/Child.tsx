import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { ApiError, api } from '../api/client';
import { useLive } from '../live';
import type { GetAnswer } from '../api/types';
import { Link } from '../router';
import { formatDateTime, shortId } from '../time';
import { Reasons } from './Interviews';
import { alertWords, STATUS_WORDS } from './CmogShared';

type Timeline = GetAnswer<'/api/v1/children/{childId}/timeline'>;
type Alerts = GetAnswer<'/api/v1/alerts'>;
type Associations = GetAnswer<'/api/v1/children/{childId}/associations'>;

const ASSOCIATION_ROLES = ['cmog-member', 'cmog-chair', 'social-care', 'safeguarding-manager'];

const messageOf = (err: unknown): string =>
  err instanceof ApiError && err.status === 404
    ? 'Not found, or not yours to see.'
    : err instanceof Error
      ? err.message
      : String(err);

/** A datetime-local value ("2026-03-01T14:30") as ISO 8601 with the browser's offset. */
export function withOffset(local: string): string | null {
  const d = new Date(local);
  if (Number.isNaN(d.getTime())) return null;
  const off = -d.getTimezoneOffset();
  const sign = off >= 0 ? '+' : '-';
  const pad = (n: number) => String(Math.floor(Math.abs(n))).padStart(2, '0');
  return `${local.length === 16 ? `${local}:00` : local}${sign}${pad(off / 60)}:${pad(off % 60)}`;
}

function useChildRead<T>(path: string | null, reload: number) {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<ApiError | Error | null>(null);
  useEffect(() => {
    if (!path) return;
    setError(null);
    api.get<T>(path).then(
      (answer) => {
        setData(answer);
      },
      (err: unknown) => {
        if (err instanceof ApiError && err.needsPurpose) return;
        setData(null);
        setError(err instanceof Error ? err : new Error(String(err)));
      },
    );
  }, [path, reload]);
  return { data, error };
}

export function ChildPage(props: { childId: string; roles?: string[] }): JSX.Element {
  const roles = props.roles ?? [];
  const id = encodeURIComponent(props.childId);
  const [asOfInput, setAsOfInput] = useState('');
  const [asOf, setAsOf] = useState<string | null>(null);
  const [asOfError, setAsOfError] = useState<string | null>(null);
  // A new notification, interview or alert about the child appears without reloading the page.
  const { version: reload } = useLive(['timeline', 'alerts', 'interviews']);

  const timeline = useChildRead<Timeline>(
    `/api/v1/children/${id}/timeline${asOf ? `?asOf=${encodeURIComponent(asOf)}` : ''}`,
    reload,
  );
  const alerts = useChildRead<Alerts>(`/api/v1/alerts?childId=${id}`, reload);
  const showAssociations = roles.some((r) => ASSOCIATION_ROLES.includes(r));
  const associations = useChildRead<Associations>(
    showAssociations ? `/api/v1/children/${id}/associations` : null,
    reload,
  );

  const entries = timeline.data;
  const notYours = timeline.error instanceof ApiError && timeline.error.status === 404;
  const interviews = new Map<string, string>();
  for (const e of entries ?? []) {
    const interviewId = e.details.interviewId;
    if (e.type.startsWith('ReturnInterview') && typeof interviewId === 'string')
      interviews.set(interviewId, e.summary);
  }
  const alertsHidden = alerts.error instanceof ApiError && alerts.error.status === 403;
  const associationsHidden =
    associations.error instanceof ApiError && associations.error.status === 403;

  const applyAsOf = (event: Event) => {
    event.preventDefault();
    if (!asOfInput) {
      setAsOfError('Give a date and time, or choose "Show everything up to now".');
      return;
    }
    const iso = withOffset(asOfInput);
    if (!iso) {
      setAsOfError('That is not a date and time.');
      return;
    }
    setAsOfError(null);
    setAsOf(iso);
  };

  return (
    <main id="main">
      <h1>Child {shortId(props.childId)}</h1>
      {notYours ? (
        <p role="alert">Not found, or not yours to see.</p>
      ) : (
        <>
          <h2>Timeline</h2>
          <p>Everything Homeward knows about this child that your role may see, oldest first.</p>
          <form class="as-at" onSubmit={applyAsOf}>
            <label for="as-at">Show the timeline as it was known at </label>
            <input
              id="as-at"
              type="datetime-local"
              step={1}
              value={asOfInput}
              aria-describedby={asOfError ? 'as-at-error' : undefined}
              onInput={(e) => setAsOfInput(e.currentTarget.value)}
            />{' '}
            <button type="submit">Show as at</button>{' '}
            {asOf && (
              <button
                type="button"
                onClick={() => {
                  setAsOf(null);
                  setAsOfInput('');
                }}
              >
                Show everything up to now
              </button>
            )}
            {asOfError && (
              <p id="as-at-error" class="error" role="alert">
                {asOfError}
              </p>
            )}
          </form>
          <p role="status" data-testid="timeline-status">
            {asOf
              ? `As known at ${formatDateTime(asOf)}: ${entries?.length ?? 0} ${entries?.length === 1 ? 'entry' : 'entries'}.`
              : entries
                ? `Up to now: ${entries.length} ${entries.length === 1 ? 'entry' : 'entries'}.`
                : ''}
          </p>
          {timeline.error && <p role="alert">{messageOf(timeline.error)}</p>}
          {!entries && !timeline.error && <p>Loading…</p>}
          {entries && entries.length === 0 && <p>Nothing is recorded yet.</p>}
          {entries && entries.length > 0 && (
            <ol class="timeline" data-testid="timeline">
              {entries.map((entry) => (
                <li key={entry.eventId}>
                  <time dateTime={entry.occurredAt}>{formatDateTime(entry.occurredAt)}</time>
                  <p>{entry.summary}</p>
                  <small>Recorded by {entry.by ?? 'Homeward'}</small>
                </li>
              ))}
            </ol>
          )}

          <h2>Return interviews</h2>
          {interviews.size === 0 ? (
            <p>No return interview is recorded{asOf ? ' at that time' : ''}.</p>
          ) : (
            <ul>
              {[...interviews.entries()].map(([interviewId, latest]) => (
                <li key={interviewId}>
                  <Link href={`/interviews/${encodeURIComponent(interviewId)}`}>
                    Interview {shortId(interviewId)}
                  </Link>
                  : {latest}
                </li>
              ))}
            </ul>
          )}

          {!alertsHidden && (
            <section aria-labelledby="alerts-heading">
              <h2 id="alerts-heading">Alerts about the child</h2>
              {alerts.error && <p role="alert">{messageOf(alerts.error)}</p>}
              {alerts.data && alerts.data.length === 0 && <p>No alert is raised.</p>}
              {alerts.data && alerts.data.length > 0 && (
                <table>
                  <caption>Alerts about the child</caption>
                  <thead>
                    <tr>
                      <th scope="col">Alert</th>
                      <th scope="col">Why</th>
                      <th scope="col">For</th>
                      <th scope="col">Raised</th>
                      <th scope="col">Status</th>
                    </tr>
                  </thead>
                  <tbody>
                    {alerts.data.map((a) => (
                      <tr key={a.alertId}>
                        <td>{alertWords(a.type)}</td>
                        <td>
                          <Reasons reasons={a.reasons} />
                        </td>
                        <td>{a.audience.replace(/_/g, ' ').toLowerCase()}</td>
                        <td>
                          <time dateTime={a.raisedAt}>{formatDateTime(a.raisedAt)}</time>
                        </td>
                        <td>{STATUS_WORDS[a.status] ?? a.status}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </section>
          )}

          {showAssociations && !associationsHidden && (
            <section aria-labelledby="associations-heading">
              <h2 id="associations-heading">Associations</h2>
              {associations.error && <p role="alert">{messageOf(associations.error)}</p>}
              {associations.data && associations.data.length === 0 && (
                <p>No one is recorded with this child.</p>
              )}
              {associations.data && associations.data.length > 0 && (
                <table>
                  <caption>People and children recorded with this child</caption>
                  <thead>
                    <tr>
                      <th scope="col">Who</th>
                      <th scope="col">Relationship</th>
                      <th scope="col">How it is known</th>
                      <th scope="col">Seen</th>
                    </tr>
                  </thead>
                  <tbody>
                    {associations.data.map((a, i) => (
                      <tr key={i}>
                        <td>
                          {a.childId ? (
                            <Link href={`/children/${encodeURIComponent(a.childId)}`}>
                              Child {shortId(a.childId)}
                            </Link>
                          ) : (
                            (a.name ?? 'Not named')
                          )}
                          {a.description && <small class="block">{a.description}</small>}
                        </td>
                        <td>{a.relationship ?? '—'}</td>
                        <td>
                          {a.source === 'FOUND_WITH' ? 'Found together' : 'Named at an interview'}
                          <small class="block">
                            {a.recordedOn === 'THIS_CHILD'
                              ? "On this child's record"
                              : "On the other child's record"}
                          </small>
                        </td>
                        <td>
                          <time dateTime={a.seenAt}>{formatDateTime(a.seenAt)}</time>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </section>
          )}
        </>
      )}
    </main>
  );
}
