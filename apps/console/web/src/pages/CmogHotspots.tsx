import type { JSX } from 'preact';
import type { GetAnswer } from '../api/types';
import { formatDateTime } from '../time';
import { BarChart } from '../charts';
import { Loading, useRead } from './CmogShared';

type Hotspots = GetAnswer<'/api/v1/cmog/hotspots'>;

/** Places where missing children were seen, most children first. */
export function CmogHotspotsPage(): JSX.Element {
  const { data, error } = useRead<Hotspots>('/api/v1/cmog/hotspots');
  const places = data ? [...data].sort((a, b) => b.children.length - a.children.length) : null;
  return (
    <>
      <h1>Hotspots</h1>
      <p>Places where children were seen while missing, with the number of different children.</p>
      <Loading error={error} loaded={!!places} what="hotspots" />
      {places && places.length === 0 && <p>No place is recorded yet.</p>}
      {places && places.length > 0 && (
        <>
          <BarChart
            id="hotspots"
            title="Children seen at each place"
            describedBy="hotspot-table"
            bars={places.map((p) => ({ label: p.postcode ?? p.place, value: p.children.length }))}
          />
          <table id="hotspot-table">
            <caption>Hotspots</caption>
            <thead>
              <tr>
                <th scope="col">Place</th>
                <th scope="col">Postcode</th>
                <th scope="col">Premises types</th>
                <th scope="col">Children</th>
                <th scope="col">Sightings</th>
                <th scope="col">First seen</th>
                <th scope="col">Last seen</th>
              </tr>
            </thead>
            <tbody>
              {places.map((p) => (
                <tr key={p.place}>
                  <th scope="row">{p.description ?? p.place}</th>
                  <td>{p.postcode ?? '—'}</td>
                  <td>{p.premisesTypes.length ? p.premisesTypes.join(', ') : '—'}</td>
                  <td>{p.children.length}</td>
                  <td>{p.sightings}</td>
                  <td>
                    <time dateTime={p.firstSeenAt}>{formatDateTime(p.firstSeenAt)}</time>
                  </td>
                  <td>
                    <time dateTime={p.lastSeenAt}>{formatDateTime(p.lastSeenAt)}</time>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </>
  );
}
