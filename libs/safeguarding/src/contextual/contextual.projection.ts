import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { RecordedEvent, SqlExecutor } from '@homeward/event-store';
import { EventProcessing, type Projection } from '@homeward/platform';
import { CONTEXTUAL_EVENT_TYPES, CONTEXTUAL_SCHEMA, recordContext } from './contextual-records';

/**
 * CMOG's contextual picture: places where children were found or said they went, who they were
 * with, and which children are of concern. The hotspot and association listings read it.
 */
@Injectable()
export class ContextualProjection implements Projection, OnModuleInit {
  readonly name = 'safeguarding.contextual';
  readonly eventTypes = CONTEXTUAL_EVENT_TYPES;
  readonly schema = CONTEXTUAL_SCHEMA;

  constructor(private readonly processing: EventProcessing) {}

  onModuleInit(): void {
    this.processing.registerProjection(this);
  }

  async apply(events: RecordedEvent[], tx: SqlExecutor): Promise<void> {
    await recordContext(tx, events);
  }
}
