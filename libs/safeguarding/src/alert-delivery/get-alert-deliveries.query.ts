import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import {
  ChildAccess,
  currentScope,
  reachesByAuthority,
  type ChildLevelQuery,
} from '@homeward/platform';
import { AlertDeliveries } from './alert-deliveries.service';
import type { DeliveryRecord } from './delivery-record.response';
import type { DeliveryFilter } from './delivery-records';

/**
 * Webhook deliveries, as operations see them. A delivery about a child is listed with the child
 * only to whoever may see that child; an administrator (no child at all) sees the delivery
 * without the child; a manager of another authority does not see it.
 */
export class GetAlertDeliveries
  extends Query<DeliveryRecord[]>
  implements ChildLevelQuery<DeliveryRecord[]>
{
  constructor(readonly filter: DeliveryFilter) {
    super();
  }

  childrenIn(records: DeliveryRecord[]): string[] {
    return records.flatMap((r) => (r.childId ? [r.childId] : []));
  }
}

@QueryHandler(GetAlertDeliveries)
export class GetAlertDeliveriesHandler implements IQueryHandler<GetAlertDeliveries> {
  constructor(
    private readonly deliveries: AlertDeliveries,
    private readonly access: ChildAccess,
  ) {}

  async execute({ filter }: GetAlertDeliveries): Promise<DeliveryRecord[]> {
    const records = await this.deliveries.list(filter);
    const scope = currentScope();
    const visible = await this.access.visible(
      scope,
      records.flatMap((r) => (r.childId ? [r.childId] : [])),
    );
    const operationsOnly = !reachesByAuthority(scope) && scope.allocatedTo === null;
    return records.flatMap((r) => {
      if (r.childId === null || visible.has(r.childId)) return [r];
      return operationsOnly ? [{ ...r, childId: null }] : [];
    });
  }
}
