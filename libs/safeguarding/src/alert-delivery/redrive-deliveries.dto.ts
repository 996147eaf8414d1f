import { IsOptional, IsString, IsUUID, Matches } from 'class-validator';

/** Which FAILED deliveries to queue again: all of them when neither is given. */
export class RedriveDeliveriesDto {
  @IsOptional()
  @IsUUID()
  alertId?: string;

  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/, { message: 'must be a webhook target name' })
  target?: string;
}
