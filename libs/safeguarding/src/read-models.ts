import type { ReadModel } from '@homeward/platform';
import { OPEN_ACKNOWLEDGEMENTS_READ_MODEL } from './alert-acknowledgement/open-acknowledgements.projection';
import { CMOG_REGISTER_READ_MODEL } from './cmog/action-register/cmog-register.projection';
import { CONTEXTUAL_READ_MODEL } from './contextual/contextual-safeguarding.reactor';
import { CMOG_PICTURE_READ_MODEL } from './intelligence/cmog-picture.projection';

/** Every read model the safeguarding context owns (the operator CLI lists and rebuilds them). */
export const SAFEGUARDING_READ_MODELS: ReadModel[] = [
  OPEN_ACKNOWLEDGEMENTS_READ_MODEL,
  CMOG_REGISTER_READ_MODEL,
  CMOG_PICTURE_READ_MODEL,
  CONTEXTUAL_READ_MODEL,
];
