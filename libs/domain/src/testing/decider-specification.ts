import type { Decider } from '../shared/decider';

/**
 * Given/when/then for deciders, in the style of Emmett's DeciderSpecification:
 *   spec.given([events]).when(command).then([expected events])
 *   spec.given([events]).when(command).thenThrows(ErrorClass, (error) => ...)
 */
export function deciderSpecification<Command, Event, State>(
  decider: Decider<Command, Event, State>,
) {
  return {
    given(events: Event[]) {
      return {
        when(command: Command) {
          const run = () =>
            decider.decide(
              command,
              events.reduce((s, e) => decider.evolve(s, e), decider.initialState()),
            );
          return {
            then(expected: Event[]): void {
              expect(run()).toEqual(expected);
            },
            thenNothingHappens(): void {
              expect(run()).toEqual([]);
            },
            /** For checks on part of the result (a field or two of a long event). */
            thenEvents(check: (events: Event[]) => void): void {
              check(run());
            },
            thenThrows<E extends Error>(
              errorType: new (...args: never[]) => E,
              check?: (error: E) => void,
            ): void {
              let thrown: unknown;
              try {
                run();
              } catch (error) {
                thrown = error;
              }
              expect(thrown).toBeInstanceOf(errorType);
              check?.(thrown as E);
            },
          };
        },
      };
    },
  };
}
