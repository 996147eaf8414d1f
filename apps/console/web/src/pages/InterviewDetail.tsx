import type { JSX } from 'preact';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { ApiError, api } from '../api/client';
import type { GetAnswer, PostBody, SessionMe } from '../api/types';
import { Link } from '../router';
import { formatDateTime, shortId, useNow } from '../time';
import { DeclineForm, InterviewRecordForm, NotPossibleForm, localNow } from './InterviewForm';
import { Due, Reasons } from './Interviews';
import { LEVEL_WORDS } from './Screening';
import { FieldError, failureWords, fieldErrors } from '../forms';

type Detail = GetAnswer<'/api/v1/interviews/{interviewId}'>;
type Screening = NonNullable<Detail['screening']>;
type AttemptBody = PostBody<'/api/v1/interviews/{interviewId}/attempts'>;
type Method = AttemptBody['method'];

const METHOD_WORDS: Record<Method, string> = {
  PHONE: 'Phone call',
  TEXT: 'Text message',
  EMAIL: 'Email',
  LETTER: 'Letter',
  HOME_VISIT: 'Home visit',
  PLACEMENT_VISIT: 'Placement visit',
  SCHOOL_VISIT: 'School visit',
  OTHER: 'Other',
};

export const OUTCOME_WORDS: Record<Screening['outcomes'][number], string> = {
  SOCIAL_CARE_REFERRAL_REQUIRED: "A referral to children's social care is required",
  STRATEGY_MEETING_REQUIRED: 'A strategy meeting is required',
  CMOG_LISTING: 'The child is to be listed for the CMOG (Child Missing Operational Group) meeting',
};

const STATUS_WORDS: Record<Detail['status'], string> = {
  SCHEDULED: 'Waiting to be allocated',
  ALLOCATED: 'Allocated, to be held',
  HELD: 'Held',
  DECLINED: 'Declined',
  NOT_POSSIBLE: 'Not possible',
  CANCELLED: 'Cancelled',
};

/** The latest review of the current record, if any. */
export function currentReview(detail: Detail): Detail['reviews'][number] | null {
  const revision = detail.outcome?.type === 'HELD' ? detail.outcome.revision : null;
  const reviews = detail.reviews.filter((r) => r.revision === revision);
  return reviews.length > 0 ? reviews[reviews.length - 1] : null;
}

/** The screening as Homeward recorded it: suggested, confirmed, and what must follow. */
export function RecordedScreening(props: { screening: Screening }): JSX.Element {
  const s = props.screening;
  return (
    <section aria-labelledby="recorded-screening-heading" data-testid="recorded-screening">
      <h2 id="recorded-screening-heading">Screening recorded</h2>
      <dl class="facts">
        <dt>Suggested level</dt>
        <dd>{LEVEL_WORDS(s.suggested)}</dd>
        <dt>Confirmed level</dt>
        <dd>
          <strong>{LEVEL_WORDS(s.confirmed)}</strong>
          {s.overridden ? ' (differs from the suggestion)' : ' (the suggestion, confirmed)'}
        </dd>
        {s.overrideReason && (
          <>
            <dt>Reason for the different level</dt>
            <dd>{s.overrideReason}</dd>
          </>
        )}
        {s.socialCareDecisionDueAt && (
          <>
            <dt>Social care decide on the referral by</dt>
            <dd>{formatDateTime(s.socialCareDecisionDueAt)}</dd>
          </>
        )}
      </dl>
      <h3>Why this level was suggested</h3>
      <ul>
        {s.suggestedReasons.map((r, i) => (
          <li key={i}>{r}</li>
        ))}
      </ul>
      <h3>What must follow</h3>
      {s.outcomes.length === 0 ? (
        <p>No referral, strategy meeting or CMOG listing follows from this level.</p>
      ) : (
        <ul data-testid="screening-outcomes">
          {s.outcomes.map((o) => (
            <li key={o}>{OUTCOME_WORDS[o]}</li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The record of a held interview: where the child went, with whom, and their account. */
function HeldRecord(props: {
  record: Extract<Detail['outcome'], { type: 'HELD' }>['record'];
}): JSX.Element {
  const r = props.record;
  const text = (t: string) => (t.trim() ? t : 'Nothing recorded.');
  return (
    <section aria-labelledby="held-record-heading">
      <h2 id="held-record-heading">The interview record</h2>
      <h3>Where the child went</h3>
      {r.locationsVisited.length === 0 ? (
        <p>No places recorded.</p>
      ) : (
        <ul>
          {r.locationsVisited.map((l, i) => (
            <li key={i}>
              {l.description}
              {l.postcode ? `, ${l.postcode}` : ''}
              {l.premisesType ? ` (${l.premisesType})` : ''}
            </li>
          ))}
        </ul>
      )}
      <h3>Who the child was with</h3>
      {r.associates.length === 0 ? (
        <p>No people recorded.</p>
      ) : (
        <ul>
          {r.associates.map((a, i) => (
            <li key={i}>{[a.name, a.relationship, a.description].filter(Boolean).join(': ')}</li>
          ))}
        </ul>
      )}
      <dl class="facts">
        <dt>Push factors</dt>
        <dd>{text(r.pushFactors)}</dd>
        <dt>Pull factors</dt>
        <dd>{text(r.pullFactors)}</dd>
        <dt>The child's voice</dt>
        <dd>{text(r.childsVoice)}</dd>
        <dt>Disclosures</dt>
        <dd>{text(r.disclosures)}</dd>
      </dl>
    </section>
  );
}

function AttemptForm(props: { interviewId: string; onRecorded: () => void }): JSX.Element {
  const [at, setAt] = useState(localNow());
  const [method, setMethod] = useState<Method>('PHONE');
  const [outcome, setOutcome] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setFailure(null);
    const d = new Date(at);
    const body: AttemptBody = {
      at: Number.isNaN(d.getTime()) ? at : d.toISOString(),
      method,
      outcome,
    };
    try {
      await api.post(`/api/v1/interviews/${encodeURIComponent(props.interviewId)}/attempts`, body);
      setOutcome('');
      setErrors({});
      props.onRecorded();
    } catch (err) {
      setErrors(fieldErrors(err) ?? {});
      setFailure(failureWords(err, false));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="attempt-heading">
      <h3 id="attempt-heading">Record a contact attempt</h3>
      <p>
        <label for="attempt-at">When</label>
        <input
          id="attempt-at"
          type="datetime-local"
          value={at}
          aria-describedby={errors.at ? 'attempt-at-error' : undefined}
          onInput={(e) => setAt(e.currentTarget.value)}
        />
        <FieldError id="attempt-at-error" message={errors.at} />
      </p>
      <p>
        <label for="attempt-method">How</label>
        <select
          id="attempt-method"
          value={method}
          aria-describedby={errors.method ? 'attempt-method-error' : undefined}
          onChange={(e) => setMethod(e.currentTarget.value as Method)}
        >
          {(Object.keys(METHOD_WORDS) as Method[]).map((m) => (
            <option key={m} value={m}>
              {METHOD_WORDS[m]}
            </option>
          ))}
        </select>
        <FieldError id="attempt-method-error" message={errors.method} />
      </p>
      <p>
        <label for="attempt-outcome">What happened</label>
        <input
          id="attempt-outcome"
          type="text"
          size={60}
          value={outcome}
          aria-describedby={errors.outcome ? 'attempt-outcome-error' : undefined}
          onInput={(e) => setOutcome(e.currentTarget.value)}
        />
        <FieldError id="attempt-outcome-error" message={errors.outcome} />
      </p>
      <p>
        <button type="submit" disabled={busy}>
          Record the attempt
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

export function InterviewDetailPage(props: { interviewId: string }): JSX.Element {
  const [detail, setDetail] = useState<Detail | null>(null);
  const [roles, setRoles] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const now = useNow(1000);
  const load = useCallback(() => {
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
  useEffect(load, [load]);
  useEffect(() => {
    api.get<SessionMe>('/api/v1/session/me').then(
      (me) => setRoles(me.roles),
      () => setRoles([]),
    );
  }, []);

  const review = detail ? currentReview(detail) : null;
  const open = detail?.status === 'SCHEDULED' || detail?.status === 'ALLOCATED';
  const amending = detail?.status === 'HELD' && review?.decision === 'RETURNED';
  const worker = roles.includes('ri-worker');

  return (
    <main id="main">
      <h1>Return interview {shortId(props.interviewId)}</h1>
      {error && <p role="alert">{error}</p>}
      {notice && <p role="status">{notice}</p>}
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
            <dd data-testid="interview-status">{STATUS_WORDS[detail.status]}</dd>
            <dt>Allocated to</dt>
            <dd>{detail.allocatedTo ?? 'Not allocated'}</dd>
            {detail.outcome?.type === 'HELD' && (
              <>
                <dt>Held</dt>
                <dd>
                  {formatDateTime(detail.outcome.conductedAt)} by {detail.outcome.recordedBy}
                  {detail.outcome.heldWithinDeadline
                    ? ' (within 72 hours)'
                    : ' (after the deadline)'}
                </dd>
              </>
            )}
            {(detail.outcome?.type === 'DECLINED' || detail.outcome?.type === 'NOT_POSSIBLE') && (
              <>
                <dt>Reason</dt>
                <dd>{detail.outcome.reason}</dd>
              </>
            )}
            {review && (
              <>
                <dt>Quality check</dt>
                <dd>
                  {review.decision === 'APPROVED' ? 'Approved' : 'Returned for amendment'} by{' '}
                  {review.reviewedBy}: “{review.comment}”
                </dd>
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
                    <td>{METHOD_WORDS[a.method as Method] ?? a.method}</td>
                    <td>{a.outcome}</td>
                    <td>{a.recordedBy}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {worker && open && (
            <AttemptForm
              interviewId={detail.interviewId}
              onRecorded={() => {
                setNotice('Contact attempt recorded.');
                load();
              }}
            />
          )}
          {detail.screening && <RecordedScreening screening={detail.screening} />}
          {detail.outcome?.type === 'HELD' && <HeldRecord record={detail.outcome.record} />}
          {worker && (open || amending) && detail.screeningPrefill && (
            <InterviewRecordForm
              interviewId={detail.interviewId}
              prefill={detail.screeningPrefill}
              amending={amending}
              onRecorded={() => {
                setNotice('The interview is recorded.');
                load();
              }}
            />
          )}
          {worker && open && (
            <section aria-labelledby="other-outcomes-heading">
              <h2 id="other-outcomes-heading">If no interview was held</h2>
              <DeclineForm
                interviewId={detail.interviewId}
                onDone={() => {
                  setNotice('Recorded as declined.');
                  load();
                }}
              />
              <NotPossibleForm
                interviewId={detail.interviewId}
                onDone={() => {
                  setNotice('Recorded as not possible.');
                  load();
                }}
              />
            </section>
          )}
        </>
      )}
    </main>
  );
}
