import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { SQL_DATABASE, type SqlDatabase } from '@homeward/event-store';
import type { ChildLevelQuery } from '@homeward/platform';

/** Whether Homeward has heard of the child (a missing, absent or found notification about them). */
export class ChildKnown extends Query<boolean> implements ChildLevelQuery<boolean> {
  constructor(readonly childId: string) {
    super();
  }

  childrenIn(known: boolean): string[] {
    return known ? [this.childId] : [];
  }

  recordsIn(): number {
    return 0;
  }

  /** A child outside the caller's scope is not known to them. */
  outOfScope(): boolean {
    return false;
  }
}

@QueryHandler(ChildKnown)
export class ChildKnownHandler implements IQueryHandler<ChildKnown> {
  constructor(@Inject(SQL_DATABASE) private readonly db: SqlDatabase) {}

  async execute({ childId }: ChildKnown): Promise<boolean> {
    const rows = await this.db.query('SELECT 1 FROM rm_contextual_children WHERE child_id = $1', [
      childId,
    ]);
    return rows.length > 0;
  }
}
