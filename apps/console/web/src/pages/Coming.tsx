import type { JSX } from 'preact';

/** For roles whose screens are not built yet: say so plainly. */
export function ComingPage(props: { roles: string[] }): JSX.Element {
  return (
    <main id="main">
      <h1>Your screens are not built yet</h1>
      <p>
        You are signed in as {props.roles.join(', ') || 'a role with no screens'}. The console so
        far has the return-interview coordinator's queue, the worker's own interviews, a child's
        page, and the CMOG agenda, hotspots, picture, action register and meetings.
      </p>
      <h2>Still to come</h2>
      <ul>
        <li>
          Recording a return interview (contact attempts, the interview record, the screening tool)
          from the console
        </li>
        <li>Reviewing completed interviews (coordinators)</li>
        <li>Alerts and their acknowledgement for CMOG members</li>
        <li>CMOG: recording, deferring and completing actions; decisions and amended minutes</li>
        <li>The audit (auditors) and alert deliveries (administrators)</li>
      </ul>
      <p>Until then, these are available through the API (see the API reference at /api/docs).</p>
    </main>
  );
}
