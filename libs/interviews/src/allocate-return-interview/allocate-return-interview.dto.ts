import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class AllocateReturnInterviewDto {
  /** The worker's user id (the `sub` of their token). */
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  workerId!: string;
}
