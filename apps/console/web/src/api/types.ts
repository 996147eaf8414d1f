// Answer and body types for the console's calls, all read from the generated schema.d.ts.
import type { components, paths } from './schema';

type Json<R> = R extends { content: { 'application/json': infer T } } ? T : never;

/** The 200 answer of GET on a path. */
export type GetAnswer<P extends keyof paths> = paths[P] extends {
  get: { responses: { 200: infer R } };
}
  ? Json<R>
  : never;

/** The JSON body of POST on a path. */
export type PostBody<P extends keyof paths> = paths[P] extends {
  post: { requestBody?: infer B };
}
  ? Json<NonNullable<B>>
  : never;

/** The 200 or 201 answer of POST on a path. */
export type PostAnswer<P extends keyof paths> = paths[P] extends {
  post: { responses: infer R };
}
  ? R extends { 200: infer A }
    ? Json<A>
    : R extends { 201: infer A }
      ? Json<A>
      : never
  : never;

export type Schemas = components['schemas'];
export type InterviewQueueItem = Schemas['InterviewQueueItem'];
export type InterviewDetail = Schemas['InterviewDetail'];
export type TimelineEntry = Schemas['TimelineEntry'];
export type ValidationErrorsBody = Schemas['ValidationErrorsBody'];
export type ErrorBody = Schemas['ErrorBody'];

// Signing in: local users (development key) or the identity provider.
export type SessionUser = Schemas['ConsoleLocalUser'];
export type SessionStarted = Schemas['ConsoleSession'];
export type SessionMe = Schemas['SessionCaller'];
export type SignInOptions = Schemas['SignInOptions'];
export type IdentityProviderOption = Schemas['IdentityProviderOption'];
