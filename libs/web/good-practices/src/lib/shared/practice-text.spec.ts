import { missingFields, paragraphs } from './practice-text';

describe('practice text', () => {
  it('splits plain text into paragraphs at blank lines, dropping empty ones', () => {
    expect(paragraphs('Premier paragraphe\nsuite.\n\n  \n\nSecond.\n')).toEqual(['Premier paragraphe\nsuite.', 'Second.']);
    expect(paragraphs(null)).toEqual([]);
  });

  it('names the texts still too short to submit, as the API does', () => {
    expect(missingFields({ summary: 'x'.repeat(20), body: 'x'.repeat(99), results: '', contactRole: 'SG ' })).toEqual(['body', 'results', 'contactRole']);
  });
});
