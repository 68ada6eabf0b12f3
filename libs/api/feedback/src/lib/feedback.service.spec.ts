import { FEEDBACK_TRANSITIONS, trackingNumberFor } from './feedback.service';

describe('trackingNumberFor', () => {
  it.each([
    ['cotonou', 2026, 123, 'COT-2026-000123'],
    ['abomey-calavi', 2026, 1, 'ABO-2026-000001'],
    ['akpro-misserete', 2027, 1234567, 'AKP-2027-1234567'],
    ['so-ava', 2026, 5, 'SOA-2026-000005'],
  ])('%s, %i, #%i → %s', (slug, year, number, expected) => {
    expect(trackingNumberFor(slug, year, number)).toBe(expected);
  });
});

describe('FEEDBACK_TRANSITIONS', () => {
  it('never leaves a closed status and never goes back to received', () => {
    expect(FEEDBACK_TRANSITIONS.resolved).toEqual([]);
    expect(FEEDBACK_TRANSITIONS.declined).toEqual([]);
    for (const next of Object.values(FEEDBACK_TRANSITIONS)) expect(next).not.toContain('received');
  });
});
