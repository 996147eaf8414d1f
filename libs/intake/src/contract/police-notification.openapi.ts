import { ApiBody, ApiExtraModels, ApiProperty, getSchemaPath } from '@nestjs/swagger';
import { applyDecorators } from '@nestjs/common';
import { DTO_FOR_TYPE } from './police-notification.dto';

const byType = Object.entries(DTO_FOR_TYPE);

// In the document each DTO's `type` is its own value, so exactly one of the four matches a body
// (the classes share the envelope's rule, which accepts any of them).
for (const [type, dto] of byType) ApiProperty({ enum: [type] })(dto.prototype, 'type');

/**
 * The police notification body in the OpenAPI document: one of the four DTOs, told apart by
 * `type`. Documentation only: the route validates with parsePoliceNotification, the contract
 * it shares with the Kafka consumer, which also runs the rules that need the clock.
 */
export const PoliceNotificationBody = () =>
  applyDecorators(
    ApiExtraModels(...byType.map(([, dto]) => dto)),
    ApiBody({
      description:
        'Police notification contract v1, the same body as on Kafka `police.missing-persons.v1`; ' +
        'at most 64 KiB; properties not named here are ignored.',
      schema: {
        oneOf: byType.map(([, dto]) => ({ $ref: getSchemaPath(dto) })),
        discriminator: {
          propertyName: 'type',
          mapping: Object.fromEntries(byType.map(([type, dto]) => [type, getSchemaPath(dto)])),
        },
      },
    }),
  );
