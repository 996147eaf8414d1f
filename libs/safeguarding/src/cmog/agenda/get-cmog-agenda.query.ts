import { Query } from '@nestjs/cqrs';
import type { CmogAgenda } from '@homeward/domain';
import type { ChildLevelQuery } from '@homeward/platform';

/** The agenda as it would be drawn up now for a local authority's CMOG. */
export class GetCmogAgenda extends Query<CmogAgenda> implements ChildLevelQuery<CmogAgenda> {
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

  /** Scoped by the access policy: only an authority the caller works for. */
  get authority(): string {
    return this.localAuthority;
  }

  childrenIn(agenda: CmogAgenda): string[] {
    return agenda.children.map((c) => c.childId);
  }

  recordsIn(agenda: CmogAgenda): number {
    return agenda.children.length + agenda.associations.length + agenda.hotspots.length;
  }
}
