import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class SignInDto {
  /** The `id` of a local user (GET /api/v1/session/users lists them). */
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  userId!: string;
}
