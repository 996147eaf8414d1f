import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class AcknowledgeAlertDto {
  /** What the person acknowledging will do, or has done, about it. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  note!: string;
}
