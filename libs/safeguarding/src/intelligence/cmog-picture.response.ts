import type { IsTrue, SameShape } from '@homeward/platform';
import type {
  CmogPicture as CmogPictureModel,
  PictureEntry as PictureEntryModel,
} from './cmog-picture.query';

/** A grading a report gave: reliability 5 and accuracy 1 are the strongest. */
export class PictureGrading implements PictureGradingModel {
  reliability!: string;
  accuracy!: string;
}
type PictureGradingModel = PictureEntryModel['gradings'][number];

/** An offender, by name; each one not yet named on its own. */
export class PictureOffender implements PictureEntryModel {
  /** Null for an offender not yet named: the aliases and descriptions are all there is. */
  name!: string | null;
  aliases!: string[];
  descriptions!: string[];
  reports!: number;
  gradings!: PictureGrading[];
  /** Ids of the children the reports are about. */
  childIds!: string[];
  lastReportedAt!: string;
}

/** Premises, by trading name and address. */
export class PicturePremises implements PicturePremisesModel {
  tradingName!: string;
  address!: string;
  reports!: number;
  lastReportedAt!: string;
}
type PicturePremisesModel = CmogPictureModel['premises'][number];

/** A vehicle, by registration; each one without a registration on its own. */
export class PictureVehicle implements PictureVehicleModel {
  /** Upper case without spaces; null when no report gave one. */
  registration!: string | null;
  descriptions!: string[];
  reports!: number;
  lastReportedAt!: string;
}
type PictureVehicleModel = CmogPictureModel['vehicles'][number];

/** Named and not-yet-named offenders, premises and vehicles from every report, most reported first. */
export class CmogPicture implements CmogPictureModel {
  offenders!: PictureOffender[];
  premises!: PicturePremises[];
  vehicles!: PictureVehicle[];
}

export type CmogPictureDocumented = IsTrue<SameShape<CmogPicture, CmogPictureModel>>;
