import { InvalidCommand } from '../shared/errors';
import { deciderSpecification } from '../testing/decider-specification';
import {
  informationReportDecider,
  type RecordInformationReport,
} from './information-report.decider';
import type { InformationReportRecorded } from './events';

const spec = deciderSpecification(informationReportDecider);
const CHILD = '52f8ebec-30e2-5ff6-9d54-734803f687da';

const report = (
  overrides: Partial<RecordInformationReport['data']> = {},
  personal: Partial<RecordInformationReport['data']['personal']> = {},
): RecordInformationReport => ({
  type: 'RecordInformationReport',
  data: {
    reportId: '0b6f2d9e-4a01-4e11-9c1a-3f2b8c1e5a7d',
    source: 'PROFESSIONAL',
    reliability: 4,
    accuracy: 2,
    willingToEngageWithPolice: 'NOT_APPLICABLE',
    observedAt: '2024-06-01T22:00:00.000Z',
    recordedBy: 'worker-1',
    personal: {
      reporter: { name: 'A Worker', agency: 'Streetwise' },
      subjects: [
        { role: 'PERPETRATOR', aliases: ['Dee'], description: 'older male, silver car' },
        { role: 'VICTIM', aliases: [], childId: CHILD },
      ],
      licensedPremises: [{ tradingName: 'Late Grill', address: '1 High Street' }],
      vehicles: [{ registration: 'AB12 CDE' }],
      details: 'Seen collecting girls from the takeaway after midnight',
      ...personal,
    },
    now: '2024-06-02T09:00:00.000Z',
    ...overrides,
  },
});

describe('a CSE information report', () => {
  it('is recorded once, with the children it names, a perpetrator unnamed but described', () => {
    spec
      .given([])
      .when(report())
      .thenEvents(([event]) => {
        const e: InformationReportRecorded = event;
        expect(e.type).toBe('InformationReportRecorded');
        expect(e.data.childIds).toEqual([CHILD]);
        expect(e.data.recordedAt).toBe('2024-06-02T09:00:00.000Z');
        expect(e.data.personal.subjects[0]).toMatchObject({
          role: 'PERPETRATOR',
          aliases: ['Dee'],
        });
      });
  });

  it('records nothing when the same report is sent again', () => {
    const [recorded] = informationReportDecider.decide(report(), { recorded: false });
    spec.given([recorded]).when(report()).thenNothingHappens();
  });

  it.each([0, 6, 2.5, '3'])('refuses a reliability of %p, naming the scale', (reliability) => {
    spec
      .given([])
      .when(report({ reliability: reliability as never }))
      .thenThrows(InvalidCommand, (e) =>
        expect(e.errors).toEqual([
          { field: 'reliability', message: 'must be 1 to 5 (5 = always reliable) or DONT_KNOW' },
        ]),
      );
  });

  it.each([1, 5, 'DONT_KNOW'])('accepts an accuracy of %p', (accuracy) => {
    spec
      .given([])
      .when(report({ accuracy: accuracy as never }))
      .thenEvents((events) => expect(events).toHaveLength(1));
  });

  it('refuses a report that says nothing, and a subject or vehicle with nothing to identify it', () => {
    spec
      .given([])
      .when(report({}, { details: ' ', subjects: [], licensedPremises: [], vehicles: [] }))
      .thenThrows(InvalidCommand, (e) => expect(e.errors.map((x) => x.field)).toEqual(['details']));
    spec
      .given([])
      .when(report({}, { subjects: [{ role: 'PERPETRATOR', aliases: [] }], vehicles: [{}] }))
      .thenThrows(InvalidCommand, (e) =>
        expect(e.errors.map((x) => x.field)).toEqual(['subjects.0', 'vehicles.0']),
      );
  });
});
