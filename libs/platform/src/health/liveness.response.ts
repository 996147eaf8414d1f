import { ApiProperty } from '@nestjs/swagger';
import type { HomewardService } from '../config/homeward-config';

/** The process answers; no dependency was asked. */
export class Liveness {
  @ApiProperty({ enum: ['ok'] })
  status!: 'ok';
  /** Which service this process runs: `all` for the all-in-one application. */
  @ApiProperty({ enum: ['all', 'intake', 'interviews', 'safeguarding', 'console'] })
  service!: HomewardService;
}
