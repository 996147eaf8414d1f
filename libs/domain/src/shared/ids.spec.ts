import { childIdFor, episodeIdFor, eventIdFor, returnInterviewIdFor } from './ids';

const UUID_V5 = /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('ids are derived, so a retry lands on the same thing', () => {
  it('gives the same child id for the same police person', () => {
    expect(childIdFor('MET', 'PP-000123')).toBe(childIdFor('MET', 'PP-000123'));
  });

  it('gives the same episode id for the same police reference', () => {
    expect(episodeIdFor('MET', 'MP-2024-0001')).toBe(episodeIdFor('MET', 'MP-2024-0001'));
  });

  it('gives the same return interview id for the same episode', () => {
    expect(returnInterviewIdFor('episode-1')).toBe(returnInterviewIdFor('episode-1'));
  });

  it('gives the same event id for the same cause and position', () => {
    expect(eventIdFor('notification-1', 0)).toBe(eventIdFor('notification-1', 0));
  });

  it('are name-based (version 5) UUIDs', () => {
    for (const id of [
      childIdFor('MET', 'PP-1'),
      episodeIdFor('MET', 'MP-1'),
      returnInterviewIdFor('episode-1'),
      eventIdFor('notification-1', 3),
    ]) {
      expect(id).toMatch(UUID_V5);
    }
  });

  // Ids are stored in streams: a change of namespace or naming scheme would orphan them.
  it('stay the values already stored', () => {
    expect(childIdFor('MET', 'PP-000123')).toBe('52f8ebec-30e2-5ff6-9d54-734803f687da');
    expect(episodeIdFor('MET', 'MP-2024-0001')).toBe('2afcd9e6-426b-5046-b700-e2c429bf5031');
  });
});

describe('the force is matched whatever its case or surrounding spaces', () => {
  it('gives the same child id for "met", " Met " and "MET"', () => {
    const id = childIdFor('MET', 'PP-000123');
    expect(childIdFor('met', 'PP-000123')).toBe(id);
    expect(childIdFor(' Met ', 'PP-000123')).toBe(id);
  });

  it('gives the same episode id for "kent\\t" and "KENT"', () => {
    expect(episodeIdFor('kent\t', 'KP/55')).toBe(episodeIdFor('KENT', 'KP/55'));
  });

  it('ignores spaces around the police person id and reference', () => {
    expect(childIdFor('MET', ' PP-000123 ')).toBe(childIdFor('MET', 'PP-000123'));
    expect(episodeIdFor('MET', ' MP-2024-0001\n')).toBe(episodeIdFor('MET', 'MP-2024-0001'));
  });
});

describe('different inputs give different ids', () => {
  it('gives different children for different police people', () => {
    expect(childIdFor('MET', 'PP-1')).not.toBe(childIdFor('MET', 'PP-2'));
  });

  it('gives different children for the same person id at different forces', () => {
    expect(childIdFor('MET', 'PP-1')).not.toBe(childIdFor('KENT', 'PP-1'));
  });

  it('gives different episodes for different references', () => {
    expect(episodeIdFor('MET', 'MP-1')).not.toBe(episodeIdFor('MET', 'MP-2'));
  });

  it('never gives a child and an episode the same id from the same strings', () => {
    expect(childIdFor('MET', 'X-1')).not.toBe(episodeIdFor('MET', 'X-1'));
  });

  it('gives the return interview an id of its own, not its episode id', () => {
    const episodeId = episodeIdFor('MET', 'MP-1');
    expect(returnInterviewIdFor(episodeId)).not.toBe(episodeId);
    expect(returnInterviewIdFor(episodeId)).not.toBe(
      returnInterviewIdFor(episodeIdFor('MET', 'MP-2')),
    );
  });

  it('gives each event caused by one message its own id', () => {
    const ids = [0, 1, 2].map((index) => eventIdFor('notification-1', index));
    expect(new Set(ids).size).toBe(3);
    expect(eventIdFor('notification-1', 0)).not.toBe(eventIdFor('notification-2', 0));
  });
});
