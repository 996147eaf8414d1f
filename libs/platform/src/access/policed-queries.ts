import {
  Injectable,
  InternalServerErrorException,
  Logger,
  NotFoundException,
  type OnModuleInit,
} from '@nestjs/common';
import { QueryBus, type IQuery } from '@nestjs/cqrs';
import { RequestValidationFailed } from '../http/validation-errors';
import { RequestContext } from '../observability/request-context';
import { coversAuthority, type CallerScope } from './caller-scope';
import { ChildAccess } from './child-access';
import { isAuthorityScoped, isChildLevelQuery, type ChildLevelQuery } from './child-level-query';
import { currentScope } from './current-scope';

/**
 * The query layer's half of the access policy, as a decorator of the QueryBus: a query about
 * one authority runs only for a caller who works for it, and every child-level result is
 * checked against the caller's scope and noted for the audit. @nestjs/cqrs has no middleware
 * for queries, so the bus's execute is wrapped once, here.
 */
@Injectable()
export class PolicedQueries implements OnModuleInit {
  private readonly logger = new Logger('AccessPolicy');

  constructor(
    private readonly queries: QueryBus,
    private readonly children: ChildAccess,
  ) {}

  onModuleInit(): void {
    const execute = this.queries.execute.bind(this.queries);
    const policed = async (query: IQuery): Promise<unknown> => {
      if (!isChildLevelQuery(query)) return execute(query as never);
      const scope = currentScope();
      if (isAuthorityScoped(query)) this.checkAuthority(query.authority ?? null, scope);
      const result: unknown = await execute(query as never);
      return this.police(query, result, scope);
    };
    (this.queries as { execute: unknown }).execute = policed;
  }

  private checkAuthority(authority: string | null, scope: CallerScope): void {
    if (authority === null) {
      if (scope.everyChild) return;
      throw new RequestValidationFailed([
        {
          field: 'localAuthority',
          message: `name one of your local authorities: ${scope.authorities.join(', ') || '(none)'}`,
        },
      ]);
    }
    // The same answer as for an authority Homeward has nothing about.
    if (!coversAuthority(scope, authority)) throw new NotFoundException('nothing found');
  }

  private async police(query: ChildLevelQuery, result: unknown, scope: CallerScope) {
    const childIds = [...new Set(query.childrenIn(result))];
    const records = query.recordsIn
      ? query.recordsIn(result)
      : Array.isArray(result)
        ? result.length
        : result === null || result === undefined
          ? 0
          : 1;
    if (isAuthorityScoped(query) || query.scopedByAuthority) {
      RequestContext.noteRead(childIds, records);
      return result;
    }
    const visible = await this.children.visible(scope, childIds);
    const hidden = childIds.filter((id) => !visible.has(id));
    let brokeGlassFor: string[] = [];
    if (hidden.length > 0) {
      if (!query.outOfScope) {
        // A list query must filter in SQL: showing the child would breach the policy.
        this.logger.error(
          `${query.constructor.name} returned ${hidden.length} child(ren) outside the caller's scope; refused`,
        );
        throw new InternalServerErrorException('the answer could not be given');
      }
      if (!(scope.breakGlass && RequestContext.current().breakGlassReason)) {
        return query.outOfScope();
      }
      brokeGlassFor = hidden;
    }
    RequestContext.noteRead(childIds, records, brokeGlassFor);
    return result;
  }
}
