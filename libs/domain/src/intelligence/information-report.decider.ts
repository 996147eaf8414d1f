import type { Decider } from '../shared/decider';
import { InvalidCommand, type FieldError } from '../shared/errors';
import type { InformationReportEvent, InformationReportRecorded } from './events';
import { isGrade } from './values';

export interface RecordInformationReport {
  type: 'RecordInformationReport';
  data: Omit<InformationReportRecorded['data'], 'recordedAt' | 'childIds'> & { now: string };
}

export interface InformationReportState {
  recorded: boolean;
}

/**
 * One report per stream, recorded once: the same report id sent again (a retry) changes
 * nothing. A report must say something: details, or at least one subject, premises or vehicle.
 */
export const informationReportDecider: Decider<
  RecordInformationReport,
  InformationReportEvent,
  InformationReportState
> = {
  initialState: () => ({ recorded: false }),
  evolve: () => ({ recorded: true }),
  decide({ data }, state) {
    if (state.recorded) return [];
    const errors = problemsWith(data);
    if (errors.length > 0) throw new InvalidCommand(errors);
    const { now, ...report } = data;
    const childIds = [
      ...new Set(report.personal.subjects.flatMap((s) => (s.childId ? [s.childId] : []))),
    ];
    return [{ type: 'InformationReportRecorded', data: { ...report, childIds, recordedAt: now } }];
  },
};

function problemsWith(data: RecordInformationReport['data']): FieldError[] {
  const errors: FieldError[] = [];
  if (!isGrade(data.reliability)) {
    errors.push({
      field: 'reliability',
      message: 'must be 1 to 5 (5 = always reliable) or DONT_KNOW',
    });
  }
  if (!isGrade(data.accuracy)) {
    errors.push({
      field: 'accuracy',
      message: 'must be 1 to 5 (1 = known to be true) or DONT_KNOW',
    });
  }
  const { subjects, licensedPremises, vehicles, details } = data.personal;
  if (details.trim() === '' && subjects.length + licensedPremises.length + vehicles.length === 0) {
    errors.push({
      field: 'details',
      message: 'a report needs details, or at least one subject, licensed premises or vehicle',
    });
  }
  subjects.forEach((s, i) => {
    if (!s.name && s.aliases.length === 0 && !s.description && !s.childId) {
      errors.push({
        field: `subjects.${i}`,
        message:
          'needs a name, an alias, a description or a childId (a perpetrator may be unnamed)',
      });
    }
  });
  vehicles.forEach((v, i) => {
    if (!v.registration && !v.description) {
      errors.push({ field: `vehicles.${i}`, message: 'needs a registration or a description' });
    }
  });
  return errors;
}
