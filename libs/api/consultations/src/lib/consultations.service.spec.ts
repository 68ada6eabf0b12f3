import { ValidationFailedError } from '@communes/api-core';
import { checkAnswers, phaseOf, withIds } from './consultations.service';

const questions = withIds([
  { text: 'Quel projet ?', options: [{ label: 'Marché' }, { label: 'Éclairage' }] },
  { text: 'Quels jours ?', multiple: true, options: [{ label: 'Samedi' }, { label: 'Mercredi' }, { label: 'Dimanche' }] },
]);

describe('withIds', () => {
  it('numbers questions and, within each, options', () => {
    expect(questions.map((q) => [q.id, q.multiple, q.options.map((o) => o.id)])).toEqual([
      ['q1', false, ['o1', 'o2']],
      ['q2', true, ['o1', 'o2', 'o3']],
    ]);
  });
});

describe('checkAnswers', () => {
  it('accepts one option for a single-choice question and several for a multiple one', () => {
    expect(checkAnswers(questions, [{ questionId: 'q1', optionIds: ['o2'] }, { questionId: 'q2', optionIds: ['o1', 'o3'] }])).toEqual({ q1: ['o2'], q2: ['o1', 'o3'] });
  });

  it.each([
    [[{ questionId: 'q1', optionIds: ['o1'] }], 'q2 is not answered'],
    [[{ questionId: 'q1', optionIds: ['o1', 'o2'] }, { questionId: 'q2', optionIds: ['o1'] }], 'q1 takes exactly one option'],
    [[{ questionId: 'q1', optionIds: ['o3'] }, { questionId: 'q2', optionIds: ['o1'] }], 'o3 is not an option of q1'],
    [[{ questionId: 'q1', optionIds: ['o1'] }, { questionId: 'q1', optionIds: ['o2'] }, { questionId: 'q2', optionIds: ['o1'] }], 'q1 is answered twice'],
    [[{ questionId: 'q3', optionIds: ['o1'] }, { questionId: 'q1', optionIds: ['o1'] }, { questionId: 'q2', optionIds: ['o1'] }], 'q3 is not a question of this consultation'],
  ])('refuses %j: %s', (answers, message) => {
    try {
      checkAnswers(questions, answers);
      throw new Error('accepted');
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationFailedError);
      expect((error as ValidationFailedError).fields[0].messages).toContain(message);
    }
  });
});

describe('phaseOf', () => {
  const now = new Date('2026-03-10T12:00:00Z');
  const opensAt = new Date('2026-03-01T00:00:00Z');
  const closesAt = new Date('2026-03-31T00:00:00Z');
  it.each([
    ['draft', { state: 'draft' as const, opensAt, closesAt }, now],
    ['upcoming', { state: 'published' as const, opensAt, closesAt }, new Date('2026-02-01T00:00:00Z')],
    ['open', { state: 'published' as const, opensAt, closesAt }, now],
    ['closed', { state: 'published' as const, opensAt, closesAt }, closesAt],
  ])('%s', (phase, consultation, at) => {
    expect(phaseOf(consultation, at)).toBe(phase);
  });
});
