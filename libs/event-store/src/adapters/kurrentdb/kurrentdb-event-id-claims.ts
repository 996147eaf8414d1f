import { createHash } from 'node:crypto';
import { NO_STREAM, jsonEvent, type KurrentDBClient } from '@kurrent/kurrentdb-client';
import {
  idKey,
  isStreamNotFound,
  isWrongExpectedVersion,
  type KurrentRecord,
} from './kurrentdb-mapping';

/**
 * Which stream owns an event id, kept in KurrentDB itself.
 *
 * Why: the port says an event id stored on one stream, appended again to another, is a conflict
 * (EventIdReused), never a silent duplicate, because event ids come from causes (an idempotency
 * key, a message id) and one cause belongs to one stream. KurrentDB only recognises ids within the
 * stream being written (and only near the expected version), and has no index by event id to
 * ask. So before an append writes, each of its event ids is claimed: one tiny event in a claim
 * stream of its own, `homeward.event-id-<id>`, appended with NO_STREAM. The first claim wins
 * atomically on the server; a second claim for another stream fails its expected version, the
 * owner is read back, and the append is refused. This is race-free: two appends racing to put
 * one id on two streams cannot both claim it.
 *
 * A claim's own event id is derived from (stream, id), so a retry claiming the same id for the
 * same stream is the server's idempotent re-append (a success that writes nothing), and a claim
 * for another stream is a different event that the NO_STREAM check refuses.
 *
 * What it costs and leaves: one extra small append per event id (in parallel) and one claim
 * record per event in $all, which readAll, headPosition and subscribe skip. A claim is written
 * before the events, not atomically with them, so an append that then fails (a version conflict,
 * a crash) leaves its claims: the ids stay reserved for the stream they were meant for, which a
 * retry of that append (the only legitimate reuse of a cause) passes.
 */
export const CLAIM_STREAM_PREFIX = 'homeward.event-id-';
export const CLAIM_EVENT_TYPE = 'EventIdClaimed';

export type ClaimClient = Pick<KurrentDBClient, 'appendToStream' | 'readStream'>;

export function claimStreamName(eventId: string): string {
  return `${CLAIM_STREAM_PREFIX}${idKey(eventId)}`;
}

export function isClaimRecord(event: Pick<KurrentRecord, 'streamId'>): boolean {
  return event.streamId.startsWith(CLAIM_STREAM_PREFIX);
}

/** A name-based (version 5 style) UUID of the claim: same stream and id, same claim id. */
export function claimEventId(streamName: string, eventId: string): string {
  const hash = createHash('sha1')
    .update(`${streamName}\u0000${idKey(eventId)}`)
    .digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * Claims every (event id, stream) pair for its stream; returns the ids another stream owns
 * (empty when all were claimed for this append's streams).
 */
export async function claimEventIds(
  client: ClaimClient,
  claims: ReadonlyArray<{ eventId: string; streamName: string }>,
): Promise<string[]> {
  const outcomes = await Promise.all(
    claims.map(async ({ eventId, streamName }) => {
      const claim = jsonEvent({
        id: claimEventId(streamName, eventId),
        type: CLAIM_EVENT_TYPE,
        data: { eventId: idKey(eventId), streamName },
      });
      try {
        const result = await client.appendToStream(claimStreamName(eventId), claim, {
          streamState: NO_STREAM,
        });
        if (result.success) return null;
      } catch (error) {
        if (!isWrongExpectedVersion(error)) throw error;
      }
      const owner = await ownerOf(client, eventId);
      return owner === streamName ? null : eventId;
    }),
  );
  return outcomes.filter((id): id is string => id !== null);
}

/** The stream the first claim of `eventId` names (undefined if there is no claim yet). */
async function ownerOf(client: ClaimClient, eventId: string): Promise<string | undefined> {
  try {
    for await (const resolved of client.readStream(claimStreamName(eventId), { maxCount: 1 })) {
      const data = resolved.event?.data as { streamName?: unknown } | undefined;
      if (typeof data?.streamName === 'string') return data.streamName;
    }
  } catch (error) {
    if (!isStreamNotFound(error)) throw error;
  }
  return undefined;
}
