import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { api } from '../api/client';
import type { GetAnswer, PostAnswer, PostBody, SessionMe } from '../api/types';
import { Link, navigate } from '../router';
import { formatDateTime, shortId } from '../time';
import { Reasons } from './Interviews';
import { RecordActionForm } from './CmogActionForms';
import { MinutesForm } from './CmogMinutes';
import {
  AuthorityPicker,
  firstAuthority,
  formatDay,
  isCmog,
  Loading,
  STATUS_WORDS,
  useRead,
  useReadAfterWrite,
} from './CmogShared';

type OpenBody = PostBody<'/api/v1/cmog/meetings'>;
type Opened = PostAnswer<'/api/v1/cmog/meetings'>;
type Meeting = GetAnswer<'/api/v1/cmog/meetings/{meetingId}'>;
type Actions = GetAnswer<'/api/v1/cmog/actions'>;
type AttendanceBody = PostBody<'/api/v1/cmog/meetings/{meetingId}/attendance'>;

const today = () => new Date().toISOString().slice(0, 10);

/** The chair opens a meeting: the agenda is drawn up as it stands now. */
export function CmogOpenMeetingPage(props: { me: SessionMe }): JSX.Element {
  const [authority, setAuthority] = useState(firstAuthority(props.me));
  const [heldOn, setHeldOn] = useState(today());
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: Event) => {
    event.preventDefault();
    if (!heldOn) {
      setError('Give the date of the meeting.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const body: OpenBody = { localAuthority: authority.trim(), heldOn };
      const opened = await api.post<Opened>('/api/v1/cmog/meetings', body);
      navigate(`/cmog/meetings/${encodeURIComponent(opened.meetingId)}`);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <h1>Open a CMOG meeting</h1>
      <p>Opening the meeting keeps the agenda as it stands now with the meeting.</p>
      <form onSubmit={(e) => void submit(e)}>
        <AuthorityPicker me={props.me} value={authority} onChange={setAuthority} id="meeting-la" />
        <p>
          <label for="held-on">Date of the meeting </label>
          <input
            id="held-on"
            type="date"
            value={heldOn}
            aria-describedby={error ? 'open-error' : undefined}
            onInput={(e) => setHeldOn(e.currentTarget.value)}
          />
        </p>
        <button type="submit" disabled={busy}>
          Open the meeting for {authority}
        </button>
        {error && (
          <p id="open-error" class="error" role="alert">
            {error}
          </p>
        )}
      </form>
    </>
  );
}

/** "Name, agency, role" a line → attendees. */
function parsePeople(text: string): AttendanceBody['attendees'] {
  return text
    .split('\n')
    .map((line) => line.split(',').map((s) => s.trim()))
    .filter((parts) => parts[0])
    .map(([name, agency, role]) => ({ name, agency: agency ?? '', ...(role ? { role } : {}) }));
}

function AttendanceForm(props: { meetingId: string; onDone: (m: Meeting) => void }) {
  const [attendees, setAttendees] = useState('');
  const [apologies, setApologies] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async (event: Event) => {
    event.preventDefault();
    setError(null);
    try {
      const body: AttendanceBody = {
        attendees: parsePeople(attendees),
        apologies: parsePeople(apologies),
      };
      props.onDone(
        await api.post<Meeting>(
          `/api/v1/cmog/meetings/${encodeURIComponent(props.meetingId)}/attendance`,
          body,
        ),
      );
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)}>
      <h2>Record the attendance</h2>
      <p id="people-hint">One person a line: name, agency, role (the role may be left out).</p>
      <p>
        <label for="attendees">Present</label>
        <textarea
          id="attendees"
          rows={4}
          cols={60}
          aria-describedby="people-hint"
          value={attendees}
          onInput={(e) => setAttendees(e.currentTarget.value)}
        />
      </p>
      <p>
        <label for="apologies">Apologies</label>
        <textarea
          id="apologies"
          rows={2}
          cols={60}
          aria-describedby="people-hint"
          value={apologies}
          onInput={(e) => setApologies(e.currentTarget.value)}
        />
      </p>
      <button type="submit">Record the attendance</button>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}

type Minutes = NonNullable<Meeting['minutes']>;

/** The minutes, the decisions and the amendments made since, oldest first. */
function RecordedMinutes(props: { minutes: Minutes }): JSX.Element {
  const { minutes } = props;
  return (
    <>
      <p class="minutes">{minutes.minutes}</p>
      <p>
        <small>
          Recorded by {minutes.recordedBy}, {formatDateTime(minutes.recordedAt)}
        </small>
      </p>
      <h3>Decisions</h3>
      {minutes.decisions.length === 0 ? (
        <p>No decision was recorded.</p>
      ) : (
        <ol data-testid="decisions">
          {minutes.decisions.map((d, i) => (
            <li key={i}>
              {d.childId && (
                <>
                  <Link href={`/children/${encodeURIComponent(d.childId)}`}>
                    Child {shortId(d.childId)}
                  </Link>
                  :{' '}
                </>
              )}
              {d.decision}
            </li>
          ))}
        </ol>
      )}
      {minutes.amendments.length > 0 && (
        <>
          <h3>Amendments</h3>
          <ol data-testid="amendments">
            {minutes.amendments.map((a) => (
              <li key={a.amendment}>
                {a.reason}{' '}
                <small>
                  ({a.amendedBy}, {formatDateTime(a.amendedAt)})
                </small>
              </li>
            ))}
          </ol>
        </>
      )}
    </>
  );
}

/** The minutes form; once minutes are recorded it is folded away behind "Amend the minutes". */
function AmendableMinutes(props: { meeting: Meeting; onDone: (m: Meeting) => void }): JSX.Element {
  const form = <MinutesForm meeting={props.meeting} onDone={props.onDone} />;
  if (!props.meeting.minutes) return form;
  return (
    <details>
      <summary>Amend the minutes</summary>
      {form}
    </details>
  );
}

/** The actions agreed at this meeting, from the register. */
function MeetingActions(props: { meetingId: string; recorded: string | null }): JSX.Element {
  const { data, error, afterWrite } = useReadAfterWrite<Actions>('/api/v1/cmog/actions');
  useEffect(() => {
    const id = props.recorded;
    if (id) afterWrite((list) => list.some((a) => a.actionId === id));
  }, [props.recorded]);
  const mine = data?.filter((a) => a.meetingId === props.meetingId) ?? [];
  return (
    <>
      <h2>Actions agreed at this meeting</h2>
      <Loading error={error} loaded={!!data} what="actions" />
      {data && mine.length === 0 && <p>No action recorded yet.</p>}
      {mine.length > 0 && (
        <ul data-testid="meeting-actions">
          {mine.map((a) => (
            <li key={a.actionId}>
              {a.description}: {a.owner} ({a.agency}), due {formatDay(a.dueOn)} ·{' '}
              {STATUS_WORDS[a.status] ?? a.status}
            </li>
          ))}
        </ul>
      )}
      <p>
        <Link href="/cmog/actions">The action register</Link> is where actions are deferred or
        completed.
      </p>
    </>
  );
}

/** A meeting: its agenda as it was when opened, the attendance and the minutes. */
export function CmogMeetingPage(props: { me: SessionMe; meetingId: string }): JSX.Element {
  const [reload, setReload] = useState(0);
  const [updated, setUpdated] = useState<Meeting | null>(null);
  const read = useRead<Meeting>(
    `/api/v1/cmog/meetings/${encodeURIComponent(props.meetingId)}`,
    reload,
  );
  const m = updated ?? read.data;
  const chair = props.me.roles.includes('cmog-chair');
  const [recorded, setRecorded] = useState<string | null>(null);
  const [recordedId, setRecordedId] = useState<string | null>(null);
  const done = (meeting: Meeting) => {
    setUpdated(meeting);
    setReload((n) => n + 1);
  };
  return (
    <>
      <h1>CMOG meeting {m ? `of ${formatDay(m.heldOn)}, ${m.localAuthority}` : ''}</h1>
      <Loading error={read.error} loaded={!!m} what="meeting" />
      {m && (
        <>
          <dl class="facts">
            <dt>Meeting</dt>
            <dd>{shortId(m.meetingId)}</dd>
            <dt>Opened by</dt>
            <dd>
              {m.openedBy}, <time dateTime={m.openedAt}>{formatDateTime(m.openedAt)}</time>
            </dd>
          </dl>
          <h2>Children on the agenda</h2>
          {m.agenda.children.length === 0 ? (
            <p>No child was listed.</p>
          ) : (
            <ul>
              {m.agenda.children.map((c) => (
                <li key={c.childId}>
                  <Link href={`/children/${encodeURIComponent(c.childId)}`}>
                    Child {shortId(c.childId)}
                  </Link>
                  <Reasons reasons={c.why} />
                </li>
              ))}
            </ul>
          )}
          <h2>Attendance</h2>
          {m.attendance ? (
            <ul>
              {m.attendance.attendees.map((a, i) => (
                <li key={i}>
                  {a.name}, {a.agency}
                  {a.role ? ` (${a.role})` : ''}
                </li>
              ))}
              {m.attendance.apologies.map((a, i) => (
                <li key={`a${i}`}>
                  Apologies: {a.name}, {a.agency}
                </li>
              ))}
            </ul>
          ) : (
            <p>Not recorded yet.</p>
          )}
          {!m.attendance && chair && <AttendanceForm meetingId={m.meetingId} onDone={done} />}
          <h2>Minutes</h2>
          {m.minutes ? <RecordedMinutes minutes={m.minutes} /> : <p>Not recorded yet.</p>}
          {m.attendance && chair && (
            // Keyed by the amendment count: the form starts again from what is now recorded.
            <AmendableMinutes key={m.minutes?.amendments.length ?? -1} meeting={m} onDone={done} />
          )}
          <MeetingActions meetingId={m.meetingId} recorded={recordedId} />
          {isCmog(props.me.roles) && (
            <RecordActionForm
              meetingId={m.meetingId}
              agendaChildren={m.agenda.children.map((c) => c.childId)}
              onDone={(a) => {
                setRecorded(`Action ${shortId(a.actionId)} recorded, owned by ${a.owner}.`);
                setRecordedId(a.actionId);
              }}
            />
          )}
          <p role="status">{recorded ?? ''}</p>
        </>
      )}
    </>
  );
}
