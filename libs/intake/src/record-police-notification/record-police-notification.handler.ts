import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  ActionNotPermitted,
  RuleViolation,
  childIdFor,
  episodeDecider,
  episodeIdFor,
  eventIdFor,
  foldEvents,
  streams,
  type EpisodeEvent,
  type PoliceEpisodeRegistered,
  type PoliceNotificationReceived,
} from '@homeward/domain';
import {
  EVENT_STORE,
  StreamVersionConflict,
  type EventStore,
  type EventToAppend,
  type ReadStreamResult,
  type StreamAppend,
} from '@homeward/event-store';
import type { PoliceNotification } from '../contract/police-notification.dto';
import { toEpisodeCommand } from '../contract/to-episode-command';
import {
  RecordPoliceNotification,
  type NotificationRecorded,
  type NotificationSender,
} from './record-police-notification.command';

const MAX_ATTEMPTS = 5;

/**
 * Records one police notification. The receipt, the episode events and (for a new episode) the
 * reference-to-child binding are appended in one atomic step, guarded by stream versions: either
 * all of it is written or none. A repeated notificationId finds its receipt and changes nothing.
 * Over HTTP a police system may send only for its own force (the token's `force` claim): for
 * any other, a 403 and nothing recorded. The receipt names the sender and the channel.
 */
@CommandHandler(RecordPoliceNotification)
export class RecordPoliceNotificationHandler implements ICommandHandler<RecordPoliceNotification> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute(command: RecordPoliceNotification): Promise<NotificationRecorded> {
    const { notification: n, receivedAt, channel, sentBy } = command;
    requireSendsFor(command.sender, n.force);
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.attempt(n, receivedAt, channel, sentBy);
      } catch (error) {
        // The same notification, delivered twice at once, may have been recorded by the other
        // delivery after this one looked: then this one is a duplicate, not a conflict.
        const recorded = await this.receiptOf(n);
        if (recorded) return recorded;
        // Someone else wrote to the same child meanwhile: decide again on what they wrote.
        if (!(error instanceof StreamVersionConflict) || attempt >= MAX_ATTEMPTS) throw error;
      }
    }
  }

  private async attempt(
    n: PoliceNotification,
    receivedAt: string,
    channel: string,
    sentBy: string,
  ): Promise<NotificationRecorded> {
    const receiptStream = streams.policeNotification(n.notificationId);
    const episodeId = episodeIdFor(n.force, n.policeReference);
    const bindingStream = streams.policeEpisode(episodeId);
    // One round trip for the receipt, the reference's binding and the child the notification
    // names (if it names one): for a missing report that is every stream the decision needs.
    const named = namedChildOf(n);
    const read = await this.store.readStreams([
      receiptStream,
      bindingStream,
      ...(named ? [streams.child(named)] : []),
    ]);
    const recorded = this.receiptIn(read.get(receiptStream)!, n);
    if (recorded) return recorded;

    const childId = this.childOf(n, read.get(bindingStream)!);
    const record =
      read.get(streams.child(childId)) ?? (await this.store.readStream(streams.child(childId)));
    const state = foldEvents(episodeDecider, record.events as unknown as EpisodeEvent[]);
    const events = episodeDecider.decide(
      toEpisodeCommand(n, { episodeId, childId }, receivedAt),
      state,
    );

    const cause = { causationId: n.notificationId, correlationId: n.notificationId, channel };
    const envelope = (event: { type: string; data: unknown }, index: number): EventToAppend => ({
      eventId: eventIdFor(n.notificationId, index),
      type: event.type,
      data: event.data,
      metadata: cause,
    });
    const received: PoliceNotificationReceived = {
      type: 'PoliceNotificationReceived',
      data: {
        notificationId: n.notificationId,
        notificationType: n.type,
        force: n.force,
        policeReference: n.policeReference,
        episodeId,
        childId,
        receivedAt,
        channel,
        sentBy,
      },
    };
    const appends: StreamAppend[] = [
      { streamName: receiptStream, events: [envelope(received, 0)], expectedVersion: 'no_stream' },
      {
        streamName: streams.child(childId),
        events: events.map((e, i) => envelope(e, i + 1)),
        expectedVersion: record.currentVersion,
      },
    ];
    if (events.some((e) => e.type === 'MissingEpisodeReported')) {
      const registered: PoliceEpisodeRegistered = {
        type: 'PoliceEpisodeRegistered',
        data: { episodeId, childId, force: n.force, policeReference: n.policeReference },
      };
      appends.push({
        streamName: streams.policeEpisode(episodeId),
        events: [envelope(registered, events.length + 1)],
        expectedVersion: 'no_stream',
      });
    }
    const [receiptAppend] = await this.store.appendToStreams(appends);
    // Every event id already stored: a concurrent delivery of this notification got there first.
    return { episodeId, childId, duplicate: receiptAppend.duplicate };
  }

  private async receiptOf(n: PoliceNotification): Promise<NotificationRecorded | null> {
    return this.receiptIn(
      await this.store.readStream(streams.policeNotification(n.notificationId)),
      n,
    );
  }

  private receiptIn(receipt: ReadStreamResult, n: PoliceNotification): NotificationRecorded | null {
    if (!receipt.exists) return null;
    const { episodeId, childId, force } = (
      receipt.events[0] as unknown as PoliceNotificationReceived
    ).data;
    // Another force's notificationId: answering its episode and child would hand them over.
    if (normalForce(force) !== normalForce(n.force)) {
      throw new RuleViolation(
        'this notificationId was already used for another notification; nothing was recorded',
      );
    }
    return { episodeId, childId, duplicate: true };
  }

  /** The child a notification is about: named in a missing report, else bound to the reference. */
  private childOf(n: PoliceNotification, binding: ReadStreamResult): string {
    if (n.type === 'MISSING_REPORTED') {
      if (binding.exists) {
        throw new RuleViolation(
          `episode ${n.force}/${n.policeReference} has already been reported`,
        );
      }
      return childIdFor(n.force, n.child.policePersonId);
    }
    if (binding.exists) {
      return (binding.events[0] as unknown as PoliceEpisodeRegistered).data.childId;
    }
    if (n.type === 'CHILD_FOUND' && n.child) return childIdFor(n.force, n.child.policePersonId);
    throw new RuleViolation(
      `no missing report is recorded for episode ${n.force}/${n.policeReference}` +
        (n.type === 'CHILD_FOUND'
          ? '; send the MISSING_REPORTED notification first, or include `child` in this CHILD_FOUND to record the episode as reported late'
          : ''),
    );
  }
}

/** The child a notification names by police person id: every missing report, some found ones. */
const namedChildOf = (n: PoliceNotification): string | null =>
  n.type === 'MISSING_REPORTED' || (n.type === 'CHILD_FOUND' && n.child)
    ? childIdFor(n.force, n.child!.policePersonId)
    : null;

/** Force codes are upper-case (WMP, GMP); compared after trimming and upper-casing. */
const normalForce = (force: string): string => force.trim().toUpperCase();

export const NOT_YOUR_FORCE = 'this token may only send notifications for its own force';

/**
 * A police system's token sends for its own force only (a development token minted without
 * `--force` for any); a token with no force claim for none. Kafka carries no token: who may
 * publish to the topic is for the broker's ACLs.
 */
function requireSendsFor(sender: NotificationSender, force: string): void {
  if (sender.channel !== 'HTTP' || sender.caller.everyForce) return;
  const own = sender.caller.force;
  if (own === null || own.trim() === '' || normalForce(own) !== normalForce(force)) {
    throw new ActionNotPermitted(NOT_YOUR_FORCE);
  }
}
