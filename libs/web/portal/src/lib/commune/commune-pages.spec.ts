import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import {
  type AgendaEvent,
  type Budget,
  type CommunePage,
  CommunesApi,
  type ContractFilters,
  type ContractPage,
  type CommuneDocument,
  type CommuneDocumentWithVersions,
  type CouncilSession,
  type CouncilSessionDetail,
  NewsApi,
  TransparencyApi,
} from '@communes/web-data-access';
import { provideCommunesI18nTesting } from '@communes/web-ui';
import { of } from 'rxjs';
import en from '../i18n/en.json';
import fr from '../i18n/fr.json';
import { CivicApi } from './civic/civic-api';
import civicEn from './civic/i18n/en.json';
import civicFr from './civic/i18n/fr.json';
import { communeRoutes } from './commune.routes';
import { tabOf } from './commune-layout';
import {
  CommunePracticesApi,
  type CommunePractices,
} from './overview/practices-block';
import { EVENT_SOURCE_FACTORY } from './sessions/session-live';

const cotonou: CommunePage = {
  id: 'c1',
  slug: 'cotonou',
  name: 'Cotonou',
  department: 'Littoral',
  country: 'BJ',
  status: 'active',
  isPilot: true,
  population: 679012,
  activatedAt: null,
  onboardingStartedAt: null,
  suspendedAt: null,
  suspensionReason: null,
  checklist: [],
  branding: {
    primaryColor: '#1d4f91',
    secondaryColor: '#f2c200',
    logoUrl: '/api/v1/communes/cotonou/logo?v=abc',
    presentation: 'Capitale économique.\n\nPremière ville du pays.',
    mayorName: 'Luc Atrokpo',
    contactEmail: 'mairie@cotonou.bj',
  },
};

const published: CommuneDocument = {
  id: 'd1',
  communeId: 'c1',
  title: 'Budget primitif 2025',
  category: 'budget_primitif',
  fiscalYear: 2025,
  state: 'published',
  description: null,
  createdAt: '',
  updatedAt: '',
  publishedAt: '2025-01-20T10:00:00Z',
  withdrawalReason: null,
  withdrawnAt: null,
};
const withdrawn: CommuneDocument = {
  ...published,
  id: 'd2',
  title: 'Compte administratif 2023',
  category: 'compte_administratif',
  fiscalYear: 2023,
  state: 'withdrawn',
  withdrawnAt: '2025-02-01T10:00:00Z',
  withdrawalReason: 'Chiffres erronés, version corrigée à venir',
};
const withVersions: CommuneDocumentWithVersions = {
  ...published,
  versions: [2, 1].map((n) => ({
    id: `v${n}`,
    documentId: 'd1',
    versionNumber: n,
    fileName: `budget-v${n}.pdf`,
    mediaType: 'application/pdf',
    objectKey: 'k',
    pageCount: 12,
    publishedAt: `2025-0${n}-20T10:00:00Z`,
    sha256: 'ab'.repeat(32),
    sizeBytes: '2621440',
    createdAt: '',
  })),
};

function budget(
  id: string,
  stage: Budget['stage'],
  totals: [string, string, string, string],
): Budget {
  return {
    id,
    communeId: 'c1',
    fiscalYear: 2025,
    stage,
    state: 'published',
    createdAt: '2025-01-01T00:00:00Z',
    updatedAt: '',
    importId: null,
    lineCount: 120,
    publishedAt: '',
    sourceDocumentId: null,
    supersededAt: null,
    supersededBy: null,
    totals: {
      fonctionnement: { recette: totals[0], depense: totals[1] },
      investissement: { recette: totals[2], depense: totals[3] },
    },
  };
}

const event: AgendaEvent = {
  id: 'e1',
  communeId: 'c1',
  title: 'Session ordinaire du conseil communal',
  startsAt: '2030-03-15T09:00:00Z',
  endsAt: null,
  location: 'Hôtel de ville',
  description: null,
  publishedAt: '',
  state: 'published',
  cancellationReason: null,
  cancelledAt: null,
};

const session: CouncilSession = {
  id: 's1',
  communeId: 'c1',
  kind: 'council',
  sessionType: 'ordinary',
  title: 'Première session ordinaire 2030',
  startsAt: '2030-03-20T09:00:00Z',
  endsAt: null,
  place: 'Salle du conseil',
  description: null,
  status: 'live',
  questionCount: 3,
  streamUrl: 'https://www.youtube.com/watch?v=abc',
  streamEmbedUrl: null,
  streamKind: 'youtube',
  summary: null,
  cancellationReason: null,
  cancelledAt: null,
  createdAt: '',
  updatedAt: '',
  endedAt: null,
  liveAt: null,
  publishedAt: '',
};
const sessionDetail = {
  ...session,
  lastEventId: '0',
  events: null,
  questions: [],
  agenda: [
    {
      position: 1,
      title: 'Examen du compte administratif 2029',
      description: null,
      documents: [
        {
          documentId: 'd2',
          title: 'Compte administratif 2029',
          category: 'compte_administratif',
          role: 'agenda',
          agendaPosition: 1,
          state: 'published',
          publishedAt: '',
        },
      ],
    },
  ],
  documents: [
    {
      documentId: 'd9',
      title: 'Procès-verbal de la session',
      category: 'proces_verbal_session',
      role: 'minutes',
      agendaPosition: null,
      state: 'published',
      publishedAt: '',
    },
  ],
} as CouncilSessionDetail;

const contracts: ContractPage = {
  total: 1,
  page: 1,
  pageSize: 25,
  items: [
    {
      id: 'k1',
      communeId: 'c1',
      reference: 'M-2025-001',
      object: 'Construction de 3 salles de classe',
      awardeeName: 'BTP Bénin SARL',
      awardeeIdentifier: null,
      amount: '45000000',
      awardDate: '2025-03-15',
      category: 'works',
      procurementMethod: 'open',
      status: 'active',
      state: 'published',
      createdAt: '',
      updatedAt: '',
      endDate: null,
      fundingSource: null,
      importId: null,
      publishedAt: '',
      startDate: null,
    },
  ],
};

function plain(text: string | null | undefined): string {
  return (text ?? '').replace(/[\s\u00a0\u202f]+/g, ' ').trim();
}

describe('commune pages', () => {
  let commune: CommunePage;
  let contractCalls: ContractFilters[];
  let harness: RouterTestingHarness;
  let page: () => HTMLElement;
  let practicesOf: (slug: string) => CommunePractices;

  beforeEach(async () => {
    commune = cotonou;
    contractCalls = [];
    practicesOf = () => ({ items: [], total: 0 });
    const transparency: Partial<TransparencyApi> = {
      agenda: () => of([event]),
      sessions: (_slug: string, period: 'upcoming' | 'past') =>
        of(period === 'upcoming' ? [session] : []),
      session: () => of(sessionDetail),
      documents: () => of([published, withdrawn]),
      document: () => of(withVersions),
      budgets: () =>
        of([
          budget('p', 'primitif', ['1000000', '800000', '500000', '700000']),
          budget('x', 'execute', ['900000', '700000', '250000', '350000']),
        ]),
      contracts: (_slug: string, filters?: ContractFilters) => {
        contractCalls.push(filters ?? {});
        return of(contracts);
      },
      documentDownloadUrl: (slug, id, versionId) =>
        `/dl/${slug}/${id}/${versionId}`,
      ocdsUrl: (slug) => `/ocds/${slug}`,
      dataPackageUrl: (slug) => `/fdp/${slug}`,
      budgetsCsvUrl: (slug) => `/csv/${slug}`,
    };
    TestBed.configureTestingModule({
      providers: [
        provideRouter([{ path: 'communes/:slug', children: communeRoutes }]),
        provideCommunesI18nTesting({
          portal: { fr, en },
          civic: { fr: civicFr, en: civicEn },
        }),
        { provide: CommunesApi, useValue: { get: () => of(commune) } },
        { provide: TransparencyApi, useValue: transparency },
        {
          provide: NewsApi,
          useValue: {
            list: () => of({ items: [], total: 0, page: 1, pageSize: 3 }),
          } satisfies Partial<NewsApi>,
        },
        {
          provide: CivicApi,
          useValue: {
            session: () => Promise.resolve(sessionDetail),
          } satisfies Partial<CivicApi>,
        },
        {
          provide: CommunePracticesApi,
          useValue: {
            latest: (slug: string) => of(practicesOf(slug)),
          } satisfies Partial<CommunePracticesApi>,
        },
        { provide: EVENT_SOURCE_FACTORY, useValue: null },
      ],
    });
    harness = await RouterTestingHarness.create();
    page = () => harness.routeNativeElement as HTMLElement;
  });

  it('presents the commune in its colours and logo, with its own text, mayor and next events', async () => {
    await harness.navigateByUrl('/communes/cotonou');

    const header = page().querySelector<HTMLElement>('.commune-header');
    expect(header?.querySelector('h1')?.textContent).toBe('Cotonou');
    expect(header?.style.backgroundColor).toBe('rgb(29, 79, 145)');
    const logo = header?.querySelector('img');
    expect(logo?.getAttribute('alt')).toBe('Logo de Cotonou');
    expect(logo?.getAttribute('width')).toBe('64');
    expect(plain(header?.textContent)).toContain('679 012 habitants');
    expect(
      Array.from(page().querySelectorAll('.prose p'), (p) => p.textContent),
    ).toEqual(['Capitale économique.', 'Première ville du pays.']);
    expect(
      Array.from(
        page().querySelectorAll('.grid .facts dt, .grid .facts dd'),
        (e) => plain(e.textContent),
      ),
    ).toEqual(['Maire', 'Luc Atrokpo', 'Courriel', 'mairie@cotonou.bj']);
    expect(plain(page().textContent)).toContain(
      'Session ordinaire du conseil communal',
    );
    expect(plain(page().querySelector('#budget-bref')?.textContent)).toBe(
      'Le budget 2025 en bref',
    );
    expect(
      Array.from(
        page().querySelectorAll('#budget-bref + dl dt, #budget-bref + dl dd'),
        (e) => plain(e.textContent),
      ),
    ).toEqual([
      'Recettes (prévu)',
      '1 500 000 FCFA',
      'Dépenses (prévu)',
      '1 500 000 FCFA',
    ]);
    const tabs = Array.from(page().querySelectorAll('nav.tabs a'), (a) => [
      plain(a.textContent),
      a.getAttribute('href'),
      a.getAttribute('aria-current'),
    ]);
    expect(tabs).toEqual([
      ['Présentation', '/communes/cotonou', 'page'],
      ['Agenda', '/communes/cotonou/agenda', null],
      ['Actualités', '/communes/cotonou/actualites', null],
      ['Sessions', '/communes/cotonou/sessions', null],
      ['Documents', '/communes/cotonou/documents', null],
      ['Budget', '/communes/cotonou/budgets', null],
      ['Marchés', '/communes/cotonou/contracts', null],
      ['Données ouvertes', '/communes/cotonou/open-data', null],
      ['Doléances', '/communes/cotonou/doleances', null],
      ['Consultations', '/communes/cotonou/consultations', null],
      ['Débats', '/communes/cotonou/debats', null],
    ]);

    // A tab is followed in the app, and becomes the current one.
    page()
      .querySelector<HTMLAnchorElement>('nav.tabs a[href$="/documents"]')
      ?.click();
    await harness.fixture.whenStable();
    expect(TestBed.inject(Router).url).toBe('/communes/cotonou/documents');
    expect(
      Array.from(page().querySelectorAll('nav.tabs a.active'), (a) =>
        a.getAttribute('aria-current') === 'page' ? plain(a.textContent) : null,
      ),
    ).toEqual(['Documents']);
  });

  it('falls back to the national look and a generic text when the commune has no branding', async () => {
    commune = { ...cotonou, branding: undefined };
    await harness.navigateByUrl('/communes/cotonou');

    const header = page().querySelector<HTMLElement>('.commune-header');
    expect(header?.style.backgroundColor).toBe('');
    expect(header?.classList).not.toContain('commune-header--branded');
    expect(header?.querySelector('img')).toBeNull();
    expect(plain(page().querySelector('.prose')?.textContent)).toContain(
      'Cotonou est une commune du département Littoral.',
    );
  });

  it('lists documents by category and year, showing a withdrawal and its reason', async () => {
    await harness.navigateByUrl('/communes/cotonou/documents');

    expect(
      Array.from(page().querySelectorAll('section h3'), (h) =>
        plain(h.textContent),
      ),
    ).toEqual(['Budget primitif', 'Compte administratif']);
    expect(
      Array.from(page().querySelectorAll('h4.year'), (h) =>
        plain(h.textContent),
      ),
    ).toEqual(['Exercice 2025', 'Exercice 2023']);
    const withdrawal = plain(page().querySelector('.withdrawn')?.textContent);
    expect(withdrawal).toBe(
      'Retiré le 1 février 2025 — Motif du retrait : Chiffres erronés, version corrigée à venir',
    );
  });

  it('shows every version of a document with its download link, size and fingerprint', async () => {
    await harness.navigateByUrl('/communes/cotonou/documents/d1');

    const versions = page().querySelectorAll('ol.items > li');
    expect(versions).toHaveLength(2);
    expect(plain(versions[0].querySelector('.item__title')?.textContent)).toBe(
      'Version 2 version en vigueur',
    );
    expect(plain(versions[0].querySelector('.item__meta')?.textContent)).toBe(
      'Publié le 20 février 2025 · 2,5 Mo · 12 pages',
    );
    const download = versions[1].querySelector('a[download]');
    expect(download?.getAttribute('href')).toBe('/dl/cotonou/d1/v1');
    expect(plain(download?.textContent)).toBe('Télécharger budget-v1.pdf');
    expect(versions[1].querySelector('code')?.textContent).toBe(
      'ab'.repeat(32),
    );
  });

  it('explains the budget: planned against executed, with rates and the words explained', async () => {
    await harness.navigateByUrl('/communes/cotonou/budgets');

    const charts = Array.from(page().querySelectorAll('figure'), (f) =>
      Array.from(f.querySelectorAll('figcaption, dt, .amount, .rate'), (e) =>
        plain(e.textContent),
      ).join(' | '),
    );
    expect(charts[0]).toBe(
      'Recettes · Fonctionnement | Prévu (budget primitif) | 1 000 000 FCFA | Réalisé (compte administratif) | 900 000 FCFA | 90 % réalisé',
    );
    expect(charts).toHaveLength(4);
    const bars = page().querySelectorAll<HTMLElement>('figure .bar');
    expect(bars[0].style.width).toBe('100%');
    expect(bars[0].getAttribute('aria-hidden')).toBe('true');
    const glossary = plain(page().querySelector('.glossary')?.textContent);
    expect(glossary).toContain('Le budget primitif est le budget voté');
    expect(glossary).toContain('Le compte administratif');
  });

  it('lists contracts in a table and puts the filters in the URL', async () => {
    await harness.navigateByUrl('/communes/cotonou/contracts');

    const row = Array.from(page().querySelectorAll('tbody tr td'), (td) =>
      plain(td.textContent),
    );
    expect(row).toEqual([
      'M-2025-001',
      "Construction de 3 salles de classe Travaux · Appel d'offres ouvert",
      'BTP Bénin SARL',
      '45 000 000 FCFA',
      '15 mars 2025',
      'En cours',
    ]);
    expect(page().querySelector('a[download]')?.getAttribute('href')).toBe(
      '/ocds/cotonou',
    );

    const awardee = page().querySelector<HTMLInputElement>('#m-attributaire');
    if (awardee) {
      awardee.value = 'BTP';
    }
    const year = page().querySelector<HTMLSelectElement>('#m-annee');
    if (year) {
      year.value = String(new Date().getFullYear());
    }
    page()
      .querySelector<HTMLFormElement>('form.filters')
      ?.dispatchEvent(new Event('submit'));
    await harness.fixture.whenStable();

    expect(TestBed.inject(Router).url).toBe(
      `/communes/cotonou/contracts?annee=${new Date().getFullYear()}&attributaire=BTP&tri=-awardDate`,
    );
    expect(contractCalls.at(-1)).toMatchObject({
      awardee: 'BTP',
      year: new Date().getFullYear(),
      page: 1,
    });
  });

  it('links the open data files', async () => {
    await harness.navigateByUrl('/communes/cotonou/open-data');

    expect(
      Array.from(page().querySelectorAll('a[download]'), (a) =>
        a.getAttribute('href'),
      ),
    ).toEqual(['/ocds/cotonou', '/fdp/cotonou', '/csv/cotonou']);
  });

  it('shows a commune not yet on Communes+ without its sections', async () => {
    commune = { ...cotonou, status: 'not_onboarded', branding: null };
    await harness.navigateByUrl('/communes/cotonou');

    expect(plain(page().querySelector('.cp-notice')?.textContent)).toBe(
      "Cette commune n'a pas encore rejoint Communes+ : elle ne publie pas encore ses informations ici.",
    );
    expect(page().querySelector('nav.tabs')).toBeNull();
  });

  it("lists the commune's good practices published by ANCB on the overview, linking to each and to the library; no section without any", async () => {
    practicesOf = () => ({
      items: [
        { id: 'p1', title: 'Budget participatif dans les 13 arrondissements' },
        { id: 'p2', title: "Registre d'état civil numérisé" },
      ],
      total: 5,
    });
    await harness.navigateByUrl('/communes/cotonou');
    const block = page().querySelector(
      '#bonnes-pratiques-titre',
    )?.parentElement;
    expect(
      plain(page().querySelector('#bonnes-pratiques-titre')?.textContent),
    ).toBe("Bonnes pratiques reconnues par l'ANCB");
    const links = Array.from(block?.querySelectorAll('a') ?? []);
    expect(
      links.map((a) => [plain(a.textContent), a.getAttribute('href')]),
    ).toEqual([
      [
        'Budget participatif dans les 13 arrondissements',
        '/bonnes-pratiques/p1',
      ],
      ["Registre d'état civil numérisé", '/bonnes-pratiques/p2'],
      [
        'Ses 5 bonnes pratiques dans la bibliothèque nationale',
        '/bonnes-pratiques?commune=cotonou',
      ],
    ]);

    practicesOf = () => ({ items: [], total: 0 });
    await harness.navigateByUrl('/communes/abomey-calavi');
    expect(page().querySelector('#bonnes-pratiques-titre')).toBeNull();
  });

  it('says on the overview when the last council and accountability sessions took place, with the way to them', async () => {
    commune = {
      ...cotonou,
      sessions: {
        lastCouncilSessionAt: '2026-10-15T12:00:00Z',
        lastAccountabilitySessionAt: null,
      },
    };
    await harness.navigateByUrl('/communes/cotonou');
    const block = page().querySelector('#sessions-bref')?.parentElement;
    expect(
      Array.from(block?.querySelectorAll('dt, dd') ?? [], (e) =>
        plain(e.textContent),
      ),
    ).toEqual([
      'Dernière session du conseil',
      '15 octobre 2026',
      'Dernière reddition de comptes',
      'Aucune publiée',
    ]);
    expect(block?.querySelector('a')?.getAttribute('href')).toBe(
      '/communes/cotonou/sessions',
    );
  });

  it('lists council sessions, live ones marked, and opens one with its agenda and minutes', async () => {
    await harness.navigateByUrl('/communes/cotonou/sessions');
    expect(
      Array.from(page().querySelectorAll('.last-held li'), (li) =>
        plain(li.textContent),
      ),
    ).toEqual([
      'Dernière session du conseil : aucune publiée',
      'Dernière reddition de comptes : aucune publiée',
    ]);

    const item = page().querySelector('.items li.cp-card');
    expect(plain(item?.querySelector('.item__title')?.textContent)).toBe(
      'Première session ordinaire 2030, En direct',
    );
    expect(plain(item?.textContent)).toContain(
      'Session du conseil communal ordinaire',
    );
    expect(plain(item?.textContent)).toContain('3 questions de citoyens');
    expect(plain(page().textContent)).toContain(
      'Aucune session passée publiée.',
    );

    await harness.navigateByUrl('/communes/cotonou/sessions/s1');
    await harness.fixture.whenStable();
    expect(page().querySelector('h2')?.textContent).toBe(
      'Première session ordinaire 2030',
    );
    expect(
      page().querySelector('a[target="_blank"]')?.getAttribute('href'),
    ).toBe('https://www.youtube.com/watch?v=abc');
    expect(
      Array.from(page().querySelectorAll('a[lang="fr"]'), (a) => [
        a.textContent,
        a.getAttribute('href'),
      ]),
    ).toEqual([
      ['Compte administratif 2029', '/communes/cotonou/documents/d2'],
      ['Procès-verbal de la session', '/communes/cotonou/documents/d9'],
    ]);
  });
});

describe('tabOf', () => {
  it("gives the tab of a commune page's URL, the overview for the commune itself", () => {
    expect(tabOf('/communes/cotonou')).toBe('.');
    expect(tabOf('/communes/cotonou?x=1#y')).toBe('.');
    expect(tabOf('/communes/cotonou/documents')).toBe('documents');
    expect(tabOf('/communes/cotonou/documents/42?onglet=versions')).toBe(
      'documents',
    );
    expect(tabOf('/communes/cotonou/budgets/')).toBe('budgets');
  });
});
