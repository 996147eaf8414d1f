import type { JSX } from 'preact';
import type { GetAnswer } from '../api/types';
import { formatDateTime } from '../time';
import { Loading, useRead } from './CmogShared';

type Picture = GetAnswer<'/api/v1/cmog/picture'>;

const list = (items: string[]) => (items.length ? items.join('; ') : '—');

/** Adults, premises and vehicles named in the reports about missing children. */
export function CmogPicturePage(): JSX.Element {
  const { data, error } = useRead<Picture>('/api/v1/cmog/picture');
  return (
    <>
      <h1>CMOG picture</h1>
      <p>Adults, premises and vehicles named in reports about missing children.</p>
      <Loading error={error} loaded={!!data} what="CMOG picture" />
      {data && (
        <>
          <h2>People of concern</h2>
          {data.offenders.length === 0 ? (
            <p>No one is named yet.</p>
          ) : (
            <table>
              <caption>People of concern</caption>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Also known as</th>
                  <th scope="col">Descriptions</th>
                  <th scope="col">Reports</th>
                  <th scope="col">Children</th>
                  <th scope="col">Last reported</th>
                </tr>
              </thead>
              <tbody>
                {data.offenders.map((o, i) => (
                  <tr key={i}>
                    <th scope="row">{o.name ?? 'Not yet named'}</th>
                    <td>{list(o.aliases)}</td>
                    <td>{list(o.descriptions)}</td>
                    <td>{o.reports}</td>
                    <td>{o.childIds.length}</td>
                    <td>{formatDateTime(o.lastReportedAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <h2>Premises</h2>
          {data.premises.length === 0 ? (
            <p>No premises are named yet.</p>
          ) : (
            <table>
              <caption>Premises</caption>
              <thead>
                <tr>
                  <th scope="col">Trading name</th>
                  <th scope="col">Address</th>
                  <th scope="col">Reports</th>
                  <th scope="col">Last reported</th>
                </tr>
              </thead>
              <tbody>
                {data.premises.map((p, i) => (
                  <tr key={i}>
                    <th scope="row">{p.tradingName}</th>
                    <td>{p.address}</td>
                    <td>{p.reports}</td>
                    <td>{formatDateTime(p.lastReportedAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <h2>Vehicles</h2>
          {data.vehicles.length === 0 ? (
            <p>No vehicle is named yet.</p>
          ) : (
            <table>
              <caption>Vehicles</caption>
              <thead>
                <tr>
                  <th scope="col">Registration</th>
                  <th scope="col">Descriptions</th>
                  <th scope="col">Reports</th>
                  <th scope="col">Last reported</th>
                </tr>
              </thead>
              <tbody>
                {data.vehicles.map((v, i) => (
                  <tr key={i}>
                    <th scope="row">{v.registration ?? 'Not given'}</th>
                    <td>{list(v.descriptions)}</td>
                    <td>{v.reports}</td>
                    <td>{formatDateTime(v.lastReportedAt)}</td>
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
