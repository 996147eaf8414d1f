import { IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { IsCalendarDate } from '../shared/is-calendar-date.validator';

export class OpenMeetingDto {
  @IsOptional()
  @IsUUID()
  meetingId?: string;

  @IsCalendarDate()
  heldOn!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  localAuthority!: string;
}
