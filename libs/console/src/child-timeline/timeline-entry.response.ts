import { ApiProperty } from '@nestjs/swagger';

/**
 * One thing recorded about the child, in the order Homeward recorded it: a view shaped by the
 * caller's role (the access policy's field groups), never the stored event.
 */
export class TimelineEntry {
  position!: number;
  eventId!: string;
  /** What kind of thing happened (a stable code, e.g. ChildFound). */
  type!: string;
  occurredAt!: string;
  recordedAt!: string;
  /** What happened, in plain words. */
  summary!: string;
  /** Who recorded it; null when Homeward did (a deadline, a rule). */
  by!: string | null;
  /** The fields the caller's role may see: plain values only. */
  @ApiProperty({
    type: 'object',
    additionalProperties: {
      oneOf: [
        { type: 'string' },
        { type: 'number' },
        { type: 'boolean' },
        { type: 'array', items: { type: 'string' } },
      ],
      nullable: true,
    },
  })
  details!: Record<string, string | number | boolean | null | string[]>;
}
