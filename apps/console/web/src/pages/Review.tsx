// The coordinator's quality check of held interviews: approve, or return to the worker with a comment.
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { ApiError, api } from '../api/client';
import { useLive } from '../live';
import type { GetAnswer, PostBody } from '../api/types';
import { Link } from '../router';
import { formatDateTime, shortId } from '../time';
import { FieldError, failureWords, fieldErrors } from '../forms';
import { OUTCOME_WORDS, currentReview } from './InterviewDetail';
import { LEVEL_WORDS } from './Screening';

type Queue = GetAnswer<'/api/v1/interviews'>;
type Detail = GetAnswer<'/api/v1/interviews/{interviewId}'>;
type ReviewBody = PostBody<'/api/v1/interviews/{interviewId}/review'>;

function ReviewForm(props: {
  detail: Detail;
  onReviewed: (decision: string) => void;
}): JSX.Element {
  const id = props.detail.interviewId;
  const [decision, setDecision] = useState<'' | ReviewBody['decision']>('');
  const [comment, setComment] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const base = `review-${id}`;
  const submit = async (event: Event) => {
    event.preventDefault();
    if (!decision) {
      setErrors({ decision: 'Choose approve or return.' });
      return;
    }
    setBusy(true);
    setFailure(null);
    try {
      const body: ReviewBody = { decision, comment };
      await api.post(`/api/v1/interviews/${encodeURIComponent(id)}/review`, body);
      props.onReviewed(decision);
    } catch (err) {
      setErrors(fieldErrors(err) ?? {});
      setFailure(failureWords(err, false));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate class="review">
      <fieldset aria-describedby={errors.decision ? `${base}-decision-error` : undefined}>
        <legend>Quality check of interview {shortId(id)}</legend>
        <label class="check">
          <input
            type="radio"
            name={`${base}-decision`}
            value="APPROVED"
            checked={decision === 'APPROVED'}
            onChange={() => setDecision('APPROVED')}
          />{' '}
          Approve
        </label>
        <label class="check">
          <input
            type="radio"
            name={`${base}-decision`}
            value="RETURNED"
            checked={decision === 'RETURNED'}
            onChange={() => setDecision('RETURNED')}
          />{' '}
          Return to the worker to amend
        </label>
        <FieldError id={`${base}-decision-error`} message={errors.decision} />
      </fieldset>
      <label for={`${base}-comment`}>Comment for interview {shortId(id)}</label>
      <textarea
        id={`${base}-comment`}
        rows={2}
        cols={40}
        value={comment}
        aria-describedby={errors.comment ? `${base}-comment-error` : undefined}
        onInput={(e) => setComment(e.currentTarget.value)}
      />
      <FieldError id={`${base}-comment-error`} message={errors.comment} />
      <p>
        <button type="submit" disabled={busy}>
          Save the quality check
        </button>
      </p>
      {failure && (
        <p class="error" role="alert">
          {failure}
        </p>
      )}
    </form>
  );
}

export function ReviewPage(): JSX.Element {
  const [items, setItems] = useState<Detail[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const { version: reload, again } = useLive(['interviews']);

  useEffect(() => {
    (async () => {
      const held = await api.get<Queue>('/api/v1/interviews?status=HELD');
      const details = await Promise.all(
        held.map((item) =>
          api.get<Detail>(`/api/v1/interviews/${encodeURIComponent(item.interviewId)}`),
        ),
      );
      setItems(details.filter((d) => currentReview(d)?.decision !== 'APPROVED'));
      setError(null);
    })().catch((err: unknown) => {
      if (err instanceof ApiError && err.needsPurpose) return;
      setError(err instanceof Error ? err.message : String(err));
    });
  }, [reload]);

  return (
    <main id="main">
      <h1>Interviews to review</h1>
      <p>
        Held return interviews whose record is not yet approved. Approve the record, or return it to
        the worker with a comment saying what to amend.
      </p>
      {notice && <p role="status">{notice}</p>}
      {error && <p role="alert">The list could not be loaded: {error}</p>}
      {!items && !error && <p role="status">Loading…</p>}
      {items && items.length === 0 && <p>There are no interviews waiting for review.</p>}
      {items && items.length > 0 && (
        <table>
          <caption>Interviews to review</caption>
          <thead>
            <tr>
              <th scope="col">Interview</th>
              <th scope="col">Held</th>
              <th scope="col">Screening</th>
              <th scope="col">Quality check</th>
            </tr>
          </thead>
          <tbody>
            {items.map((d) => {
              const review = currentReview(d);
              const held = d.outcome?.type === 'HELD' ? d.outcome : null;
              return (
                <tr key={d.interviewId} data-testid={`review-${d.interviewId}`}>
                  <td>
                    <Link href={`/interviews/${encodeURIComponent(d.interviewId)}`}>
                      Interview {shortId(d.interviewId)}
                    </Link>
                    <small class="block">
                      Child {shortId(d.childId)}
                      {d.localAuthority ? `, ${d.localAuthority}` : ''}
                    </small>
                  </td>
                  <td>
                    {held ? (
                      <>
                        {formatDateTime(held.conductedAt)}
                        <small class="block">
                          by {held.recordedBy}
                          {held.revision > 1 ? `, amended (record ${held.revision})` : ''}
                          {held.heldWithinDeadline ? ', within 72 hours' : ', after the deadline'}
                        </small>
                      </>
                    ) : (
                      '—'
                    )}
                  </td>
                  <td>
                    {d.screening ? (
                      <>
                        Confirmed: <strong>{LEVEL_WORDS(d.screening.confirmed)}</strong>
                        <small class="block">
                          Suggested: {LEVEL_WORDS(d.screening.suggested)}
                          {d.screening.overrideReason
                            ? `; reason for the difference: ${d.screening.overrideReason}`
                            : ''}
                        </small>
                        {d.screening.outcomes.length > 0 && (
                          <ul class="reasons">
                            {d.screening.outcomes.map((o) => (
                              <li key={o}>{OUTCOME_WORDS[o]}</li>
                            ))}
                          </ul>
                        )}
                      </>
                    ) : (
                      'No screening recorded'
                    )}
                  </td>
                  <td>
                    {review?.decision === 'RETURNED' ? (
                      <p>
                        Returned to the worker by {review.reviewedBy}: “{review.comment}”. Waiting
                        for the amended record.
                      </p>
                    ) : (
                      <ReviewForm
                        detail={d}
                        onReviewed={(decision) => {
                          setNotice(
                            `Interview ${shortId(d.interviewId)} ${decision === 'APPROVED' ? 'approved' : 'returned to the worker'}.`,
                          );
                          again();
                        }}
                      />
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </main>
  );
}
