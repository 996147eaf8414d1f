import { IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { REVIEW_DECISIONS, type ReviewDecision } from '@homeward/domain';

export class ReviewReturnInterviewDto {
  @IsIn(REVIEW_DECISIONS, { message: `must be one of ${REVIEW_DECISIONS.join(', ')}` })
  decision!: ReviewDecision;

  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  comment!: string;
}
