import { Module } from '@nestjs/common';
import { AllocateReturnInterviewHandler } from './allocate-return-interview/allocate-return-interview.handler';
import { ChildCseLevelProjection } from './child-record/child-cse-level.projection';
import { ChildRecordReader } from './child-record/child-record.reader';
import { CompleteReturnInterviewHandler } from './complete-return-interview/complete-return-interview.handler';
import { DeclineReturnInterviewHandler } from './decline-return-interview/decline-return-interview.handler';
import { ReturnInterviewOfferReactor } from './offer-return-interview/return-interview-offer.reactor';
import { RecordContactAttemptHandler } from './record-contact-attempt/record-contact-attempt.handler';
import { RecordNotPossibleHandler } from './record-not-possible/record-not-possible.handler';
import { DeadlineAlarmReactor } from './return-interview-deadlines/deadline-alarm.reactor';
import { DeadlineWatch } from './return-interview-deadlines/deadline-watch.service';
import { OpenDeadlinesProjection } from './return-interview-deadlines/open-deadlines.projection';
import { ReturnInterviewsController } from './return-interviews.controller';
import { ReviewReturnInterviewHandler } from './review-return-interview/review-return-interview.handler';

/**
 * Return interviews: scheduled when a child is found, worked by coordinators and workers, their
 * escalation ladder watched. The queue people read is the console's projection.
 */
@Module({
  controllers: [ReturnInterviewsController],
  providers: [
    ChildRecordReader,
    ChildCseLevelProjection,
    ReturnInterviewOfferReactor,
    OpenDeadlinesProjection,
    DeadlineAlarmReactor,
    DeadlineWatch,
    AllocateReturnInterviewHandler,
    RecordContactAttemptHandler,
    CompleteReturnInterviewHandler,
    DeclineReturnInterviewHandler,
    RecordNotPossibleHandler,
    ReviewReturnInterviewHandler,
  ],
})
export class InterviewsModule {}
