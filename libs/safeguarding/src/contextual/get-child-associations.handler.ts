import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { SQL_DATABASE, type SqlDatabase } from '@homeward/event-store';
import { ChildAccess, currentScope } from '@homeward/platform';
import type { AssociationSource } from './contextual-records';
import { GetChildAssociations, type AssociationItem } from './get-child-associations.query';

interface Row {
  known_child_id: string | null;
  police_person_id: string | null;
  name: string | null;
  description: string | null;
  relationship: string | null;
  source: AssociationSource;
  this_child: boolean;
  seen_at: Date;
}

@QueryHandler(GetChildAssociations)
export class GetChildAssociationsHandler implements IQueryHandler<GetChildAssociations> {
  constructor(
    @Inject(SQL_DATABASE) private readonly db: SqlDatabase,
    private readonly access: ChildAccess,
  ) {}

  async execute({ childId }: GetChildAssociations): Promise<AssociationItem[]> {
    const rows = await this.db.query<Row>(
      `SELECT c.child_id::text AS known_child_id,
              coalesce(a.police_person_id, c.police_person_id) AS police_person_id,
              a.name, a.description, a.relationship, a.source,
              a.recorded_on = a.child_id AS this_child, a.seen_at
       FROM rm_child_associations a
       LEFT JOIN rm_contextual_children c ON c.child_id = a.other_child_id
       WHERE a.child_id = $1
       ORDER BY a.seen_at DESC, a.position DESC, a.idx`,
      [childId],
    );
    // Another child's record is theirs: what it says is shown only to whoever may see that
    // child, and another child is named (by id) only to them.
    const others = rows.flatMap((r) => (r.known_child_id ? [r.known_child_id] : []));
    const visible = await this.access.visible(currentScope(), others);
    const shown = rows.filter(
      (r) => r.this_child || (r.known_child_id && visible.has(r.known_child_id)),
    );
    return shown.map((r) => ({
      childId: r.known_child_id && visible.has(r.known_child_id) ? r.known_child_id : null,
      policePersonId: r.police_person_id,
      ...(r.name ? { name: r.name } : {}),
      ...(r.description ? { description: r.description } : {}),
      ...(r.relationship ? { relationship: r.relationship } : {}),
      source: r.source,
      recordedOn: r.this_child ? 'THIS_CHILD' : 'OTHER_CHILD',
      seenAt: new Date(r.seen_at).toISOString(),
    }));
  }
}
