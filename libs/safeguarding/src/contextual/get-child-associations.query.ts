import { Query } from '@nestjs/cqrs';
import type { ChildLevelQuery } from '@homeward/platform';
import type { AssociationSource } from './contextual-records';

export interface AssociationItem {
  /** The other child, when they are a child known to Homeward; null otherwise. */
  childId: string | null;
  policePersonId: string | null;
  name?: string;
  description?: string;
  relationship?: string;
  source: AssociationSource;
  /** Whose record says so: this child's found notification or interview, or the other child's. */
  recordedOn: 'THIS_CHILD' | 'OTHER_CHILD';
  seenAt: string;
}

/** The people a child was found with or named at interview, and children who named them. */
export class GetChildAssociations
  extends Query<AssociationItem[]>
  implements ChildLevelQuery<AssociationItem[]>
{
  constructor(readonly childId: string) {
    super();
  }

  childrenIn(items: AssociationItem[]): string[] {
    if (items.length === 0) return [];
    return [this.childId, ...items.flatMap((i) => (i.childId ? [i.childId] : []))];
  }

  outOfScope(): AssociationItem[] {
    return [];
  }
}
