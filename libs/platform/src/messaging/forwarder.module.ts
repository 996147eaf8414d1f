import { Module } from '@nestjs/common';
import { EventForwarder } from './event-forwarder.service';

/** Publishes the event store to Kafka. Exactly one running service should import it (intake). */
@Module({ providers: [EventForwarder], exports: [EventForwarder] })
export class ForwarderModule {}
