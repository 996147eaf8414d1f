import { IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { IsCalendarDate } from '../shared/is-calendar-date.validator';

export class RecordActionDto {
  @IsUUID()
  meetingId!: string;

  @IsOptional()
  @IsUUID()
  childId?: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  description!: string;

  /** One named person: a list of people is refused by the domain, naming this field. */
  @IsString({ message: 'must be one named person' })
  @IsNotEmpty()
  @MaxLength(200)
  owner!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  agency!: string;

  @IsCalendarDate()
  dueOn!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  intendedOutcome!: string;
}
