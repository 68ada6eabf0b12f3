import { missingForSubmission } from './good-practices.service';

describe('missingForSubmission', () => {
  const complete = {
    summary: 'Les habitants choisissent une part des investissements.',
    body: 'x'.repeat(100),
    results: 'Trente projets financés en deux ans.',
    contactRole: 'Service de la planification',
  };

  it('accepts a complete practice', () => {
    expect(missingForSubmission(complete)).toEqual([]);
  });

  it('names each text that is too short, whitespace not counted', () => {
    expect(missingForSubmission({ ...complete, body: `${' '.repeat(50)}court`, contactRole: '' })).toEqual([
      'body needs at least 100 characters',
      'contactRole needs at least 3 characters',
    ]);
  });
});
