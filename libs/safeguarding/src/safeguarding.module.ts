import { Module } from '@nestjs/common';

/**
 * Safeguarding: CSE screening outcomes, alerts, CMOG and board figures. The service already runs
 * as its own process with its dependencies checked (see /health); its use cases arrive with the
 * triage and alerts work.
 */
@Module({})
export class SafeguardingModule {}
