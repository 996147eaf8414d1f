import type { RecordedEvent } from '@homeward/event-store';

/** Keeps the chain back to the police notification that started it, for tracing. */
export function correlationOf(event: RecordedEvent): string {
  const id = event.metadata.correlationId;
  return typeof id === 'string' ? id : event.eventId;
}
