import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import {
  EVENT_STORE,
  SQL_DATABASE,
  type EventStore,
  type RecordedEvent,
  type SqlDatabase,
} from '@homeward/event-store';
import { EventProcessing, type ReadModel, type Reactor } from '@homeward/platform';
import { AlertRaiser } from '../raise-alert/alert-raiser';
import { AssociationAlerts } from './association-alerts';
import { CONTEXTUAL_EVENT_TYPES, CONTEXTUAL_SCHEMA, recordContext } from './contextual-records';
import { forcesForBatch } from './force-lookup';
import { HotspotAlerts } from './hotspot-alerts';

/** Its tables, and their numbered migrations: never edit a released one, add the next id. */
export const CONTEXTUAL_READ_MODEL: ReadModel = {
  projection: 'safeguarding.contextual',
  tables: [
    'rm_contextual_children',
    'rm_contextual_episodes',
    'rm_contextual_records',
    'rm_place_sightings',
    'rm_child_associations',
    'rm_children_of_concern',
  ],
  migrations: [{ id: 1, name: 'create', sql: CONTEXTUAL_SCHEMA }],
};

/**
 * CMOG's contextual picture: places where children were found or said they went, who they were
 * with, and which children are of concern. The only writer of its tables: it records each event
 * there, then raises the hotspots and associations that record completes, deciding on
 * everything up to the event in hand. (A projection and two reactors used to write the same
 * tables, each reactor first applying its own event so as not to wait for the projection.)
 * Every write is idempotent and keeps the newest record, so a batch tried again changes nothing;
 * an alert's id comes from its cause, so it is raised once. It keeps the projection's name:
 * a running Homeward carries on from its checkpoint, and an operator's rebuild replays it.
 */
@Injectable()
export class ContextualSafeguardingReactor implements Reactor, OnModuleInit {
  readonly name = CONTEXTUAL_READ_MODEL.projection;
  readonly readModel = CONTEXTUAL_READ_MODEL;
  readonly eventTypes = CONTEXTUAL_EVENT_TYPES;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(SQL_DATABASE) private readonly db: SqlDatabase,
    private readonly processing: EventProcessing,
    private readonly hotspots: HotspotAlerts,
    private readonly associations: AssociationAlerts,
    private readonly alerts: AlertRaiser,
  ) {}

  onModuleInit(): void {
    this.processing.registerReactor(this);
  }

  react(recorded: RecordedEvent): Promise<void> {
    return this.reactBatch([recorded]);
  }

  /**
   * The whole batch is recorded in one transaction (a statement per table), then each event
   * decided on what was loaded for the batch in one query each, and every alert raised in one
   * step. A hotspot counts sightings up to its event only; an association may be raised at an
   * earlier event of the batch if a later one made a child of concern (the same alert, once,
   * either way).
   */
  async reactBatch(batch: RecordedEvent[]): Promise<void> {
    // Resolved before the transaction opens: PGlite runs one statement at a time.
    const forces = await forcesForBatch(this.db, this.store, batch);
    await this.db.transaction((tx) => recordContext(tx, batch, forces));
    await this.alerts.raiseAll([
      ...(await this.hotspots.wantedFor(batch)),
      ...(await this.associations.wantedFor(batch)),
    ]);
  }
}
