import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { informationReportDecider, streams, type Grade } from '@homeward/domain';
import { EVENT_STORE, type EventStore } from '@homeward/event-store';
import { runDecider, type Caller } from '@homeward/platform';
import type { InformationReportDto } from './information-report.dto';
import type { InformationReportReceipt } from './information-report-receipt.response';

export type { InformationReportReceipt };

export class RecordInformationReportRequest extends Command<InformationReportReceipt> {
  constructor(
    readonly body: InformationReportDto,
    readonly caller: Caller,
  ) {
    super();
  }
}

/** Records the report on its own stream; the same report id again is a duplicate. */
@CommandHandler(RecordInformationReportRequest)
export class RecordInformationReportHandler implements ICommandHandler<RecordInformationReportRequest> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({
    body,
    caller,
  }: RecordInformationReportRequest): Promise<InformationReportReceipt> {
    const events = await runDecider(
      this.store,
      streams.informationReport(body.reportId),
      informationReportDecider,
      {
        type: 'RecordInformationReport',
        data: {
          reportId: body.reportId,
          source: body.source,
          reliability: body.reliability as Grade,
          accuracy: body.accuracy as Grade,
          willingToEngageWithPolice: body.willingToEngageWithPolice,
          observedAt: body.observedAt ? new Date(body.observedAt).toISOString() : null,
          recordedBy: caller.sub,
          personal: {
            reporter: { ...body.reporter },
            subjects: body.subjects.map((s) => ({ ...s, aliases: s.aliases ?? [] })),
            licensedPremises: (body.licensedPremises ?? []).map((p) => ({ ...p })),
            vehicles: (body.vehicles ?? []).map((v) => ({ ...v })),
            details: body.details,
          },
          now: new Date().toISOString(),
        },
      },
      { causationId: `information-report/${body.reportId}`, correlationId: body.reportId },
    );
    return { reportId: body.reportId, duplicate: events.length === 0 };
  }
}
