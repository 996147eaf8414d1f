import { Controller, Sse, type MessageEvent } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import { Access, EventProcessing } from '@homeward/platform';
import { filter, interval, map, merge, type Observable } from 'rxjs';
import { LIVE_TOPIC_OF } from './live-topics';

/**
 * Server-sent events telling the console which of its lists changed (`interviews`, `alerts`,
 * `timeline`), so it reads them again: through the same scoped, audited routes as every read.
 * An event names a list, never a child, so what it says is the same for every viewer.
 */
@Controller('api/v1/live')
export class LiveController {
  constructor(private readonly processing: EventProcessing) {}

  @Sse()
  @Access('GET /api/v1/live')
  @ApiOkResponse({
    description:
      'text/event-stream: `event: changed` with data `{"list":"interviews"|"alerts"|"timeline"}` when that list changed, and a comment-free `event: ping` every 25 s',
    content: { 'text/event-stream': { schema: { type: 'string' } } },
  })
  changes(): Observable<MessageEvent> {
    const changed = this.processing.readModelChanges.pipe(
      map((projection) => LIVE_TOPIC_OF.get(projection)),
      filter((list): list is string => list !== undefined),
      map((list) => ({ type: 'changed', data: { list } })),
    );
    // Keeps proxies from closing an idle stream.
    const pings = interval(25_000).pipe(map(() => ({ type: 'ping', data: {} })));
    return merge(changed, pings);
  }
}
