import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { RecordedEvent, SqlExecutor } from '@homeward/event-store';
import { EventProcessing, type Projection, type ReadModel } from '@homeward/platform';
import { CONTEXTUAL_EVENT_TYPES, CONTEXTUAL_SCHEMA, recordContext } from './contextual-records';

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
 * with, and which children are of concern. The hotspot and association listings read it.
 */
@Injectable()
export class ContextualProjection implements Projection, OnModuleInit {
  readonly name = CONTEXTUAL_READ_MODEL.projection;
  readonly readModel = CONTEXTUAL_READ_MODEL;
  readonly eventTypes = CONTEXTUAL_EVENT_TYPES;

  constructor(private readonly processing: EventProcessing) {}

  onModuleInit(): void {
    this.processing.registerProjection(this);
  }

  async apply(events: RecordedEvent[], tx: SqlExecutor): Promise<void> {
    await recordContext(tx, events);
  }
}
