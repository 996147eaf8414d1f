import {
  ALERT_EVENT_TYPES,
  CMOG_ACTION_EVENT_TYPES,
  CMOG_MEETING_EVENT_TYPES,
  INFORMATION_REPORT_EVENT_TYPES,
  EPISODE_EVENT_TYPES,
  RETURN_INTERVIEW_EVENT_TYPES,
} from '@homeward/domain';
import type { TopicSpec } from '@homeward/messaging';

/** Police systems publish here (contract v1, key = force + "/" + police reference). */
export const POLICE_NOTIFICATIONS_TOPIC = 'police.missing-persons.v1';
/** Police messages Homeward could not accept, with the reason in headers. Nothing is dropped. */
export const POLICE_NOTIFICATIONS_DLQ = 'police.missing-persons.v1.dlq';

/**
 * Every alert raised, as an alert document (not a recorded event), keyed by child id (the alert
 * id when there is no child). At-least-once: consumers dedupe by the `alert-id` header.
 */
export const SAFEGUARDING_ALERTS_TOPIC = 'safeguarding.alerts.v1';

export type EventContext = 'intake' | 'episodes' | 'interviews' | 'safeguarding';

/** Every stored event is forwarded to `homeward.<context>.v1`, keyed by child id. */
export const eventTopic = (context: EventContext) => `homeward.${context}.v1`;

const CONTEXT_OF_EVENT_TYPE = new Map<string, EventContext>([
  ['PoliceNotificationReceived', 'intake'],
  ['PoliceEpisodeRegistered', 'intake'],
  ...EPISODE_EVENT_TYPES.map((t) => [t, 'episodes'] as [string, EventContext]),
  ...RETURN_INTERVIEW_EVENT_TYPES.map((t) => [t, 'interviews'] as [string, EventContext]),
  ...[
    ...ALERT_EVENT_TYPES,
    ...CMOG_MEETING_EVENT_TYPES,
    ...CMOG_ACTION_EVENT_TYPES,
    ...INFORMATION_REPORT_EVENT_TYPES,
  ].map((t) => [t, 'safeguarding'] as [string, EventContext]),
]);

/** An event type the domain defines (and so a topic carries). */
export const isKnownEventType = (type: string): boolean => CONTEXT_OF_EVENT_TYPE.has(type);

/** Where an event is forwarded; an event type nobody mapped still goes somewhere visible. */
export function topicForEventType(type: string): string {
  return eventTopic(CONTEXT_OF_EVENT_TYPE.get(type) ?? 'intake');
}

/** The topics a consumer of these event types must read. */
export function topicsForEventTypes(types: Iterable<string>): string[] {
  return [...new Set([...types].map(topicForEventType))].sort();
}

const DAY_MS = 24 * 3600_000;

/**
 * Set explicitly when Homeward creates a topic, rather than left to the broker's default. A week
 * covers any outage of a consumer; nothing needs more, since the store keeps every event and a
 * processor that starts afresh catches up from it. Dead letters wait longer, for a person to
 * look at them and redrive them.
 */
export const TOPIC_RETENTION_MS = { events: 7 * DAY_MS, deadLetters: 30 * DAY_MS } as const;

const retainedFor = (ms: number) => ({ 'cleanup.policy': 'delete', 'retention.ms': String(ms) });

export const HOMEWARD_TOPICS: TopicSpec[] = [
  { topic: POLICE_NOTIFICATIONS_TOPIC, partitions: 6 },
  { topic: POLICE_NOTIFICATIONS_DLQ, partitions: 1, retentionMs: TOPIC_RETENTION_MS.deadLetters },
  { topic: eventTopic('intake'), partitions: 6 },
  { topic: eventTopic('episodes'), partitions: 6 },
  { topic: eventTopic('interviews'), partitions: 6 },
  { topic: eventTopic('safeguarding'), partitions: 6 },
  { topic: SAFEGUARDING_ALERTS_TOPIC, partitions: 6 },
].map(({ retentionMs = TOPIC_RETENTION_MS.events, ...topic }) => ({
  ...topic,
  config: retainedFor(retentionMs),
}));
