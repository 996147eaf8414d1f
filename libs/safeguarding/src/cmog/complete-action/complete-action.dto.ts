import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class CompleteActionDto {
  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  outcome!: string;
}
