import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsDateTimeWithOffset } from '@homeward/platform';

export class DeclineReturnInterviewDto {
  /** When the child (or their carer) declined. */
  @IsDateTimeWithOffset()
  at!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  reason!: string;

  /** What the carer could tell instead, when the child would not talk. */
  @IsOptional()
  @IsString()
  @MaxLength(8000)
  carerInformation?: string;
}
