import { randomUUID } from 'node:crypto';
import {
  foldEvents,
  streams,
  type CmogActionCommand,
  type CmogActionEvent,
  type CmogMeetingCommand,
  type CmogMeetingEvent,
  cmogActionDecider,
  cmogMeetingDecider,
} from '@homeward/domain';
import type { EventStore } from '@homeward/event-store';
import { runDecider } from '@homeward/platform';

/** The request's cause: the client's idempotency key, or a fresh one (no retry protection). */
export const causeOf = (key: string | undefined): string =>
  key && key.trim().length > 0 ? `http/${key.trim().slice(0, 200)}` : `http/${randomUUID()}`;

/** CMOG sits in England: its days are days in Europe/London. */
export function londonToday(at: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/London',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(at);
}

export const decideOnMeeting = (
  store: EventStore,
  command: CmogMeetingCommand,
  causationId: string,
): Promise<CmogMeetingEvent[]> =>
  runDecider(store, streams.cmog('meeting', command.data.meetingId), cmogMeetingDecider, command, {
    causationId,
    correlationId: command.data.meetingId,
  });

export const decideOnAction = (
  store: EventStore,
  command: CmogActionCommand,
  causationId: string,
): Promise<CmogActionEvent[]> =>
  runDecider(store, streams.cmog('action', command.data.actionId), cmogActionDecider, command, {
    causationId,
    correlationId: command.data.actionId,
  });

export async function readMeeting(store: EventStore, meetingId: string) {
  const { events } = await store.readStream(streams.cmog('meeting', meetingId));
  return foldEvents(cmogMeetingDecider, events as unknown as CmogMeetingEvent[]);
}

export async function readAction(store: EventStore, actionId: string) {
  const { events } = await store.readStream(streams.cmog('action', actionId));
  return foldEvents(cmogActionDecider, events as unknown as CmogActionEvent[]);
}
