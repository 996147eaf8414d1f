import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { api } from '../api/client';
import type { GetAnswer, PostAnswer, PostBody } from '../api/types';
import { formatDateTime, shortId } from '../time';
import { Loading, alertWords, useRead } from './CmogShared';

type Delivery = GetAnswer<'/api/v1/alerts/deliveries'>[number];
type Redrive = PostBody<'/api/v1/alerts/deliveries/redrive'>;
type Redriven = PostAnswer<'/api/v1/alerts/deliveries/redrive'>;

const STATUS_WORDS: Record<string, string> = {
  PENDING: 'Waiting to be sent',
  DELIVERED: 'Delivered',
  FAILED: 'Failed',
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface Filters {
  status: string;
  alertId: string;
  target: string;
}
const NONE: Filters = { status: '', alertId: '', target: '' };

function deliveriesPath(filters: Filters): string {
  const q = new URLSearchParams();
  if (filters.status) q.set('status', filters.status);
  if (filters.alertId.trim()) q.set('alertId', filters.alertId.trim());
  if (filters.target.trim()) q.set('target', filters.target.trim());
  const query = q.toString();
  return `/api/v1/alerts/deliveries${query ? `?${query}` : ''}`;
}

/** Alerts' webhook deliveries, newest first: what failed and why, and queuing them again. */
export function DeliveriesPage(): JSX.Element {
  const [draft, setDraft] = useState<Filters>(NONE);
  const [applied, setApplied] = useState<Filters>(NONE);
  const [alertIdError, setAlertIdError] = useState<string | null>(null);
  const [reload, setReload] = useState(0);
  const [notice, setNotice] = useState<string | null>(null);
  const [redriveError, setRedriveError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { data, error } = useRead<Delivery[]>(deliveriesPath(applied), reload);

  const apply = (e: Event): void => {
    e.preventDefault();
    const id = draft.alertId.trim();
    if (id && !UUID.test(id)) {
      setAlertIdError('Enter the whole alert ID (a UUID).');
      return;
    }
    setAlertIdError(null);
    setApplied(draft);
  };

  const redrive = async (body: Redrive, what: string): Promise<void> => {
    setBusy(true);
    setNotice(null);
    setRedriveError(null);
    try {
      const answer = await api.post<Redriven>('/api/v1/alerts/deliveries/redrive', body);
      const n = answer.requeued.length;
      setNotice(
        n === 0
          ? `No failed deliveries matched ${what}: nothing was queued again.`
          : `${n} failed deliver${n === 1 ? 'y' : 'ies'} (${what}) queued again.`,
      );
      setReload((r) => r + 1);
    } catch (err) {
      setRedriveError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  const failed = data?.filter((d) => d.status === 'FAILED').length ?? 0;
  const scope: Redrive = {
    ...(applied.alertId.trim() ? { alertId: applied.alertId.trim() } : {}),
    ...(applied.target.trim() ? { target: applied.target.trim() } : {}),
  };
  const scopeWords =
    scope.alertId || scope.target
      ? [
          scope.alertId ? `alert ${shortId(scope.alertId)}` : '',
          scope.target ? `target ${scope.target}` : '',
        ]
          .filter(Boolean)
          .join(', ')
      : 'all targets';

  return (
    <main id="main">
      <h1>Alert deliveries</h1>
      <p>
        Each alert is sent to the webhook targets that take it. A failed delivery is kept here, with
        its last error, until it is queued again and delivered. Newest first, at most 500.
      </p>
      <form onSubmit={apply} aria-label="Filter the deliveries">
        <p>
          <label for="deliveries-status">Status</label>{' '}
          <select
            id="deliveries-status"
            value={draft.status}
            onChange={(e) => setDraft({ ...draft, status: e.currentTarget.value })}
          >
            <option value="">Any status</option>
            {Object.entries(STATUS_WORDS).map(([value, words]) => (
              <option key={value} value={value}>
                {words}
              </option>
            ))}
          </select>
        </p>
        <p>
          <label for="deliveries-alert">Alert ID</label>{' '}
          {alertIdError && (
            <span id="deliveries-alert-error" class="error block" role="alert">
              {alertIdError}
            </span>
          )}
          <input
            id="deliveries-alert"
            type="text"
            value={draft.alertId}
            aria-invalid={alertIdError ? 'true' : undefined}
            aria-describedby={alertIdError ? 'deliveries-alert-error' : undefined}
            onInput={(e) => setDraft({ ...draft, alertId: e.currentTarget.value })}
          />
        </p>
        <p>
          <label for="deliveries-target">Webhook target</label>{' '}
          <input
            id="deliveries-target"
            type="text"
            value={draft.target}
            onInput={(e) => setDraft({ ...draft, target: e.currentTarget.value })}
          />
        </p>
        <p>
          <button type="submit">Show deliveries</button>
        </p>
      </form>
      {notice && <p role="status">{notice}</p>}
      {redriveError && (
        <p class="error" role="alert">
          The deliveries could not be queued again: {redriveError}
        </p>
      )}
      <Loading error={error} loaded={data !== null} what="deliveries" />
      {data && data.length === 0 && <p>There are no deliveries to show.</p>}
      {data && data.length > 0 && (
        <>
          <p>
            <button
              type="button"
              disabled={busy || failed === 0}
              onClick={() => void redrive(scope, scopeWords)}
            >
              Queue the failed deliveries again ({scopeWords})
            </button>
          </p>
          <table>
            <caption>
              Deliveries ({failed} failed, {data.length} in all)
            </caption>
            <thead>
              <tr>
                <th scope="col">Alert</th>
                <th scope="col">Target</th>
                <th scope="col">Status</th>
                <th scope="col">Attempts</th>
                <th scope="col">Last failure</th>
                <th scope="col">Queue again</th>
              </tr>
            </thead>
            <tbody>
              {data.map((d) => (
                <tr
                  key={`${d.alertId}/${d.target}`}
                  data-testid={`delivery-${d.alertId}-${d.target}`}
                >
                  <td>
                    {alertWords(d.alertType)}
                    <small class="block">
                      Alert {shortId(d.alertId)} · for {d.audience}
                    </small>
                    <small class="block">
                      queued <time dateTime={d.queuedAt}>{formatDateTime(d.queuedAt)}</time>
                    </small>
                  </td>
                  <td>{d.target}</td>
                  <td>
                    {STATUS_WORDS[d.status] ?? d.status}
                    {d.deliveredAt && (
                      <small class="block">
                        <time dateTime={d.deliveredAt}>{formatDateTime(d.deliveredAt)}</time>
                      </small>
                    )}
                  </td>
                  <td>{d.attempts}</td>
                  <td>
                    {d.lastError ?? 'None'}
                    {d.lastAttemptAt && (
                      <small class="block">
                        last tried{' '}
                        <time dateTime={d.lastAttemptAt}>{formatDateTime(d.lastAttemptAt)}</time>
                        {d.lastStatus !== null ? ` · answered ${d.lastStatus}` : ''}
                      </small>
                    )}
                  </td>
                  <td>
                    {d.status === 'FAILED' ? (
                      <button
                        type="button"
                        disabled={busy}
                        onClick={() =>
                          void redrive(
                            { alertId: d.alertId, target: d.target },
                            `alert ${shortId(d.alertId)} to ${d.target}`,
                          )
                        }
                      >
                        Queue again
                        <span class="visually-hidden">
                          {' '}
                          alert {shortId(d.alertId)} to {d.target}
                        </span>
                      </button>
                    ) : (
                      '—'
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </main>
  );
}
