import { Query } from '@nestjs/cqrs';
import type { CmogAgenda } from '@homeward/domain';

/** The agenda as it would be drawn up now for a local authority's CMOG. */
export class GetCmogAgenda extends Query<CmogAgenda> {
  constructor(
    readonly localAuthority: string,
    /** YYYY-MM-DD where CMOG sits. */
    readonly today: string,
    readonly generatedAt: string,
    /** The meeting being opened, so it is never its own "previous meeting". */
    readonly forMeetingId: string | null = null,
  ) {
    super();
  }
}
