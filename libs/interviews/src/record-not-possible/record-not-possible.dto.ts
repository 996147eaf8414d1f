import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class RecordNotPossibleDto {
  /** Why no interview could be held (moved out of area, no contact after every attempt...). */
  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  reason!: string;
}
