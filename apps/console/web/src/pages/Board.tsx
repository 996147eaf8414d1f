import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { ApiError, api, session } from '../api/client';
import type { ErrorBody, GetAnswer, SessionMe, ValidationErrorsBody } from '../api/types';
import { BarChart, figure } from '../charts';
import { ALERT_TYPE_WORDS } from './Alerts';

export type BoardReport = GetAnswer<'/api/v1/reports/board'>;

/** YYYY-MM-DD of a local date. */
export function isoDate(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/**
 * The local authority to report on: the caller's only one, or the one chosen from theirs. Board
 * figures and the SSDA903 table need one when the caller has several.
 */
export function useAuthority(): {
  authorities: string[] | null;
  chosen: string;
  setChosen: (la: string) => void;
  error: string | null;
} {
  const [authorities, setAuthorities] = useState<string[] | null>(null);
  const [chosen, setChosen] = useState('');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api.get<SessionMe>('/api/v1/session/me').then(
      (me) => {
        const las = me.localAuthorities ?? [];
        setAuthorities(las);
        if (las.length >= 1) setChosen(las[0]);
      },
      (err: unknown) => setError(err instanceof Error ? err.message : String(err)),
    );
  }, []);
  return { authorities, chosen, setChosen, error };
}

/** A picker when the caller has several authorities; nothing to choose when they have one. */
export function AuthorityPicker(props: {
  authorities: string[] | null;
  chosen: string;
  onChange: (la: string) => void;
}): JSX.Element | null {
  const las = props.authorities;
  if (!las) return null;
  if (las.length <= 1)
    return <p>Local authority: {las[0] ?? 'every authority (none named in your sign-in)'}</p>;
  return (
    <div>
      <label for="local-authority">Local authority</label>
      <select
        id="local-authority"
        value={props.chosen}
        onChange={(e) => props.onChange(e.currentTarget.value)}
      >
        {las.map((la) => (
          <option key={la} value={la}>
            {la}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The board figures as charts, one per group, each with its table. */
export function BoardFigures(props: { report: BoardReport }): JSX.Element {
  const r = props.report;
  const sex = Object.entries(r.demographics.sex).map(([label, value]) => ({ label, value }));
  return (
    <>
      <BarChart
        id="episodes"
        title="Episodes"
        bars={[
          { label: 'All episodes', value: r.episodes.total },
          { label: 'Missing', value: r.episodes.missing },
          { label: 'Absent', value: r.episodes.absent },
          { label: 'Away without authorisation', value: r.episodes.awayWithoutAuthorisation },
        ]}
      />
      <BarChart
        id="children"
        title="Children"
        bars={[
          { label: 'Children (distinct)', value: r.children.distinct },
          { label: 'With a missing episode', value: r.children.withMissing },
          { label: 'With an absence', value: r.children.withAbsent },
          {
            label: 'Away without authorisation',
            value: r.children.withAwayWithoutAuthorisation,
          },
          { label: 'Repeatedly missing', value: r.children.repeat },
        ]}
      />
      <BarChart
        id="interviews"
        title="Return interviews"
        bars={[
          { label: 'Offered', value: r.interviews.offered },
          { label: 'Accepted', value: r.interviews.accepted },
          { label: 'Declined', value: r.interviews.declined },
          { label: 'Not possible', value: r.interviews.notPossible },
          { label: 'Held', value: r.interviews.held },
          { label: 'Held within 72 hours', value: r.interviews.heldWithin72h },
          { label: 'Deadline missed', value: r.interviews.breaches },
        ]}
      />
      <p>
        Held within 72 hours: <strong>{figure(r.interviews.heldWithin72hPercent, '%')}</strong> of
        the interviews held.
      </p>
      <BarChart
        id="cse"
        title="Screenings by level of concern (exploitation)"
        bars={[
          { label: 'None', value: r.cseLevels.NONE },
          { label: 'Low', value: r.cseLevels.LOW },
          { label: 'Medium', value: r.cseLevels.MEDIUM },
          { label: 'Significant', value: r.cseLevels.SIGNIFICANT },
        ]}
      />
      <BarChart
        id="referrals"
        title="Social care referrals"
        bars={[
          { label: 'Referrals', value: r.referrals.count },
          { label: 'Decided', value: r.referrals.decided },
          { label: 'Decided in time', value: r.referrals.decidedInTime },
        ]}
      />
      <p>
        Median time to a decision:{' '}
        <strong>{figure(r.referrals.medianHoursToDecision, ' h')}</strong>
      </p>
      <BarChart
        id="alerts"
        title="Alerts by type"
        bars={Object.entries(r.alerts.byType).map(([type, value]) => ({
          label: ALERT_TYPE_WORDS[type as keyof typeof ALERT_TYPE_WORDS] ?? type,
          value,
        }))}
      />
      <p>
        Median time to acknowledge an alert:{' '}
        <strong>{figure(r.alerts.medianHoursToAcknowledge, ' h')}</strong>
      </p>
      <BarChart
        id="age"
        title="Episodes by the child's age"
        bars={Object.entries(r.demographics.ageAtEpisode).map(([label, value]) => ({
          label: label === 'not recorded' ? 'Not recorded' : `${label} years`,
          value,
        }))}
      />
      <BarChart id="sex" title="Episodes by the child's sex as recorded" bars={sex} />
      <BarChart
        id="looked-after"
        title="Episodes of looked-after children"
        bars={[
          { label: 'Looked after', value: r.demographics.lookedAfter.yes },
          { label: 'Not looked after', value: r.demographics.lookedAfter.no },
        ]}
      />
    </>
  );
}

async function downloadSsda903(from: string, to: string, localAuthority: string): Promise<string> {
  const query = new URLSearchParams({ from, to });
  if (localAuthority) query.set('localAuthority', localAuthority);
  const headers: Record<string, string> = { Accept: 'text/csv' };
  const token = session.token();
  if (token) headers.Authorization = `Bearer ${token}`;
  const purpose = session.purpose();
  if (purpose) headers['X-Purpose'] = purpose;
  const res = await fetch(`/api/v1/reports/ssda903/missing?${query.toString()}`, { headers });
  if (!res.ok) {
    let body: Partial<ErrorBody & ValidationErrorsBody> | null = null;
    try {
      body = (await res.json()) as typeof body;
    } catch {
      body = null;
    }
    throw new ApiError(res.status, body);
  }
  const blob = await res.blob();
  const name = `ssda903-missing-${from}-${to}.csv`;
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return name;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The board's figures for a chosen period, and the SSDA903 Missing table to download. */
export function BoardPage(): JSX.Element {
  const today = new Date();
  const { authorities, chosen, setChosen, error: meError } = useAuthority();
  const [from, setFrom] = useState(isoDate(new Date(today.getFullYear(), 0, 1)));
  const [to, setTo] = useState(isoDate(today));
  const [period, setPeriod] = useState({ from, to });
  const [report, setReport] = useState<BoardReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [download, setDownload] = useState<{ busy: boolean; error?: string; done?: string }>({
    busy: false,
  });

  useEffect(() => {
    if (!authorities) return;
    const query = new URLSearchParams(period);
    if (chosen) query.set('localAuthority', chosen);
    setReport(null);
    api.get<BoardReport>(`/api/v1/reports/board?${query.toString()}`).then(
      (answer) => {
        setReport(answer);
        setError(null);
      },
      (err: unknown) => setError(err instanceof Error ? err.message : String(err)),
    );
  }, [authorities, chosen, period]);

  const show = (event: Event) => {
    event.preventDefault();
    if (!DATE.test(from) || !DATE.test(to)) {
      setFieldError('Give both dates as YYYY-MM-DD.');
      return;
    }
    if (from > to) {
      setFieldError('The start date must be on or before the end date.');
      return;
    }
    setFieldError(null);
    setPeriod({ from, to });
  };

  const save = async () => {
    setDownload({ busy: true });
    try {
      const name = await downloadSsda903(period.from, period.to, chosen);
      setDownload({ busy: false, done: `Downloaded ${name}.` });
    } catch (err) {
      setDownload({ busy: false, error: err instanceof Error ? err.message : String(err) });
    }
  };

  return (
    <main id="main">
      <h1>Board figures</h1>
      <p>The safeguarding board's figures for a period, and the SSDA903 Missing table.</p>
      {meError && <p role="alert">Your authorities could not be read: {meError}</p>}
      <AuthorityPicker authorities={authorities} chosen={chosen} onChange={setChosen} />
      <form class="filters" onSubmit={show} noValidate>
        <div>
          <label for="from">From (YYYY-MM-DD)</label>
          <input
            id="from"
            type="date"
            value={from}
            aria-describedby={fieldError ? 'period-error' : undefined}
            onInput={(e) => setFrom(e.currentTarget.value)}
          />
        </div>
        <div>
          <label for="to">To (YYYY-MM-DD)</label>
          <input
            id="to"
            type="date"
            value={to}
            aria-describedby={fieldError ? 'period-error' : undefined}
            onInput={(e) => setTo(e.currentTarget.value)}
          />
        </div>
        <button type="submit">Show figures</button>
        {fieldError && (
          <p id="period-error" class="error" role="alert">
            {fieldError}
          </p>
        )}
      </form>
      <p>
        <button type="button" disabled={download.busy} onClick={() => void save()}>
          Download SSDA903 Missing table (CSV)
        </button>{' '}
        for {period.from} to {period.to}
      </p>
      {download.error && (
        <p class="error" role="alert">
          The table could not be downloaded: {download.error}
        </p>
      )}
      {download.done && <p role="status">{download.done}</p>}
      {error && <p role="alert">The figures could not be loaded: {error}</p>}
      {!report && !error && <p role="status">Loading…</p>}
      {report && (
        <section aria-labelledby="figures-heading">
          <h2 id="figures-heading">
            Figures from {report.period.from} to {report.period.to}
            {report.period.localAuthority
              ? `, ${report.period.localAuthority}`
              : ', every authority'}
          </h2>
          <BoardFigures report={report} />
        </section>
      )}
    </main>
  );
}
