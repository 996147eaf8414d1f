import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { IsCalendarDate } from '../shared/is-calendar-date.validator';

export class DeferActionDto {
  @IsCalendarDate()
  newDueOn!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  reason!: string;
}
