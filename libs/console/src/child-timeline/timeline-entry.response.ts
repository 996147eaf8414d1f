/** One event recorded about the child, in the order Homeward recorded it. */
export class TimelineEntry {
  position!: number;
  eventId!: string;
  type!: string;
  occurredAt!: string;
  recordedAt!: string;
  /** The event's own data, by `type`. */
  data!: unknown;
}
