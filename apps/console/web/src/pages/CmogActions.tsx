import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import type { GetAnswer } from '../api/types';
import { Link } from '../router';
import { formatDateTime, shortId } from '../time';
import { ATTENTION_WORDS, formatDay, Loading, STATUS_WORDS, useRead } from './CmogShared';

type Actions = GetAnswer<'/api/v1/cmog/actions'>;
type Filter = 'all' | 'open' | 'attention';

const QUERY: Record<Filter, string> = {
  all: '',
  open: '?status=OPEN',
  attention: '?attention=true',
};

/** Every action agreed at CMOG, with its owner, due date and deferrals. */
export function CmogActionsPage(): JSX.Element {
  const [filter, setFilter] = useState<Filter>('all');
  const { data, error } = useRead<Actions>(`/api/v1/cmog/actions${QUERY[filter]}`);
  return (
    <>
      <h1>Action register</h1>
      <p>
        <label for="action-filter">Show </label>
        <select
          id="action-filter"
          value={filter}
          onChange={(e) => setFilter(e.currentTarget.value as Filter)}
        >
          <option value="all">All actions</option>
          <option value="open">Open actions</option>
          <option value="attention">Needing attention (overdue or deferred twice)</option>
        </select>
      </p>
      <Loading error={error} loaded={!!data} what="action register" />
      {data && data.length === 0 && <p>There are no actions to show.</p>}
      {data && data.length > 0 && (
        <table>
          <caption>Action register</caption>
          <thead>
            <tr>
              <th scope="col">Action</th>
              <th scope="col">Owner and agency</th>
              <th scope="col">Due</th>
              <th scope="col">Deferrals</th>
              <th scope="col">Status</th>
              <th scope="col">Flags</th>
            </tr>
          </thead>
          <tbody>
            {data.map((a) => (
              <tr key={a.actionId} data-testid={`action-${a.actionId}`}>
                <td>
                  {a.description}
                  <small class="block">Intended outcome: {a.intendedOutcome}</small>
                  {a.childId && (
                    <small class="block">
                      <Link href={`/children/${encodeURIComponent(a.childId)}`}>
                        Child {shortId(a.childId)}
                      </Link>
                    </small>
                  )}
                </td>
                <td>
                  {a.owner}
                  <small class="block">{a.agency}</small>
                </td>
                <td>{formatDay(a.dueOn)}</td>
                <td>
                  {a.deferralHistory.length === 0 ? (
                    'None'
                  ) : (
                    <ol class="reasons">
                      {a.deferralHistory.map((d, i) => (
                        <li key={i}>
                          From {formatDay(d.previousDueOn)} to {formatDay(d.newDueOn)}: {d.reason}{' '}
                          <small>
                            ({d.deferredBy}, {formatDateTime(d.deferredAt)})
                          </small>
                        </li>
                      ))}
                    </ol>
                  )}
                </td>
                <td>
                  {STATUS_WORDS[a.status] ?? a.status}
                  {a.status === 'DONE' && (
                    <small class="block">
                      {a.outcome ?? ''} {a.completedBy ? `(${a.completedBy})` : ''}
                    </small>
                  )}
                </td>
                <td>
                  {a.attentionReasons.length === 0 ? (
                    'None'
                  ) : (
                    <ul class="reasons">
                      {a.attentionReasons.map((r) => (
                        <li key={r}>
                          <strong>{ATTENTION_WORDS[r] ?? r}</strong>
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
