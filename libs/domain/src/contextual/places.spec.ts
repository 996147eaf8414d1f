import {
  distinctPlaces,
  normaliseDescription,
  normalisePostcode,
  placeLabel,
  placeOf,
} from './places';

describe('a postcode is written one way', () => {
  it.each([
    ['B1 1AA', 'B1 1AA'],
    ['b1 1aa', 'B1 1AA'],
    ['b11aa', 'B1 1AA'],
    ['  B1   1AA ', 'B1 1AA'],
    ['ws12ab', 'WS1 2AB'],
    ['EC1A1BB', 'EC1A 1BB'],
    ['b54aa', 'B5 4AA'],
  ])('%p is %p', (given, expected) => {
    expect(normalisePostcode(given)).toBe(expected);
  });

  it('keeps a value that is not a UK postcode, upper-cased with single spaces', () => {
    expect(normalisePostcode(' unit  4b ')).toBe('UNIT 4B');
  });

  it.each([undefined, null, '', '   '])('treats %p as no postcode', (given) => {
    expect(normalisePostcode(given)).toBeNull();
  });
});

describe('a place is known by its postcode, else by its description', () => {
  it('uses the postcode when there is one, whatever the description says', () => {
    const a = placeOf({ description: 'Hotel near the city centre', postcode: 'b5 4aa' });
    const b = placeOf({
      description: 'the Premier hotel',
      postcode: 'B5 4AA',
      premisesType: 'hotel',
    });
    expect(a?.key).toBe('postcode:B5 4AA');
    expect(b?.key).toBe(a?.key);
    expect(b).toMatchObject({
      postcode: 'B5 4AA',
      description: 'the Premier hotel',
      premisesType: 'HOTEL',
    });
    expect(placeLabel(a!.key)).toBe('B5 4AA');
  });

  it('uses the description, lower-cased and trimmed, when there is no postcode', () => {
    const place = placeOf({ description: '  Flat above the   Takeaway ' });
    expect(place).toEqual({
      key: 'description:flat above the takeaway',
      postcode: null,
      description: 'Flat above the   Takeaway',
      premisesType: null,
    });
    expect(placeOf({ description: 'flat above the takeaway', postcode: ' ' })?.key).toBe(
      place?.key,
    );
    expect(placeLabel(place!.key)).toBe('flat above the takeaway');
    expect(normaliseDescription('  A   B ')).toBe('a b');
  });

  it('is no place without a postcode or a description', () => {
    expect(placeOf({ description: '  ' })).toBeNull();
    expect(placeOf({})).toBeNull();
  });

  it('counts a place named twice in one record once', () => {
    expect(
      distinctPlaces([
        { description: 'Hotel', postcode: 'B5 4AA' },
        { description: 'The hotel again', postcode: 'b54aa' },
        { description: 'Park' },
        { description: '' },
      ]).map((p) => p.key),
    ).toEqual(['postcode:B5 4AA', 'description:park']);
  });
});
