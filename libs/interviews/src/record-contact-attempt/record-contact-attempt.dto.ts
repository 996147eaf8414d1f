import { IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { CONTACT_METHODS, type ContactMethod } from '@homeward/domain';
import { IsDateTimeWithOffset } from '@homeward/platform';

export class RecordContactAttemptDto {
  @IsDateTimeWithOffset()
  at!: string;

  @IsIn(CONTACT_METHODS, { message: `must be one of ${CONTACT_METHODS.join(', ')}` })
  method!: ContactMethod;

  /** What happened, in the worker's words (no answer, spoke to carer, arranged a visit...). */
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  outcome!: string;
}
