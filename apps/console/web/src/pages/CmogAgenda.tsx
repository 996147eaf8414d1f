import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import type { GetAnswer, SessionMe } from '../api/types';
import { Link } from '../router';
import { formatDateTime, shortId } from '../time';
import { Reasons } from './Interviews';
import {
  ATTENTION_WORDS,
  AuthorityPicker,
  alertWords,
  firstAuthority,
  formatDay,
  Loading,
  useRead,
} from './CmogShared';

type Agenda = GetAnswer<'/api/v1/cmog/agenda'>;
type AgendaAlert = Agenda['hotspots'][number];

function AlertList(props: { alerts: AgendaAlert[]; caption: string; empty: string }) {
  if (props.alerts.length === 0) return <p>{props.empty}</p>;
  return (
    <table>
      <caption>{props.caption}</caption>
      <thead>
        <tr>
          <th scope="col">Alert</th>
          <th scope="col">Why</th>
          <th scope="col">Raised</th>
        </tr>
      </thead>
      <tbody>
        {props.alerts.map((a) => (
          <tr key={a.alertId}>
            <td>{alertWords(a.type)}</td>
            <td>
              <Reasons reasons={a.reasons} />
            </td>
            <td>
              <time dateTime={a.raisedAt}>{formatDateTime(a.raisedAt)}</time>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The next meeting's agenda for one authority. */
export function CmogAgendaPage(props: { me: SessionMe }): JSX.Element {
  const [authority, setAuthority] = useState(firstAuthority(props.me));
  const path = authority.trim()
    ? `/api/v1/cmog/agenda?localAuthority=${encodeURIComponent(authority.trim())}`
    : null;
  const { data, error } = useRead<Agenda>(path);
  return (
    <>
      <h1>CMOG agenda: {authority}</h1>
      <AuthorityPicker me={props.me} value={authority} onChange={setAuthority} id="agenda-la" />
      <Loading error={error} loaded={!!data} what="agenda" />
      {data && (
        <>
          <p>
            Drawn up <time dateTime={data.generatedAt}>{formatDateTime(data.generatedAt)}</time>.
          </p>
          <h2>Children of concern</h2>
          {data.children.length === 0 ? (
            <p>No child is listed for this meeting.</p>
          ) : (
            <table>
              <caption>Children of concern and why they are listed</caption>
              <thead>
                <tr>
                  <th scope="col">Child</th>
                  <th scope="col">Why</th>
                  <th scope="col">Alerts</th>
                </tr>
              </thead>
              <tbody>
                {data.children.map((c) => (
                  <tr key={c.childId} data-testid={`agenda-child-${c.childId}`}>
                    <td>
                      <Link href={`/children/${encodeURIComponent(c.childId)}`}>
                        Child {shortId(c.childId)}
                      </Link>
                    </td>
                    <td>
                      <Reasons reasons={c.why} />
                    </td>
                    <td>
                      <ul class="reasons">
                        {c.alerts.map((a) => (
                          <li key={a.alertId}>
                            {alertWords(a.type)} (
                            <time dateTime={a.raisedAt}>{formatDateTime(a.raisedAt)}</time>)
                          </li>
                        ))}
                      </ul>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <h2>Associations</h2>
          <AlertList
            alerts={data.associations}
            caption="Associations between children"
            empty="No association is raised."
          />
          <h2>New hotspots</h2>
          <p>
            {data.hotspotsSince
              ? `Places that became hotspots since ${formatDateTime(data.hotspotsSince)}.`
              : 'Every hotspot so far (this is the first meeting).'}
          </p>
          <AlertList
            alerts={data.hotspots}
            caption="Places that became hotspots"
            empty="No new hotspot."
          />
          <h2>Actions overdue or deferred</h2>
          {data.actions.length === 0 ? (
            <p>No action is overdue or deferred.</p>
          ) : (
            <table>
              <caption>Actions overdue or deferred</caption>
              <thead>
                <tr>
                  <th scope="col">Action</th>
                  <th scope="col">Owner and agency</th>
                  <th scope="col">Due</th>
                  <th scope="col">Why it is here</th>
                </tr>
              </thead>
              <tbody>
                {data.actions.map((a) => (
                  <tr key={a.actionId}>
                    <td>
                      {a.description}
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
                    <td>
                      {formatDay(a.dueOn)}
                      {a.deferrals > 0 && (
                        <small class="block">
                          deferred {a.deferrals} time{a.deferrals === 1 ? '' : 's'}
                        </small>
                      )}
                    </td>
                    <td>
                      <Reasons
                        reasons={[
                          ...a.attentionReasons.map((r) => ATTENTION_WORDS[r] ?? r),
                          ...a.why,
                        ]}
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </>
  );
}
