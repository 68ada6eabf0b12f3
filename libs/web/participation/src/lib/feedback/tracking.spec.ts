import { communesForNumber, normaliseTrackingNumber, timelineOf, TRACKING_NUMBER } from './tracking';

describe('tracking numbers', () => {
  it('accepts what a citizen types (lower case, spaces, dashes) as the canonical number', () => {
    expect(normaliseTrackingNumber(' cot 2026 000123 ')).toBe('COT-2026-000123');
    expect(normaliseTrackingNumber('abo–2026–000007')).toBe('ABO-2026-000007');
    expect(TRACKING_NUMBER.test('COT-2026-000123')).toBe(true);
    expect(TRACKING_NUMBER.test('COT2026')).toBe(false);
  });

  it('finds the communes whose numbers start with these letters (several may share them)', () => {
    const slugs = ['cotonou', 'abomey', 'abomey-calavi', 'akpro-misserete'];
    expect(communesForNumber('COT-2026-000123', slugs)).toEqual(['cotonou']);
    expect(communesForNumber('ABO-2026-000001', slugs)).toEqual(['abomey', 'abomey-calavi']);
    expect(communesForNumber('XYZ-2026-000001', slugs)).toEqual([]);
  });
});

describe('timelineOf', () => {
  const base = { createdAt: '2026-03-01T08:00:00Z', firstResponseAt: null, answeredAt: null, closedAt: null };

  it('shows a new feedback as received, the rest to come', () => {
    expect(timelineOf({ ...base, status: 'received' }).map((s) => s.state)).toEqual(['current', 'todo', 'todo', 'todo']);
  });

  it('shows an answered feedback with its dates, a step the commune skipped still passed', () => {
    const steps = timelineOf({ ...base, status: 'answered', firstResponseAt: '2026-03-02T08:00:00Z', answeredAt: '2026-03-02T08:00:00Z' });
    expect(steps.map((s) => s.state)).toEqual(['done', 'done', 'current', 'todo']);
    expect(steps[2].date).toBe('2026-03-02T08:00:00Z');
    expect(steps[3].date).toBeNull();
  });

  it('shows a declined or resolved feedback as closed, every step passed', () => {
    const steps = timelineOf({ ...base, status: 'declined', closedAt: '2026-03-05T08:00:00Z' });
    expect(steps.map((s) => s.state)).toEqual(['done', 'done', 'done', 'done']);
    expect(steps[3]).toEqual({ status: 'closed', state: 'done', date: '2026-03-05T08:00:00Z' });
  });
});
