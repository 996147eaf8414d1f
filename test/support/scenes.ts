import type { INestApplication } from '@nestjs/common';
import { api, eventually } from './homeward-app';
import { childFound, missingReported } from './notifications';

/**
 * A child of `authority` reported missing and found, with the return interview that follows,
 * as the tests of who sees what need them. `coordinator` must see every authority's queue.
 */
export async function childWithInterview(
  app: INestApplication,
  authority: string,
  tokens: { police: string; coordinator: string },
): Promise<{ childId: string; interviewId: string; policeReference: string }> {
  const missing = missingReported({
    child: { ...missingReported().child, responsibleLocalAuthority: authority },
  });
  const send = (body: object) =>
    api(app)
      .post('/api/v1/police/notifications')
      .set('Authorization', tokens.police)
      .send(body)
      .expect(202);
  const reported = await send(missing);
  await send(childFound(missing));
  const interview = await eventually(async () => {
    const queue = (
      await api(app).get('/api/v1/interviews').set('Authorization', tokens.coordinator)
    ).body as Array<{ childId: string; interviewId: string }>;
    const found = queue.find((i) => i.childId === reported.body.childId);
    if (!found) throw new Error('not scheduled yet');
    return found;
  });
  return {
    childId: reported.body.childId as string,
    interviewId: interview.interviewId,
    policeReference: missing.policeReference,
  };
}
