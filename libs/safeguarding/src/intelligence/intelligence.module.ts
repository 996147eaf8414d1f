import { Module } from '@nestjs/common';
import { CmogPictureProjection } from './cmog-picture.projection';
import { GetCmogPictureHandler } from './cmog-picture.query';
import { IntelligenceController } from './intelligence.controller';
import { RecordInformationReportHandler } from './record-information-report.handler';

/** CSE information reports in; the CMOG picture of offenders, premises and vehicles out. */
@Module({
  controllers: [IntelligenceController],
  providers: [RecordInformationReportHandler, CmogPictureProjection, GetCmogPictureHandler],
})
export class IntelligenceModule {}
