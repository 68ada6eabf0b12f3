import type { HttpTestingController } from '@angular/common/http/testing';
import type { RouterTestingHarness } from '@angular/router/testing';
import type { GoodPracticeResponse } from '@communes/web-api-client';

export const settle = () => new Promise((resolve) => setTimeout(resolve));

/** Answers the request once the page has sent it (resources start on a later turn, later still on a busy machine). */
export async function answer(harness: RouterTestingHarness, http: HttpTestingController, url: string, body: unknown): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const [request] = http.match(url);
    if (request) {
      request.flush(body);
      return;
    }
    await settle();
    await harness.fixture.whenStable();
  }
  throw new Error(`No request to ${url}`);
}

/** A practice as the API sends it, for the specs. */
export const practice: GoodPracticeResponse = {
  id: 'p1',
  communeId: 'c1',
  communeSlug: 'cotonou',
  communeName: 'Cotonou',
  department: 'Littoral',
  title: 'Budget participatif par arrondissement',
  summary: 'Les habitants de chaque arrondissement choisissent une partie des investissements.',
  body: 'Chaque année, la mairie réserve une enveloppe aux projets des habitants.\n\nUn vote public désigne les projets retenus.',
  results: 'Trente projets financés en deux ans.',
  theme: 'participation_citoyenne',
  status: 'changes_requested',
  contactRole: 'Service de la planification',
  contactDetails: null,
  submittedAt: '2026-03-01T09:00:00Z',
  publishedAt: null,
  reviewedAt: '2026-03-03T09:00:00Z',
  createdAt: '2026-02-20T09:00:00Z',
  updatedAt: '2026-03-03T09:00:00Z',
  documents: [{ id: 'd1', title: 'Rapport de reddition de comptes 2025', category: 'rapport_reddition_comptes', fiscalYear: 2025, state: 'published', publishedAt: '2026-01-10T09:00:00Z' }],
  reviews: [
    { id: 'r1', action: 'submitted', comment: null, createdAt: '2026-03-01T09:00:00Z' },
    { id: 'r2', action: 'changes_requested', comment: 'Précisez le montant de l’enveloppe.', createdAt: '2026-03-03T09:00:00Z' },
  ],
};
