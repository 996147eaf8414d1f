import type { BusMessage, ConsumedMessage } from '@homeward/messaging';
import type { RecordedEvent } from '@homeward/event-store';

/**
 * A stored event as a Kafka message: the whole recorded event as JSON, keyed by child id, with
 * the event id and type in headers so consumers can dedupe and filter without parsing.
 */
export function toEventMessage(event: RecordedEvent): BusMessage {
  const data = event.data as { childId?: unknown };
  return {
    key: typeof data.childId === 'string' ? data.childId : event.streamName,
    value: JSON.stringify(event),
    headers: {
      'event-id': event.eventId,
      'event-type': event.type,
      'stream-name': event.streamName,
      'global-position': String(event.globalPosition),
      'content-type': 'application/json',
    },
  };
}

export function fromEventMessage(message: ConsumedMessage): RecordedEvent {
  return JSON.parse(message.value) as RecordedEvent;
}
