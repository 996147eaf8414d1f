import { unsafeInputErrors } from './unsafe-input';

const nested = (depth: number, leaf: unknown = 'x'): unknown => {
  let value = leaf;
  for (let i = 0; i < depth; i++) value = { d: value };
  return value;
};

describe('unsafe input', () => {
  it('accepts ordinary values, unicode included', () => {
    expect(
      unsafeInputErrors({ note: 'Zoë’s placement 🏠', foundWith: [{ name: 'Ann' }], n: 1 }),
    ).toEqual([]);
  });

  it('names the field holding a NUL character', () => {
    expect(unsafeInputErrors({ child: { familyName: 'Ex\u0000ample' } })).toEqual([
      { field: 'child.familyName', message: 'must not contain a NUL character (\\u0000)' },
    ]);
  });

  it('names the array item holding a lone surrogate', () => {
    expect(unsafeInputErrors({ foundWith: [{ name: 'ok' }, { name: 'bad\ud800' }] })).toEqual([
      { field: 'foundWith.1.name', message: 'must be valid Unicode (it has a lone surrogate)' },
    ]);
  });

  it('refuses a property name with a NUL, naming its parent', () => {
    expect(unsafeInputErrors({ child: { ['a\u0000']: 1 } })[0].field).toBe('child');
  });

  it('accepts 32 levels and refuses 33, naming where it went too deep', () => {
    expect(unsafeInputErrors(nested(31))).toEqual([]);
    const errors = unsafeInputErrors({ lastSeenLocation: nested(40) });
    expect(errors).toHaveLength(1);
    expect(errors[0].message).toBe('is nested more than 32 levels deep');
    expect(errors[0].field.startsWith('lastSeenLocation.d.d')).toBe(true);
  });

  it('walks a 100,000-deep array without overflowing the stack', () => {
    let deep: unknown = [];
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(unsafeInputErrors(deep, 'attempts')[0].message).toContain('nested more than 32');
  });

  it('checks a query string value with the parameter as its field', () => {
    expect(unsafeInputErrors('\u0000', 'localAuthority')).toEqual([
      { field: 'localAuthority', message: 'must not contain a NUL character (\\u0000)' },
    ]);
  });
});
