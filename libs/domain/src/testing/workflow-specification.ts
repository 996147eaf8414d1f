import type { Workflow } from '../shared/workflow';

/**
 * Given/when/then for workflows, like deciderSpecification:
 *   spec.given(state).when(event).then([expected outputs])
 */
export function workflowSpecification<Input extends { type: string }, State, Output>(
  workflow: Workflow<Input, State, Output>,
) {
  return {
    given(state: State) {
      return {
        when(input: Input) {
          const run = () => workflow.decide(input, state);
          return {
            then(expected: Output[]): void {
              expect(run()).toEqual(expected);
            },
            thenNothingHappens(): void {
              expect(run()).toEqual([]);
            },
            /** For checks on part of the result (a field or two of a long output). */
            thenOutputs(check: (outputs: Output[]) => void): void {
              check(run());
            },
          };
        },
      };
    },
  };
}
