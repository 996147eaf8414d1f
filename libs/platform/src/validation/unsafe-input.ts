import type { FieldError } from '@homeward/domain';

/** Deeper than any real notification or request (the deepest, a screening, is 4 levels). */
export const MAX_INPUT_DEPTH = 32;

// PostgreSQL cannot store U+0000 in text or jsonb, and a lone surrogate is not Unicode at all:
// both would fail at the database as a 500, or worse, deep inside a reactor.
// eslint-disable-next-line no-control-regex
const NUL = /\u0000/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const describeString = (value: string): string | null => {
  if (NUL.test(value)) return 'must not contain a NUL character (\\u0000)';
  if (LONE_SURROGATE.test(value)) return 'must be valid Unicode (it has a lone surrogate)';
  return null;
};

/**
 * Everything in a parsed JSON value (or a query) that Homeward refuses before any validation or
 * transformation runs: strings (values or keys) with NUL or lone surrogates, and nesting deeper
 * than `maxDepth` (which would exhaust the stack of recursive transformers). Iterative, so an
 * absurdly deep value cannot itself overflow the stack here. Fields are dotted paths as in every
 * other 400: `child.familyName`, `foundWith.0.name`.
 */
export function unsafeInputErrors(
  value: unknown,
  root = '',
  maxDepth = MAX_INPUT_DEPTH,
): FieldError[] {
  const errors: FieldError[] = [];
  const pending: Array<{ value: unknown; field: string; depth: number }> = [
    { value, field: root, depth: 0 },
  ];
  const name = (field: string) => field || '(body)';
  while (pending.length > 0 && errors.length < 20) {
    const { value: item, field, depth } = pending.pop()!;
    if (typeof item === 'string') {
      const problem = describeString(item);
      if (problem) errors.push({ field: name(field), message: problem });
      continue;
    }
    if (typeof item !== 'object' || item === null) continue;
    if (depth >= maxDepth) {
      errors.push({ field: name(field), message: `is nested more than ${maxDepth} levels deep` });
      continue;
    }
    for (const [key, child] of Object.entries(item)) {
      const path = field ? `${field}.${key}` : key;
      const keyProblem = describeString(key);
      if (keyProblem) {
        errors.push({ field: name(field), message: `has a property name that ${keyProblem}` });
        continue;
      }
      pending.push({ value: child, field: path, depth: depth + 1 });
    }
  }
  return errors.sort((a, b) => a.field.localeCompare(b.field));
}
