import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { ApiError, api } from '../api/client';
import type { GetAnswer } from '../api/types';
import { Link } from '../router';
import { formatDateTime, shortId, useNow } from '../time';
import { Due, Reasons } from './Interviews';
import { ScreeningTool } from './Screening';

type Detail = GetAnswer<'/api/v1/interviews/{interviewId}'>;

export function InterviewDetailPage(props: { interviewId: string }): JSX.Element {
  const [detail, setDetail] = useState<Detail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const now = useNow(1000);
  useEffect(() => {
    api
      .get<Detail>(`/api/v1/interviews/${encodeURIComponent(props.interviewId)}`)
      .then(setDetail, (err: unknown) => {
        if (err instanceof ApiError && err.needsPurpose) return;
        setError(
          err instanceof ApiError && err.status === 404
            ? 'Not found, or not yours to see.'
            : err instanceof Error
              ? err.message
              : String(err),
        );
      });
  }, [props.interviewId]);

  return (
    <main id="main">
      <h1>Return interview {shortId(props.interviewId)}</h1>
      {error && <p role="alert">{error}</p>}
      {!detail && !error && <p role="status">Loading…</p>}
      {detail && (
        <>
          <dl class="facts">
            <dt>Child</dt>
            <dd>
              <Link href={`/children/${encodeURIComponent(detail.childId)}`}>
                Child {shortId(detail.childId)}
              </Link>
            </dd>
            <dt>Came back</dt>
            <dd>{formatDateTime(detail.returnedAt)}</dd>
            <dt>Deadline (72 hours)</dt>
            <dd>
              <Due dueAt={detail.dueAt} breached={detail.breached} now={now} />
            </dd>
            <dt>Priority</dt>
            <dd>
              <strong>{detail.priority}</strong>
              <Reasons reasons={detail.priorityReasons} />
            </dd>
            <dt>Status</dt>
            <dd>{detail.status}</dd>
            <dt>Allocated to</dt>
            <dd>{detail.allocatedTo ?? 'Not allocated'}</dd>
            {detail.outcome && (
              <>
                <dt>Outcome</dt>
                <dd>{detail.outcome.type}</dd>
              </>
            )}
          </dl>
          <h2>Contact attempts</h2>
          {detail.attempts.length === 0 ? (
            <p>No contact attempts recorded yet.</p>
          ) : (
            <table>
              <caption>Contact attempts</caption>
              <thead>
                <tr>
                  <th scope="col">#</th>
                  <th scope="col">When</th>
                  <th scope="col">How</th>
                  <th scope="col">What happened</th>
                  <th scope="col">By</th>
                </tr>
              </thead>
              <tbody>
                {detail.attempts.map((a) => (
                  <tr key={a.attemptNumber}>
                    <td>{a.attemptNumber}</td>
                    <td>{formatDateTime(a.at)}</td>
                    <td>{a.method}</td>
                    <td>{a.outcome}</td>
                    <td>{a.recordedBy}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <ScreeningTool />
        </>
      )}
    </main>
  );
}
