import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { ApiError, api } from '../api/client';
import type { GetAnswer } from '../api/types';
import { formatDateTime, shortId } from '../time';

type Timeline = GetAnswer<'/api/v1/children/{childId}/timeline'>;

export function ChildPage(props: { childId: string }): JSX.Element {
  const [entries, setEntries] = useState<Timeline | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setEntries(null);
    setError(null);
    api
      .get<Timeline>(`/api/v1/children/${encodeURIComponent(props.childId)}/timeline`)
      .then(setEntries, (err: unknown) => {
        if (err instanceof ApiError && err.needsPurpose) return;
        setError(
          err instanceof ApiError && err.status === 404
            ? 'Not found, or not yours to see.'
            : err instanceof Error
              ? err.message
              : String(err),
        );
      });
  }, [props.childId]);

  return (
    <main id="main">
      <h1>Child {shortId(props.childId)}: timeline</h1>
      <p>Everything Homeward knows about this child that your role may see, oldest first.</p>
      {error && <p role="alert">{error}</p>}
      {!entries && !error && <p role="status">Loading…</p>}
      {entries && entries.length === 0 && <p>Nothing is recorded yet.</p>}
      {entries && entries.length > 0 && (
        <ol class="timeline">
          {entries.map((entry) => (
            <li key={entry.eventId}>
              <time dateTime={entry.occurredAt}>{formatDateTime(entry.occurredAt)}</time>
              <p>{entry.summary}</p>
              <small>Recorded by {entry.by ?? 'Homeward'}</small>
            </li>
          ))}
        </ol>
      )}
    </main>
  );
}
