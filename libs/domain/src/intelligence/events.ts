import type {
  EngagementAnswer,
  Grade,
  InformationSource,
  LicensedPremises,
  ReportSubject,
  Reporter,
  Vehicle,
} from './values';

/**
 * A CSE information report (the intelligence form): who passed it on, how reliable the source
 * (5 = always reliable) and how accurate the information (1 = known to be true), and what it
 * says. Everything naming a person or a place is personal data and sits under `personal`.
 */
export interface InformationReportRecorded {
  type: 'InformationReportRecorded';
  data: {
    reportId: string;
    source: InformationSource;
    reliability: Grade;
    accuracy: Grade;
    willingToEngageWithPolice: EngagementAnswer;
    observedAt: string | null;
    recordedBy: string;
    recordedAt: string;
    /** Children Homeward knows who are named in it, for the CMOG picture and timelines. */
    childIds: string[];
    personal: {
      reporter: Reporter;
      subjects: ReportSubject[];
      licensedPremises: LicensedPremises[];
      vehicles: Vehicle[];
      details: string;
    };
  };
}

export type InformationReportEvent = InformationReportRecorded;
export const INFORMATION_REPORT_EVENT_TYPES: ReadonlyArray<InformationReportEvent['type']> = [
  'InformationReportRecorded',
];
