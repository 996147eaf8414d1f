import type { INestApplication } from '@nestjs/common';
import { RequestMethod } from '@nestjs/common';
import {
  METHOD_METADATA,
  PATH_METADATA,
  ROUTE_ARGS_METADATA,
  SSE_METADATA,
} from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { ModulesContainer } from '@nestjs/core';
import { ACCESS_KEY, PUBLIC_KEY } from '@homeward/platform';

/**
 * Every route of the running app, read from the controllers' own metadata, so a sweep over
 * them (hostile input, the access matrix) covers a new route without being edited.
 */
export interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  params: string[];
  queries: string[];
  /** The route's entry in the access policy, as its @Access() names it; null if none. */
  accessKey: string | null;
  public: boolean;
  /** A server-sent events stream: it answers, then never ends. */
  stream: boolean;
}

const METHODS: Partial<Record<RequestMethod, Route['method']>> = {
  [RequestMethod.GET]: 'GET',
  [RequestMethod.POST]: 'POST',
  [RequestMethod.PUT]: 'PUT',
  [RequestMethod.PATCH]: 'PATCH',
  [RequestMethod.DELETE]: 'DELETE',
};

export function routesOf(nest: INestApplication): Route[] {
  const found: Route[] = [];
  for (const module of nest.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as { prototype: Record<string, unknown> } | null;
      if (!controller) continue;
      const base = [Reflect.getMetadata(PATH_METADATA, controller)].flat()[0] ?? '';
      for (const name of Object.getOwnPropertyNames(controller.prototype)) {
        const handler = controller.prototype[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        const sub = Reflect.getMetadata(PATH_METADATA, handler);
        if (sub === undefined) continue;
        const method = METHODS[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod];
        if (!method) continue;
        const path = `/${[base, [sub].flat()[0]].filter((p) => p && p !== '/').join('/')}`
          .replace(/\/+/g, '/')
          .replace(/\/$/, '');
        // Route argument metadata is keyed `<RouteParamtypes>:<index>`; `data` names the parameter.
        const args = Object.entries(
          (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, name) ?? {}) as Record<
            string,
            { data?: unknown }
          >,
        );
        const queries = args
          .filter(
            ([key, arg]) =>
              key.startsWith(`${RouteParamtypes.QUERY}:`) && typeof arg.data === 'string',
          )
          .map(([, arg]) => arg.data as string);
        found.push({
          method,
          path,
          params: [...path.matchAll(/:(\w+)/g)].map((m) => m[1]),
          queries,
          accessKey: (Reflect.getMetadata(ACCESS_KEY, handler) as string | undefined) ?? null,
          public:
            Reflect.getMetadata(PUBLIC_KEY, handler) === true ||
            Reflect.getMetadata(PUBLIC_KEY, controller) === true,
          stream: Reflect.getMetadata(SSE_METADATA, handler) === true,
        });
      }
    }
  }
  return found;
}

/**
 * The status a stream route answers with (its headers), without waiting for a body that never
 * ends. The app must be listening (app.listen).
 */
export async function streamStatus(url: string, headers: Record<string, string>): Promise<number> {
  const controller = new AbortController();
  const res = await fetch(url, { headers, signal: controller.signal });
  controller.abort();
  return res.status;
}
