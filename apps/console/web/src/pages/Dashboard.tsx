import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { ApiError, api } from '../api/client';
import { useLive } from '../live';
import type { GetAnswer } from '../api/types';
import { BarChart, figure } from '../charts';
import { DAY_MS, useNow } from '../time';
import { AuthorityPicker, isoDate, useAuthority, type BoardReport } from './Board';

type Queue = GetAnswer<'/api/v1/interviews'>;

/** The safeguarding manager's SLA dashboard: open interviews against their 72-hour deadline. */
export function DashboardPage(): JSX.Element {
  const { authorities, chosen, setChosen, error: meError } = useAuthority();
  const [interviews, setInterviews] = useState<Queue | null>(null);
  const [report, setReport] = useState<BoardReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { version: reload } = useLive(['interviews']);
  const now = useNow(30_000);

  useEffect(() => {
    api.get<Queue>('/api/v1/interviews?status=SCHEDULED,ALLOCATED').then(
      (answer) => {
        setInterviews(answer);
        setError(null);
      },
      (err: unknown) => {
        if (err instanceof ApiError && err.needsPurpose) return; // the purpose form takes over
        setError(err instanceof Error ? err.message : String(err));
      },
    );
  }, [reload]);

  useEffect(() => {
    if (!authorities) return;
    const today = new Date();
    const query = new URLSearchParams({
      from: isoDate(new Date(today.getFullYear(), today.getMonth(), 1)),
      to: isoDate(today),
    });
    if (chosen) query.set('localAuthority', chosen);
    api
      .get<BoardReport>(`/api/v1/reports/board?${query.toString()}`)
      .then(setReport, (err) => setError(err instanceof Error ? err.message : String(err)));
  }, [authorities, chosen, reload]);

  const inScope = interviews?.filter(
    (i) => !chosen || !i.localAuthority || i.localAuthority === chosen,
  );
  const open = inScope?.length ?? null;
  const breached = inScope?.filter((i) => i.breached || new Date(i.dueAt).getTime() <= now).length;
  const dueSoon = inScope?.filter((i) => {
    const left = new Date(i.dueAt).getTime() - now;
    return !i.breached && left > 0 && left <= DAY_MS;
  }).length;

  return (
    <main id="main">
      <h1>Return interview deadlines</h1>
      <p>
        Open return interviews against their 72-hour deadline, and this month's figures so far.
        Updates as interviews change.
      </p>
      {meError && <p role="alert">Your authorities could not be read: {meError}</p>}
      <AuthorityPicker authorities={authorities} chosen={chosen} onChange={setChosen} />
      {error && <p role="alert">The figures could not be loaded: {error}</p>}
      {(!interviews || !report) && !error && <p role="status">Loading…</p>}
      {interviews && (
        <>
          <dl class="facts" data-testid="sla-figures">
            <dt>Open interviews</dt>
            <dd data-testid="open">{open}</dd>
            <dt>Due within 24 hours</dt>
            <dd data-testid="due-soon">{dueSoon}</dd>
            <dt>Deadline missed (breached)</dt>
            <dd data-testid="breached">{breached}</dd>
            {report && (
              <>
                <dt>Held within 72 hours this month</dt>
                <dd data-testid="held-within">
                  {figure(report.interviews.heldWithin72hPercent, '%')}
                  {report.interviews.held > 0 &&
                    ` (${report.interviews.heldWithin72h} of ${report.interviews.held} held)`}
                </dd>
                <dt>Repeatedly missing children this month</dt>
                <dd data-testid="repeat">{report.children.repeat}</dd>
              </>
            )}
          </dl>
          <BarChart
            id="open-interviews"
            title="Open return interviews"
            bars={[
              { label: 'Open', value: open },
              { label: 'Due within 24 hours', value: dueSoon ?? null },
              { label: 'Deadline missed', value: breached ?? null },
            ]}
          />
        </>
      )}
      {report && (
        <BarChart
          id="month"
          title={`This month (${report.period.from} to ${report.period.to})`}
          bars={[
            { label: 'Interviews held', value: report.interviews.held },
            { label: 'Held within 72 hours', value: report.interviews.heldWithin72h },
            { label: 'Deadlines missed', value: report.interviews.breaches },
            { label: 'Repeatedly missing children', value: report.children.repeat },
          ]}
        />
      )}
    </main>
  );
}
