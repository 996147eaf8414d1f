import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { ENGAGEMENT_ANSWERS, INFORMATION_SOURCES, SUBJECT_ROLES } from '@homeward/domain';
import { IsDateTimeWithOffset } from '@homeward/platform';

const GRADES = [1, 2, 3, 4, 5, 'DONT_KNOW'];

export class ReporterDto {
  @IsString() @IsNotEmpty() @MaxLength(200) name!: string;
  @IsOptional() @IsString() @MaxLength(200) jobTitle?: string;
  @IsString() @IsNotEmpty() @MaxLength(200) agency!: string;
  @IsOptional() @IsString() @MaxLength(500) contact?: string;
}

export class SubjectDto {
  @IsIn(SUBJECT_ROLES, { message: `must be one of ${SUBJECT_ROLES.join(', ')}` })
  role!: (typeof SUBJECT_ROLES)[number];
  @IsOptional() @IsString() @MaxLength(200) name?: string;
  @IsOptional() @IsArray() @ArrayMaxSize(20) @IsString({ each: true }) aliases?: string[];
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date YYYY-MM-DD' })
  dateOfBirth?: string;
  @IsOptional() @IsString() @MaxLength(500) address?: string;
  @IsOptional() @IsString() @MaxLength(2000) description?: string;
  @IsOptional() @IsUUID() childId?: string;
}

export class PremisesDto {
  @IsString() @IsNotEmpty() @MaxLength(200) tradingName!: string;
  @IsString() @IsNotEmpty() @MaxLength(500) address!: string;
}

export class VehicleDto {
  @IsOptional() @IsString() @MaxLength(20) registration?: string;
  @IsOptional() @IsString() @MaxLength(500) description?: string;
}

/** The CSE information report form, field for field. */
export class InformationReportDto {
  /** The idempotency key: the same report sent twice is recorded once. */
  @IsUUID() reportId!: string;

  @IsIn(INFORMATION_SOURCES, { message: `must be one of ${INFORMATION_SOURCES.join(', ')}` })
  source!: (typeof INFORMATION_SOURCES)[number];

  /** 1–5 (5 = always reliable) or "DONT_KNOW"; checked by the domain. */
  @IsIn(GRADES, { message: 'must be 1 to 5 (5 = always reliable) or DONT_KNOW' })
  reliability!: number | string;
  /** 1–5 (1 = known to be true without doubt) or "DONT_KNOW"; checked by the domain. */
  @IsIn(GRADES, { message: 'must be 1 to 5 (1 = known to be true) or DONT_KNOW' })
  accuracy!: number | string;

  @IsIn(ENGAGEMENT_ANSWERS, { message: `must be one of ${ENGAGEMENT_ANSWERS.join(', ')}` })
  willingToEngageWithPolice!: (typeof ENGAGEMENT_ANSWERS)[number];

  @IsOptional() @IsDateTimeWithOffset() observedAt?: string;

  @ValidateNested() @Type(() => ReporterDto) reporter!: ReporterDto;

  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => SubjectDto)
  subjects!: SubjectDto[];

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => PremisesDto)
  licensedPremises?: PremisesDto[];

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => VehicleDto)
  vehicles?: VehicleDto[];

  @IsString() @MaxLength(16000) details!: string;
}
