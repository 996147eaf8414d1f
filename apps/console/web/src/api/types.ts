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

/*
 * Local sign-in (GET /api/v1/session/users, POST /api/v1/session, GET /api/v1/session/me) is being
 * added to the app alongside the console. Until docs/openapi.json documents it, these are the
 * shapes the issue states; once it does, `npm run console:types` makes the schema's types win.
 */
type Documented<P extends string, Fallback> = P extends keyof paths
  ? GetOrPost<P & keyof paths, Fallback>
  : Fallback;
type GetOrPost<P extends keyof paths, Fallback> = [GetAnswer<P>] extends [never]
  ? [PostAnswer<P>] extends [never]
    ? Fallback
    : PostAnswer<P>
  : GetAnswer<P>;

export type SessionUser = Documented<
  '/api/v1/session/users',
  Array<{
    id: string;
    name: string;
    roles: string[];
    organisation?: string | null;
    localAuthorities?: string[];
  }>
>[number];
export type SessionStarted = Documented<'/api/v1/session', { token: string; user: SessionUser }>;
export type SessionMe = Documented<
  '/api/v1/session/me',
  { sub: string; roles: string[]; organisation?: string | null; localAuthorities?: string[] }
>;
