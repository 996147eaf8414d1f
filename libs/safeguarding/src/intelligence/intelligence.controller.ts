import { Body, Controller, Get, Post, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import type { Response } from 'express';
import { CurrentCaller, Access, type Caller } from '@homeward/platform';
import { GetCmogPicture } from './cmog-picture.query';
import type { CmogPicture } from './cmog-picture.response';
import { InformationReportDto } from './information-report.dto';
import {
  RecordInformationReportRequest,
  type InformationReportReceipt,
} from './record-information-report.handler';

@Controller('api/v1')
export class IntelligenceController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  /** Any professional who learns something passes it on: 201, or 200 for the same report again. */
  @Post('intelligence')
  @Access('POST /api/v1/intelligence')
  async report(
    @Body() dto: InformationReportDto,
    @CurrentCaller() caller: Caller,
    @Res({ passthrough: true }) response: Response,
  ): Promise<InformationReportReceipt> {
    const receipt = await this.commands.execute(new RecordInformationReportRequest(dto, caller));
    response.status(receipt.duplicate ? 200 : 201);
    return receipt;
  }

  /** Named and not-yet-named offenders, premises and vehicles from every report. */
  @Get('cmog/picture')
  @Access('GET /api/v1/cmog/picture')
  picture(): Promise<CmogPicture> {
    return this.queries.execute(new GetCmogPicture());
  }
}
