import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { CSE_LEVELS } from '@homeward/domain';
import { IsDateTimeWithOffset } from '@homeward/platform';

/** Codes are checked against the screening tool by the domain, which names any unknown one. */
export class SignificantIndicatorDto {
  @IsString()
  code!: string;

  @IsString()
  when!: string;
}

export class ScreeningDto {
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => SignificantIndicatorDto)
  significant!: SignificantIndicatorDto[];

  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  medium!: string[];

  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  vulnerabilities!: string[];

  @IsOptional()
  @IsIn(CSE_LEVELS, { message: `must be one of ${CSE_LEVELS.join(', ')}` })
  confirmedLevel?: string;

  @IsOptional()
  @IsString()
  @MaxLength(4000)
  overrideReason?: string;

  @IsOptional()
  @IsString()
  @MaxLength(4000)
  missingEpisodesUntickReason?: string;
}

export class LocationVisitedDto {
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  description!: string;

  @IsOptional()
  @IsString()
  @MaxLength(10)
  postcode?: string;

  @IsOptional()
  @IsString()
  @MaxLength(100)
  premisesType?: string;
}

export class AssociateDto {
  @IsOptional()
  @IsString()
  @MaxLength(200)
  name?: string;

  @IsOptional()
  @IsString()
  @MaxLength(64)
  policePersonId?: string;

  @IsOptional()
  @IsString()
  @MaxLength(1000)
  description?: string;

  @IsOptional()
  @IsString()
  @MaxLength(200)
  relationship?: string;
}

export class CompleteReturnInterviewDto {
  @IsDateTimeWithOffset()
  conductedAt!: string;

  @ValidateNested()
  @Type(() => ScreeningDto)
  screening!: ScreeningDto;

  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => LocationVisitedDto)
  locationsVisited!: LocationVisitedDto[];

  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => AssociateDto)
  associates!: AssociateDto[];

  @IsString()
  @MaxLength(8000)
  pushFactors!: string;

  @IsString()
  @MaxLength(8000)
  pullFactors!: string;

  /** What the child said, in their own words as far as possible. */
  @IsString()
  @MaxLength(16000)
  childsVoice!: string;

  @IsString()
  @MaxLength(16000)
  disclosures!: string;
}
