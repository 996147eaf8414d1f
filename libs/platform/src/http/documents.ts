/*
 * A response class documents a type of the domain or of a read model. `implements` makes the
 * compiler fail when the class lacks a field of the type; this also when the class has a field
 * the type does not, or when they disagree on one, nested shapes included (an optional field
 * only one of them has is caught at the top level, not inside nested shapes):
 *
 *   export type InterviewDetailDocumented = IsTrue<SameShape<InterviewDetail, Model>>;
 */
export type SameShape<A, B> = Mutual<A, B> extends true ? Mutual<keyof A, keyof B> : false;

type Mutual<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

export type IsTrue<T extends true> = T;
