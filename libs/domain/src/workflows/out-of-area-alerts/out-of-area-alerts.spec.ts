import { CHILD_ID, EPISODE_ID, childFound, missingEpisodeReported } from '../../testing/fixtures';
import { workflowSpecification } from '../../testing/workflow-specification';
import { outOfAreaAlerts } from './out-of-area-alerts.workflow';

const spec = workflowSpecification(outOfAreaAlerts);

const responsibleIs = (responsibleLocalAuthority: string | null) => ({
  responsibleLocalAuthority,
});

describe('out-of-area alerts', () => {
  it('reacts to a missing episode being reported and to the child being found', () => {
    expect([...outOfAreaAlerts.inputTypes].sort()).toEqual([
      'ChildFound',
      'MissingEpisodeReported',
    ]);
  });

  describe('a child reported missing from a placement', () => {
    it('in another authority tells the responsible authority, once per episode', () => {
      spec
        .given(responsibleIs('Camden'))
        .when(
          missingEpisodeReported({
            responsibleLocalAuthority: 'Camden',
            placementLocalAuthority: 'Kent',
          }),
        )
        .then([
          {
            type: 'OUT_OF_AREA',
            audience: 'RESPONSIBLE_LA',
            childId: CHILD_ID,
            localAuthority: 'Camden',
            reasons: [
              'The child, looked after by Camden, is placed in Kent and has been reported missing from there: Camden remains responsible for the return interview and any referral.',
            ],
            causeKey: `${EPISODE_ID}/placement`,
          },
        ]);
    });

    it('in the same authority, however it is written, raises nothing', () => {
      spec
        .given(responsibleIs('Camden'))
        .when(
          missingEpisodeReported({
            responsibleLocalAuthority: 'Camden',
            placementLocalAuthority: ' camden ',
          }),
        )
        .thenNothingHappens();
    });

    it('with no placement recorded raises nothing', () => {
      spec
        .given(responsibleIs('Camden'))
        .when(missingEpisodeReported({ placementLocalAuthority: null }))
        .thenNothingHappens();
    });
  });

  describe('a child found', () => {
    it('in another authority tells the responsible authority on the record', () => {
      spec
        .given(responsibleIs('Camden'))
        .when(childFound({ foundInLocalAuthority: 'Hackney' }))
        .then([
          {
            type: 'OUT_OF_AREA',
            audience: 'RESPONSIBLE_LA',
            childId: CHILD_ID,
            localAuthority: 'Camden',
            reasons: [
              'The child was found in Hackney, outside Camden, the authority responsible for them: where they were and who they were with matter to both areas.',
            ],
            causeKey: `${EPISODE_ID}/found`,
          },
        ]);
    });

    it('in their own authority, however it is written, raises nothing', () => {
      spec
        .given(responsibleIs('Camden'))
        .when(childFound({ foundInLocalAuthority: 'CAMDEN' }))
        .thenNothingHappens();
    });

    it('with nowhere named raises nothing', () => {
      spec
        .given(responsibleIs('Camden'))
        .when(childFound({ foundInLocalAuthority: null }))
        .thenNothingHappens();
    });

    it('raises nothing when the record names no responsible authority', () => {
      spec
        .given(responsibleIs(null))
        .when(childFound({ foundInLocalAuthority: 'Hackney' }))
        .thenNothingHappens();
    });
  });
});
