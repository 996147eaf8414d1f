import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { ApiError, api } from '../api/client';
import { useLive } from '../live';
import type {
  GetAnswer,
  InterviewQueueItem,
  PostAnswer,
  PostBody,
  SessionUser,
} from '../api/types';
import { Link } from '../router';
import { countdown, formatDateTime, shortId, useNow } from '../time';

type Queue = GetAnswer<'/api/v1/interviews'>;
type AllocateBody = PostBody<'/api/v1/interviews/{interviewId}/allocate'>;
type Allocated = PostAnswer<'/api/v1/interviews/{interviewId}/allocate'>;

const PRIORITY_WORDS: Record<InterviewQueueItem['priority'], string> = {
  RED: 'Red (highest)',
  AMBER: 'Amber',
  GREEN: 'Green',
};
const STATUS_WORDS: Record<InterviewQueueItem['status'], string> = {
  SCHEDULED: 'Waiting to be allocated',
  ALLOCATED: 'Allocated',
  HELD: 'Held',
  DECLINED: 'Declined',
  NOT_POSSIBLE: 'Not possible',
  CANCELLED: 'Cancelled',
};

export function Due(props: { dueAt: string; breached: boolean; now: number }): JSX.Element {
  const c = countdown(props.dueAt, props.now, props.breached);
  return (
    <span class={`due due-${c.urgency}`}>
      {c.label && <strong class="due-label">{c.label}: </strong>}
      <span>{c.text}</span>
      <br />
      <small>
        due <time dateTime={props.dueAt}>{formatDateTime(props.dueAt)}</time>
      </small>
    </span>
  );
}

export function Reasons(props: { reasons: string[] }): JSX.Element | null {
  if (props.reasons.length === 0) return null;
  return (
    <ul class="reasons">
      {props.reasons.map((r, i) => (
        <li key={i}>{r}</li>
      ))}
    </ul>
  );
}

function Allocate(props: {
  item: InterviewQueueItem;
  workers: SessionUser[] | null;
  onAllocated: () => void;
}): JSX.Element {
  const id = props.item.interviewId;
  const [workerId, setWorkerId] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const controlId = `worker-${id}`;
  const errorId = `allocate-error-${id}`;
  const submit = async (event: Event) => {
    event.preventDefault();
    if (!workerId.trim()) {
      setError('Choose a worker first.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const body: AllocateBody = { workerId: workerId.trim() };
      await api.post<Allocated>(`/api/v1/interviews/${encodeURIComponent(id)}/allocate`, body);
      props.onAllocated();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  const label = `Worker for ${shortId(id)}`;
  return (
    <form class="allocate" onSubmit={(e) => void submit(e)}>
      <label for={controlId} class="visually-hidden">
        {label}
      </label>
      {props.workers ? (
        <select
          id={controlId}
          value={workerId}
          aria-describedby={error ? errorId : undefined}
          onChange={(e) => setWorkerId(e.currentTarget.value)}
        >
          <option value="">Choose a worker…</option>
          {props.workers.map((w) => (
            <option key={w.id} value={w.id}>
              {w.name}
              {w.organisation ? ` (${w.organisation})` : ''}
            </option>
          ))}
        </select>
      ) : (
        <input
          id={controlId}
          type="text"
          placeholder="worker id"
          value={workerId}
          aria-describedby={error ? errorId : undefined}
          onInput={(e) => setWorkerId(e.currentTarget.value)}
        />
      )}
      <button type="submit" disabled={busy}>
        Allocate
      </button>
      {error && (
        <p id={errorId} class="error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}

/** The coordinator's queue (mode "queue") or the worker's own list (mode "mine"). */
export function InterviewList(props: { mode: 'queue' | 'mine' }): JSX.Element {
  const [items, setItems] = useState<Queue | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [workers, setWorkers] = useState<SessionUser[] | null>(null);
  const { version: reload, again } = useLive(['interviews']);
  const [notice, setNotice] = useState<string | null>(null);
  const now = useNow(1000);

  useEffect(() => {
    const path =
      props.mode === 'queue'
        ? '/api/v1/interviews?status=SCHEDULED,ALLOCATED'
        : '/api/v1/interviews';
    api.get<Queue>(path).then(
      (answer) => {
        setItems(answer);
        setError(null);
      },
      (err: unknown) => {
        if (err instanceof ApiError && err.needsPurpose) return; // the purpose form takes over
        setError(err instanceof Error ? err.message : String(err));
      },
    );
  }, [props.mode, reload]);

  useEffect(() => {
    if (props.mode !== 'queue') return;
    api.get<SessionUser[]>('/api/v1/session/users').then(
      (users) => setWorkers(users.filter((u) => u.roles.includes('ri-worker'))),
      () => setWorkers(null),
    );
  }, [props.mode]);

  const title = props.mode === 'queue' ? 'Interview queue' : 'My interviews';
  // The coordinator's two questions: which wait for a worker, which are about to breach.
  const [show, setShow] = useState<'all' | 'unallocated' | 'urgent'>('all');
  const shown = (items ?? []).filter((item) => {
    if (show === 'unallocated') return item.status === 'SCHEDULED';
    if (show === 'urgent') return countdown(item.dueAt, now, item.breached).urgency !== 'later';
    return true;
  });
  return (
    <main id="main">
      <h1>{title}</h1>
      <p>
        {props.mode === 'queue'
          ? 'Return interviews waiting or allocated in your authorities, most urgent first (priority, then deadline).'
          : 'Return interviews allocated to you, most urgent first. Each must be offered within 72 hours of the child coming back.'}
      </p>
      {notice && <p role="status">{notice}</p>}
      {error && <p role="alert">The list could not be loaded: {error}</p>}
      {!items && !error && <p role="status">Loading…</p>}
      {props.mode === 'queue' && items && items.length > 0 && (
        <fieldset class="filter">
          <legend>Show</legend>
          {(
            [
              ['all', 'All'],
              ['unallocated', 'Waiting for a worker'],
              ['urgent', 'Due within 24 hours or overdue'],
            ] as const
          ).map(([value, label]) => (
            <label key={value} class="inline">
              <input
                type="radio"
                name="show"
                value={value}
                checked={show === value}
                onChange={() => setShow(value)}
              />{' '}
              {label}
            </label>
          ))}
        </fieldset>
      )}
      {items && items.length === 0 && <p>There are no interviews to show.</p>}
      {items && items.length > 0 && shown.length === 0 && (
        <p>None of them is {show === 'urgent' ? 'due within 24 hours' : 'waiting for a worker'}.</p>
      )}
      {items && shown.length > 0 && (
        <table>
          <caption>{title}</caption>
          <thead>
            <tr>
              <th scope="col">Child</th>
              <th scope="col">Priority and why</th>
              <th scope="col">Due</th>
              <th scope="col">Status</th>
              <th scope="col">Worker</th>
              {props.mode === 'mine' && <th scope="col">Interview</th>}
            </tr>
          </thead>
          <tbody>
            {shown.map((item) => (
              <tr key={item.interviewId} data-testid={`interview-${item.interviewId}`}>
                <td>
                  <Link href={`/children/${encodeURIComponent(item.childId)}`}>
                    Child {shortId(item.childId)}
                  </Link>
                  {item.localAuthority && <small class="block">{item.localAuthority}</small>}
                </td>
                <td>
                  <strong>{PRIORITY_WORDS[item.priority]}</strong>
                  <Reasons reasons={item.priorityReasons} />
                </td>
                <td>
                  <Due dueAt={item.dueAt} breached={item.breached} now={now} />
                </td>
                <td>
                  {STATUS_WORDS[item.status]}
                  {item.attempts > 0 && (
                    <small class="block">
                      {item.attempts} contact attempt{item.attempts === 1 ? '' : 's'}
                    </small>
                  )}
                </td>
                <td>
                  {item.allocatedTo ? (
                    item.allocatedTo
                  ) : props.mode === 'queue' ? (
                    <Allocate
                      item={item}
                      workers={workers}
                      onAllocated={() => {
                        setNotice(`Interview ${shortId(item.interviewId)} allocated.`);
                        again();
                      }}
                    />
                  ) : (
                    'Not allocated'
                  )}
                </td>
                {props.mode === 'mine' && (
                  <td>
                    <Link href={`/interviews/${encodeURIComponent(item.interviewId)}`}>
                      Open interview {shortId(item.interviewId)}
                    </Link>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </main>
  );
}
