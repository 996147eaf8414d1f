import type { JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { GetAnswer, SessionMe } from '../api/types';
import { Link } from '../router';
import { formatDateTime, shortId } from '../time';
import { CompleteActionForm, DeferActionForm, type ActionResult } from './CmogActionForms';
import {
  ATTENTION_WORDS,
  formatDay,
  isCmog,
  Loading,
  STATUS_WORDS,
  useReadAfterWrite,
} from './CmogShared';

type Actions = GetAnswer<'/api/v1/cmog/actions'>;
type Filter = 'all' | 'open' | 'attention';

const QUERY: Record<Filter, string> = {
  all: '',
  open: '?status=OPEN',
  attention: '?attention=true',
};

/** The chosen action's two updates; focus moves to it so a keyboard user lands on the forms. */
function ActionUpdate(props: {
  action: Actions[number];
  onDone: (action: ActionResult, what: string) => void;
}): JSX.Element {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [props.action.actionId]);
  const { action } = props;
  return (
    <section aria-labelledby="update-title" class="panel">
      <h2 id="update-title" tabIndex={-1} ref={heading}>
        Update action {shortId(action.actionId)}: {action.description}
      </h2>
      <DeferActionForm
        actionId={action.actionId}
        dueOn={action.dueOn}
        onDone={(a) => props.onDone(a, `deferred to ${formatDay(a.dueOn)}`)}
      />
      <CompleteActionForm
        actionId={action.actionId}
        onDone={(a) => props.onDone(a, 'recorded as done')}
      />
    </section>
  );
}

/** Every action agreed at CMOG, with its owner, due date and deferrals. */
export function CmogActionsPage(props: { me: SessionMe }): JSX.Element {
  const [filter, setFilter] = useState<Filter>('all');
  const [chosen, setChosen] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const { data, error, afterWrite } = useReadAfterWrite<Actions>(
    `/api/v1/cmog/actions${QUERY[filter]}`,
  );
  // Members and the chair keep the register; the safeguarding manager reads it.
  const mayUpdate = isCmog(props.me.roles);
  const chosenAction = data?.find((a) => a.actionId === chosen && a.status === 'OPEN');
  const updated = (action: ActionResult, what: string) => {
    setDone(`Action ${shortId(action.actionId)} ${what}.`);
    setChosen(null);
    afterWrite((list) => {
      const row = list.find((a) => a.actionId === action.actionId);
      // A filtered list may drop the action now (done, or no longer needing attention).
      if (!row) return filter !== 'all';
      return row.status === action.status && row.deferrals === action.deferrals;
    });
  };
  return (
    <>
      <h1>Action register</h1>
      <p role="status">{done ?? ''}</p>
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
              {mayUpdate && <th scope="col">Update</th>}
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
                {mayUpdate && (
                  <td>
                    {a.status === 'OPEN' ? (
                      <button
                        type="button"
                        aria-expanded={chosen === a.actionId}
                        onClick={() => {
                          setDone(null);
                          setChosen(a.actionId);
                        }}
                      >
                        Defer or complete action {shortId(a.actionId)}
                      </button>
                    ) : (
                      'None'
                    )}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {mayUpdate && chosenAction && <ActionUpdate action={chosenAction} onDone={updated} />}
    </>
  );
}
