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
import { londonDate, runDecider } from '@homeward/platform';

/** CMOG sits in England: its days are days in Europe/London. */
export const londonToday = (at: Date = new Date()): string => londonDate(at);

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
