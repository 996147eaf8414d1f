import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';

export const API_DOCS_PATH = 'api/docs';
export const API_DOCS_JSON_PATH = 'api/docs-json';

/**
 * The OpenAPI document of the routes this application has (all of Homeward, or one service's),
 * generated from its controllers and DTOs. Keys are sorted so the checked-in
 * docs/openapi.json only changes when the API does.
 */
export function openApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Homeward')
    .setDescription(
      'Missing-children episodes from police notifications, return interviews within 72 hours ' +
        'of the return, CSE screening, alerts and CMOG.\n\n' +
        'Every `/api/**` route needs `Authorization: Bearer <JWT>` (RS256/ES256 from the ' +
        "identity provider's key set, or HS256 with a shared key) with `sub`, `exp`, `iat` " +
        '(at most 12 hours apart) and a `roles` claim; ' +
        'each operation names the roles it accepts (also as `x-roles`). For local use, ' +
        '`npm run -s token -- --role ri-worker` prints a token signed with the development key.\n\n' +
        'Bad input answers 400 `{ "errors": [ { "field", "message" } ] }` naming every bad field ' +
        '(dotted paths); other errors answer `{ "statusCode", "error", "message" }`. ' +
        'Commands take an optional `Idempotency-Key` header: a resend with the same key ' +
        'records nothing twice.',
    )
    .setVersion('v1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
    .build();
  return sortKeys(SwaggerModule.createDocument(app, config));
}

/**
 * Swagger UI at /api/docs and the document at /api/docs-json. They are plain Express routes,
 * outside Nest's router and so outside the JWT guard: public, like the API's own description.
 */
export function serveOpenApi(app: INestApplication): void {
  let document: OpenAPIObject | undefined;
  SwaggerModule.setup(API_DOCS_PATH, app, () => (document ??= openApiDocument(app)), {
    jsonDocumentUrl: API_DOCS_JSON_PATH,
    raw: ['json'],
    swaggerOptions: { persistAuthorization: true },
  });
}

/** The document as docs/openapi.json holds it: pretty, with a final newline for prettier. */
export const openApiJson = (document: OpenAPIObject): string =>
  `${JSON.stringify(document, null, 2)}\n`;

/**
 * Object keys in code-point order, recursively, and so are `enum` values: the compiler plugin
 * takes a union type's members in the type checker's order, which differs between `nest build`
 * and ts-jest. Other arrays keep their order (it means something).
 */
function sortKeys<T>(value: T): T {
  if (Array.isArray(value)) return value.map((item: unknown) => sortKeys(item)) as T;
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => {
        const item = (value as Record<string, unknown>)[key];
        return [key, key === 'enum' && Array.isArray(item) ? [...item].sort() : sortKeys(item)];
      }),
  ) as T;
}
