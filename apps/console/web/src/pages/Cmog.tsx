import type { JSX } from 'preact';
import type { SessionMe } from '../api/types';
import { Link, match } from '../router';
import { CmogActionsPage } from './CmogActions';
import { CmogAgendaPage } from './CmogAgenda';
import { CmogHotspotsPage } from './CmogHotspots';
import { CmogMeetingPage, CmogOpenMeetingPage } from './CmogMeeting';
import { CmogPicturePage } from './CmogPicture';
import { CmogNav, mayReadCmog } from './CmogShared';

export { isCmog, mayReadCmog } from './CmogShared';

/** The CMOG screens under /cmog (CMOG members and chair; the safeguarding manager reads them). */
export function CmogPages(props: { me: SessionMe; path: string }): JSX.Element {
  const { me } = props;
  const path = props.path.replace(/\/+$/, '') || '/cmog';
  const meeting = match('/cmog/meetings/:meetingId', path);
  let body: JSX.Element;
  if (!mayReadCmog(me.roles)) body = <h1>Not for your role</h1>;
  else if (path === '/cmog') body = <CmogAgendaPage me={me} />;
  else if (path === '/cmog/hotspots') body = <CmogHotspotsPage />;
  else if (path === '/cmog/picture') body = <CmogPicturePage />;
  else if (path === '/cmog/actions') body = <CmogActionsPage me={me} />;
  else if (path === '/cmog/meetings' && me.roles.includes('cmog-chair'))
    body = <CmogOpenMeetingPage me={me} />;
  else if (meeting) body = <CmogMeetingPage me={me} meetingId={meeting.meetingId} />;
  else
    body = (
      <>
        <h1>Page not found</h1>
        <p>
          There is no CMOG page at this address. <Link href="/cmog">Go to the agenda</Link>.
        </p>
      </>
    );
  return (
    <main id="main">
      <CmogNav me={me} path={path} />
      {body}
    </main>
  );
}
