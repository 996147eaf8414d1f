import type { JSX } from 'preact';

/** For roles whose screens are not built yet: say so plainly. */
export function ComingPage(props: { roles: string[] }): JSX.Element {
  return (
    <main id="main">
      <h1>Your screens are not built yet</h1>
      <p>
        You are signed in as {props.roles.join(', ') || 'a role with no screens'}. The console so
        far has the return-interview coordinator's queue and review of held interviews, the worker's
        own interviews (contact attempts and the interview record with the screening tool), a
        child's page, and the CMOG agenda, hotspots, picture, action register and meetings.
      </p>
      <h2>Still to come</h2>
      <ul>
        <li>Alerts and their acknowledgement for CMOG members</li>
        <li>CMOG: recording, deferring and completing actions; decisions and amended minutes</li>
        <li>The audit (auditors) and alert deliveries (administrators)</li>
      </ul>
      <p>Until then, these are available through the API (see the API reference at /api/docs).</p>
    </main>
  );
}
