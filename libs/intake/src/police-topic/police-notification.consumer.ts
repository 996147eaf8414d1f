import {
  Inject,
  Injectable,
  Logger,
  Optional,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { InvalidCommand, RuleViolation, type FieldError } from '@homeward/domain';
import { EVENT_STORE, type EventStore } from '@homeward/event-store';
import {
  MESSAGE_BUS,
  type ConsumedMessage,
  type MessageBus,
  type RunningConsumer,
} from '@homeward/messaging';
import {
  HomewardMetrics,
  POLICE_NOTIFICATIONS_DLQ,
  POLICE_NOTIFICATIONS_TOPIC,
  isOutageNow,
  loggableError,
} from '@homeward/platform';
import { parsePoliceNotification } from '../contract/parse-police-notification';
import { RecordPoliceNotification } from '../record-police-notification/record-police-notification.command';

export const POLICE_CONSUMER_GROUP = 'homeward.intake.police-notifications';
/** Episodes handled at once from one partition's batch: enough to fill a group commit. */
const POLICE_KEYS_AT_ONCE = 32;

type Rejection = {
  /** UNPROCESSABLE: handling threw something that is neither a rejection nor an outage. */
  reason: 'MALFORMED' | 'INVALID' | 'RULE_VIOLATION' | 'UNPROCESSABLE';
  errors: FieldError[] | string;
};

/**
 * Police notifications from Kafka: the same contract and validation as the HTTP route. A message
 * Homeward cannot accept goes to the dead-letter topic with the reason in its headers and the
 * consumer carries on; nothing is dropped. Only an outage (the store or its database not
 * answering) is retried: anything else would fail the same way on every redelivery and hold up
 * every notification behind it on its partition, so it is dead-lettered too.
 */
@Injectable()
export class PoliceNotificationConsumer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('PoliceNotificationConsumer');
  private consumer: RunningConsumer | null = null;

  constructor(
    private readonly commands: CommandBus,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Optional() @Inject(MESSAGE_BUS) private readonly bus: MessageBus | null,
    @Optional() private readonly metrics: HomewardMetrics = new HomewardMetrics(),
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.bus) return;
    this.consumer = await this.bus.consume({
      groupId: POLICE_CONSUMER_GROUP,
      topics: [POLICE_NOTIFICATIONS_TOPIC],
      handle: (message) => this.handle(message),
      // One episode's notifications (one key) in order, different episodes at once: their
      // appends are committed together (the store's group commit).
      keysAtOnce: POLICE_KEYS_AT_ONCE,
      onError: (error, m) =>
        this.logger.error(
          `offset ${m.partition}/${m.offset} failed, retrying: ${loggableError(error)}`,
        ),
    });
    // Ready only once the group has given this consumer its partitions (bounded: a slow broker
    // is logged, and the consumer keeps trying behind the scenes).
    const inTime = await Promise.race([
      this.consumer.joined.then(() => true),
      new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 60_000).unref()),
    ]);
    if (!inTime) this.logger.warn(`not yet joined the ${POLICE_CONSUMER_GROUP} group after 60 s`);
    this.logger.log(`consuming ${POLICE_NOTIFICATIONS_TOPIC}`);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.consumer?.stop();
  }

  private async handle(message: ConsumedMessage): Promise<void> {
    try {
      await this.record(message);
    } catch (error) {
      if (await isOutageNow(error, [() => this.store.headPosition()])) throw error;
      return this.deadLetter(message, rejectionFor(error));
    }
  }

  private async record(message: ConsumedMessage): Promise<void> {
    const receivedAt = new Date().toISOString();
    if (message.invalidUtf8) {
      return this.deadLetter(message, { reason: 'MALFORMED', errors: 'the value is not UTF-8' });
    }
    let body: unknown;
    try {
      body = JSON.parse(message.value);
    } catch (error) {
      return this.deadLetter(message, {
        reason: 'MALFORMED',
        errors: `malformed JSON: ${(error as Error).message}`,
      });
    }
    // Whether the parser throws or (should it become async) rejects, handle() dead-letters it.
    const parsed = await Promise.resolve(parsePoliceNotification(body, receivedAt));
    if (!parsed.ok) return this.deadLetter(message, { reason: 'INVALID', errors: parsed.errors });
    const recorded = await this.commands.execute(
      new RecordPoliceNotification(parsed.notification, receivedAt, {
        channel: 'KAFKA',
        topic: message.topic,
      }),
    );
    this.metrics.notifications.inc({
      channel: 'KAFKA',
      outcome: recorded.duplicate ? 'duplicate' : 'accepted',
    });
  }

  private async deadLetter(message: ConsumedMessage, rejection: Rejection): Promise<void> {
    const error =
      typeof rejection.errors === 'string' ? rejection.errors : JSON.stringify(rejection.errors);
    // Messages quote the input (a JSON parser's snippet, a database error naming the value it
    // refused, a rule naming the episode): the log gets the reason and the fields at fault, the
    // dead-letter headers the whole message.
    const fields =
      typeof rejection.errors === 'string'
        ? ''
        : `: ${[...new Set(rejection.errors.map((e) => e.field))].join(', ')}`;
    this.logger.warn(
      `dead-lettered ${message.partition}/${message.offset} (${rejection.reason})${fields}`,
    );
    this.metrics.notifications.inc({ channel: 'KAFKA', outcome: 'rejected' });
    this.metrics.policeDlq.inc({ reason: rejection.reason });
    await this.bus!.publish(POLICE_NOTIFICATIONS_DLQ, [
      {
        key: message.key,
        value: message.value,
        headers: {
          ...message.headers,
          'x-error-reason': rejection.reason,
          'x-error': error,
          'x-original-topic': message.topic,
          'x-original-partition': String(message.partition),
          'x-original-offset': message.offset,
          'x-failed-at': new Date().toISOString(),
        },
      },
    ]);
  }
}

function rejectionFor(error: unknown): Rejection {
  if (error instanceof InvalidCommand) return { reason: 'INVALID', errors: error.errors };
  if (error instanceof RuleViolation) return { reason: 'RULE_VIOLATION', errors: error.message };
  // Name and message, no stack: enough for whoever redrives it to see what went wrong.
  const described = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return { reason: 'UNPROCESSABLE', errors: described.slice(0, 1000) };
}
