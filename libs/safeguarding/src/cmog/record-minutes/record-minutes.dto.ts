import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateNested,
} from 'class-validator';

export class DecisionDto {
  @IsOptional()
  @IsUUID()
  childId?: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  decision!: string;
}

export class RecordMinutesDto {
  @IsString()
  @IsNotEmpty()
  @MaxLength(100_000)
  minutes!: string;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => DecisionDto)
  decisions?: DecisionDto[];
}

export class AmendMinutesDto extends RecordMinutesDto {
  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  reason!: string;
}
