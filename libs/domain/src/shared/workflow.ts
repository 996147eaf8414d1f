/**
 * A reactor's decision, in the shape of Emmett's workflows without the I/O: the event types it
 * reacts to, and what it asks for given an event and the state it needs. The state is folded from
 * the streams that decide (the child's record, say) and carries the time: nothing here reads a
 * clock or a database. The NestJS reactor only loads that state and carries the outputs out, and
 * ScenarioWorld runs the same workflows, so a scenario tests the decision the service makes.
 */
export interface Workflow<Input extends { type: string }, State, Output> {
  /** The event types it reacts to; every other event passes it by. */
  readonly inputTypes: ReadonlyArray<Input['type']>;
  decide(input: Input, state: State): Output[];
}
