import 'reflect-metadata';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import {
  CLASSIFICATIONS,
  POLICE_RISK_GRADES,
  RETURNED_TO,
  type Classification,
  type PoliceRiskGrade,
  type ReturnedTo,
} from '@homeward/domain';
import { IsCalendarDate, IsDateTimeWithOffset, IsForceCode } from './validators';

/*
 * Police notification contract v1: the same JSON body over HTTP and (later) Kafka.
 * Properties not named here are ignored.
 */

export const NOTIFICATION_TYPES = [
  'MISSING_REPORTED',
  'RISK_REGRADED',
  'CHILD_FOUND',
  'REPORT_CANCELLED',
] as const;
export type NotificationType = (typeof NOTIFICATION_TYPES)[number];

const text = (max: number) => [IsString(), IsNotEmpty(), MaxLength(max)];
function Text(max: number): PropertyDecorator {
  return (target, key) => text(max).forEach((d) => d(target, key));
}
function OptionalText(max: number): PropertyDecorator {
  return (target, key) => [IsOptional(), IsString(), MaxLength(max)].forEach((d) => d(target, key));
}
function Nested(type: () => new () => object): PropertyDecorator {
  return (target, key) =>
    [IsDefined(), IsObject(), ValidateNested(), Type(type)].forEach((d) => d(target, key));
}

export class NotificationEnvelopeDto {
  @IsUUID('all', { message: 'must be a UUID' })
  notificationId!: string;

  @IsIn(NOTIFICATION_TYPES, { message: `must be one of ${NOTIFICATION_TYPES.join(', ')}` })
  type!: NotificationType;

  @IsString()
  @IsForceCode()
  force!: string;

  @Text(64)
  policeReference!: string;

  @IsDateTimeWithOffset()
  occurredAt!: string;
}

export class ChildDto {
  @Text(64) policePersonId!: string;
  @Text(100) givenName!: string;
  @Text(100) familyName!: string;
  @IsCalendarDate() dateOfBirth!: string;
  @Text(32) sex!: string;
  @Text(64) responsibleLocalAuthority!: string;
  @IsBoolean() lookedAfter!: boolean;
  @IsBoolean() knownToSocialCare!: boolean;
  @IsOptional() @IsBoolean() learningDisability?: boolean;
  @OptionalText(64) placementLocalAuthority?: string;
}

export class LocationDto {
  @Text(500) description!: string;
  @OptionalText(10) postcode?: string;
}

export class FoundLocationDto extends LocationDto {
  @OptionalText(64) premisesType?: string;
  @OptionalText(64) localAuthority?: string;
}

export class PersonFoundWithDto {
  @OptionalText(64) policePersonId?: string;
  @OptionalText(200) name?: string;
  // At least one way to recognise the person again.
  @ValidateIf((o: PersonFoundWithDto) => !o.policePersonId && !o.name)
  @IsString({ message: 'give a policePersonId, a name or a description for each person' })
  @MaxLength(1000)
  description?: string;
}

const classificationMessage = { message: `must be one of ${CLASSIFICATIONS.join(', ')}` };
const riskMessage = { message: `must be one of ${POLICE_RISK_GRADES.join(', ')}` };

export class MissingReportedDto extends NotificationEnvelopeDto {
  @IsIn(CLASSIFICATIONS, classificationMessage) classification!: Classification;
  @IsIn(POLICE_RISK_GRADES, riskMessage) riskLevel!: PoliceRiskGrade;
  @IsBoolean() cseConcern!: boolean;
  @Nested(() => ChildDto) child!: ChildDto;
  @Nested(() => LocationDto) lastSeenLocation!: LocationDto;
  @OptionalText(4000) circumstances?: string;
}

export class RiskRegradedDto extends NotificationEnvelopeDto {
  @IsIn(POLICE_RISK_GRADES, riskMessage) riskLevel!: PoliceRiskGrade;
  @IsOptional() @IsIn(CLASSIFICATIONS, classificationMessage) classification?: Classification;
  @IsOptional() @IsBoolean() cseConcern?: boolean;
  @Text(4000) rationale!: string;
}

export class ChildFoundDto extends NotificationEnvelopeDto {
  @IsOptional() @IsDateTimeWithOffset() returnedAt?: string;
  @Nested(() => FoundLocationDto) foundLocation!: FoundLocationDto;
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => PersonFoundWithDto)
  foundWith?: PersonFoundWithDto[];
  @IsOptional()
  @IsIn(RETURNED_TO, { message: `must be one of ${RETURNED_TO.join(', ')}` })
  returnedTo?: ReturnedTo;
  // Only for a found notification of an episode never reported to Homeward (see README).
  @IsOptional() @IsObject() @ValidateNested() @Type(() => ChildDto) child?: ChildDto;
  @IsOptional() @IsIn(CLASSIFICATIONS, classificationMessage) classification?: Classification;
  @IsOptional() @IsIn(POLICE_RISK_GRADES, riskMessage) riskLevel?: PoliceRiskGrade;
  @IsOptional() @IsBoolean() cseConcern?: boolean;
}

export class ReportCancelledDto extends NotificationEnvelopeDto {
  @Text(1000) reason!: string;
}

export type PoliceNotification =
  | (MissingReportedDto & { type: 'MISSING_REPORTED' })
  | (RiskRegradedDto & { type: 'RISK_REGRADED' })
  | (ChildFoundDto & { type: 'CHILD_FOUND' })
  | (ReportCancelledDto & { type: 'REPORT_CANCELLED' });

export const DTO_FOR_TYPE: Record<NotificationType, new () => NotificationEnvelopeDto> = {
  MISSING_REPORTED: MissingReportedDto,
  RISK_REGRADED: RiskRegradedDto,
  CHILD_FOUND: ChildFoundDto,
  REPORT_CANCELLED: ReportCancelledDto,
};
