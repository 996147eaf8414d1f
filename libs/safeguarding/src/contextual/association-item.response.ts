import { ApiProperty } from '@nestjs/swagger';
import type { IsTrue, SameShape } from '@homeward/platform';
import type { AssociationSource } from './contextual-records';
import type { AssociationItem as AssociationItemModel } from './get-child-associations.query';

/** Someone the child was found with or named, or a child who named the same person. */
export class AssociationItem implements AssociationItemModel {
  /** The other child, when they are a child known to Homeward; null otherwise. */
  childId!: string | null;
  policePersonId!: string | null;
  name?: string;
  description?: string;
  relationship?: string;
  @ApiProperty({ enum: ['FOUND_WITH', 'NAMED_AT_INTERVIEW'] })
  source!: AssociationSource;
  /** Whose record says so: this child's found notification or interview, or the other child's. */
  @ApiProperty({ enum: ['THIS_CHILD', 'OTHER_CHILD'] })
  recordedOn!: 'THIS_CHILD' | 'OTHER_CHILD';
  seenAt!: string;
}

export type AssociationItemDocumented = IsTrue<SameShape<AssociationItem, AssociationItemModel>>;
