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

describe('good_practice.submitted email (to ANCB reviewers)', () => {
  const context = (language: 'fr' | 'en', from: string, comment: string | null) => ({
    template: 'good_practice.submitted',
    language,
    params: { practiceId: 'p1', title: 'Budget <participatif>', from, comment },
    commune: { slug: 'cotonou', name: 'Cotonou' },
    publicUrl: 'https://communes.bj',
    unsubscribeUrl: 'https://communes.bj/desabonnement/a',
    unsubscribeAllUrl: 'https://communes.bj/desabonnement/b',
  });

  it('names the commune and the practice, links to its review page, escapes the title in the HTML', () => {
    const email = renderEmail(context('fr', 'draft', null));
    expect(email.subject).toBe('Bonne pratique à examiner : « Budget <participatif> » (Cotonou)');
    expect(email.text).toContain("La commune de Cotonou soumet la bonne pratique « Budget <participatif> » à l'ANCB.");
    expect(email.text).toContain('Examiner la bonne pratique : https://communes.bj/ancb/bonnes-pratiques/cotonou/p1');
    expect(email.text).not.toContain('Message de la commune');
    expect(email.html).toContain('Budget &lt;participatif&gt;');
    expect(email.html).not.toContain('<participatif>');
    // Personal: only "stop every email" is offered.
    expect(email.text).not.toContain('https://communes.bj/desabonnement/a');
  });

  it('says when it is a resubmission, with the commune’s message, in English for an English reader', () => {
    const email = renderEmail(context('en', 'changes_requested', 'Amount added.'));
    expect(email.subject).toBe('Good practice to review again: “Budget <participatif>” (Cotonou)');
    expect(email.text).toContain('The commune of Cotonou submitted the good practice “Budget <participatif>” to ANCB again, after changing it.');
    expect(email.text).toContain("The commune's message: Amount added.");
  });
});
