import type { ReadModel } from '@homeward/platform';
import { CHILD_CSE_LEVEL_READ_MODEL } from './child-record/child-cse-level.projection';
import { OPEN_DEADLINES_READ_MODEL } from './return-interview-deadlines/open-deadlines.projection';

/** Every read model the interviews context owns (the operator CLI lists and rebuilds them). */
export const INTERVIEWS_READ_MODELS: ReadModel[] = [
  OPEN_DEADLINES_READ_MODEL,
  CHILD_CSE_LEVEL_READ_MODEL,
];
