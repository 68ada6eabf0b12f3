import { renderEmail } from '@communes/api-notifications';

describe('good_practice.reviewed email', () => {
  const context = (language: 'fr' | 'en', decision: string, comment: string | null) => ({
    template: 'good_practice.reviewed',
    language,
    params: { practiceId: 'p1', title: 'Budget participatif', decision, comment },
    commune: { slug: 'cotonou', name: 'Cotonou' },
    publicUrl: 'https://communes.bj',
    unsubscribeUrl: 'https://communes.bj/desabonnement/a',
    unsubscribeAllUrl: 'https://communes.bj/desabonnement/b',
  });

  it("says ANCB's decision and comment, and links to the practice in the commune's console", () => {
    const email = renderEmail(context('fr', 'changes_requested', 'Précisez le montant.'));
    expect(email.subject).toBe('Bonne pratique « Budget participatif » : modifications demandées');
    expect(email.text).toContain('La bonne pratique « Budget participatif » de Cotonou doit être modifiée avant sa publication.');
    expect(email.text).toContain("Commentaire de l'ANCB : Précisez le montant.");
    expect(email.text).toContain('https://communes.bj/console/cotonou/bonnes-pratiques/p1');
    // Personal: only "stop every email" is offered, not a per-commune unsubscribe.
    expect(email.text).not.toContain('https://communes.bj/desabonnement/a');
  });

  it('is in English for an English reader, without a comment paragraph when ANCB left none', () => {
    const email = renderEmail(context('en', 'published', null));
    expect(email.subject).toBe('Good practice “Budget participatif”: published');
    expect(email.text).toContain('The good practice “Budget participatif” of Cotonou was published in the national library of good practices.');
    expect(email.text).not.toContain('comment');
  });
});
