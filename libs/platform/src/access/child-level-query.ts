/**
 * A query that hands out child-level data. The query layer (PolicedQueries) runs it only within
 * the caller's scope and notes what it returned for the audit:
 * - `childrenIn` names the children in a result; each must be in the caller's scope.
 * - `outOfScope`, for a query about one record, is the answer for a record the caller may not
 *   see: the same answer as for no record, so the controller's 404 discloses nothing. A query
 *   without it (a list) filters in SQL (visibleChildSql); a child outside the scope in its
 *   result is a defect, refused rather than shown.
 * - `authority`, for a query about one local authority's records (an agenda, a report): the
 *   caller must work for it (else 404); null (every authority) only for a caller who covers
 *   every one (else 400 asking them to name theirs). Its children are then the authority's,
 *   noted for the audit without a second check.
 */
export interface ChildLevelQuery<R = unknown> {
  childrenIn(result: R): readonly string[];
  recordsIn?(result: R): number;
  outOfScope?(): R;
  readonly authority?: string | null;
  /**
   * The handler filtered its rows by the caller's authorities in SQL (visibleAuthoritySql), as
   * for records held by authority (the CMOG action register): children noted, not re-checked.
   */
  readonly scopedByAuthority?: true;
}

export const isChildLevelQuery = (query: unknown): query is ChildLevelQuery =>
  typeof (query as Partial<ChildLevelQuery> | null)?.childrenIn === 'function';

export const isAuthorityScoped = (query: ChildLevelQuery): boolean => 'authority' in query;
