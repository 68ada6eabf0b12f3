import { ComponentFixture, TestBed } from '@angular/core/testing';
import type {
  CommuneList,
  CommuneStatus,
  CommuneSummary,
} from '@communes/shared-contracts';
import {
  ApiError,
  type CommuneFilters,
  CommunesApi,
} from '@communes/web-data-access';
import { provideCommunesI18nTesting } from '@communes/web-ui';
import { provideRouter } from '@angular/router';
import { Observable, of, Subject, throwError } from 'rxjs';
import en from '../i18n/en.json';
import fr from '../i18n/fr.json';
import { CommuneDirectoryPage } from './commune-directory-page';

function commune(
  name: string,
  department: string,
  status: CommuneStatus = 'not_onboarded',
  isPilot = false,
): CommuneSummary {
  const slug = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-');
  return {
    id: `id-${slug}`,
    slug,
    name,
    department,
    country: 'BJ',
    status,
    isPilot,
  };
}

/** Deliberately out of order, to check the sorting. */
const communes: CommuneSummary[] = [
  commune('Porto-Novo', 'Ouémé', 'onboarding'),
  commune('Cotonou', 'Littoral', 'active', true),
  commune('Allada', 'Atlantique'),
  commune('Akpro-Missérété', 'Ouémé', 'active', true),
  commune('Kandi', 'Alibori', 'suspended'),
  commune('Abomey-Calavi', 'Atlantique', 'active', true),
  commune('Banikoara', 'Alibori'),
];

function listOf(items: CommuneSummary[]): CommuneList {
  return { items, total: items.length };
}

/** Stands in for the HTTP service; each call answers with `respond`, calls are recorded. */
class FakeCommunesApi implements Pick<CommunesApi, 'list'> {
  readonly calls: CommuneFilters[] = [];
  respond: () => Observable<CommuneList> = () => of(listOf(communes));

  list(filters: CommuneFilters = {}): Observable<CommuneList> {
    this.calls.push(filters);
    return this.respond();
  }
}

describe('CommuneDirectoryPage', () => {
  let api: FakeCommunesApi;
  let fixture: ComponentFixture<CommuneDirectoryPage>;
  let page: HTMLElement;

  async function render(): Promise<void> {
    TestBed.configureTestingModule({
      imports: [CommuneDirectoryPage],
      providers: [
        { provide: CommunesApi, useValue: api },
        provideRouter([]),
        provideCommunesI18nTesting({ portal: { fr, en } }),
      ],
    });
    fixture = TestBed.createComponent(CommuneDirectoryPage);
    page = fixture.nativeElement;
    await fixture.whenStable();
  }

  function text(selector: string): string {
    return (
      page.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim() ??
      ''
    );
  }

  function texts(selector: string): string[] {
    return Array.from(page.querySelectorAll(selector), (el) =>
      (el.textContent ?? '').replace(/\s+/g, ' ').trim(),
    );
  }

  async function choose(label: string, value: string): Promise<void> {
    const labelElement = Array.from(page.querySelectorAll('label')).find(
      (l) => l.textContent?.trim() === label,
    );
    const select = page.querySelector<HTMLSelectElement>(
      `#${labelElement?.htmlFor}`,
    );
    if (!select) {
      throw new Error(`No select labelled "${label}"`);
    }
    select.value = value;
    select.dispatchEvent(new Event('change'));
    await fixture.whenStable();
  }

  beforeEach(() => {
    api = new FakeCommunesApi();
  });

  it('groups the communes by department, in alphabetical order', async () => {
    await render();

    expect(api.calls).toEqual([{}]);
    expect(text('h1')).toBe('Annuaire des communes');
    expect(texts('section h2')).toEqual([
      'Alibori 2 communes',
      'Atlantique 2 communes',
      'Littoral 1 commune',
      'Ouémé 2 communes',
    ]);
    expect(texts('.commune__name')).toEqual([
      'Banikoara',
      'Kandi',
      'Abomey-Calavi',
      'Allada',
      'Cotonou',
      'Akpro-Missérété',
      'Porto-Novo',
    ]);
    const sections = page.querySelectorAll('section');
    expect(sections[1].getAttribute('aria-labelledby')).toBe(
      sections[1].querySelector('h2')?.id,
    );
  });

  it('shows each status in French words and marks the pilot communes', async () => {
    await render();

    // Read as one sentence by a screen reader: the badges' colours only repeat the words.
    expect(texts('.commune')).toEqual([
      'Banikoara, statut : Pas encore intégrée',
      'Kandi, statut : Suspendue',
      'Abomey-Calavi, statut : Active, Commune pilote',
      'Allada, statut : Pas encore intégrée',
      'Cotonou, statut : Active, Commune pilote',
      'Akpro-Missérété, statut : Active, Commune pilote',
      "Porto-Novo, statut : En cours d'intégration",
    ]);
  });

  it('counts the communes', async () => {
    const all = Array.from({ length: 77 }, (_, i) =>
      commune(`Commune ${i + 1}`, `Département ${(i % 12) + 1}`),
    );
    api.respond = () => of(listOf(all));
    await render();

    expect(text('[role="status"]')).toBe('77 communes');
    expect(page.querySelectorAll('section')).toHaveLength(12);
    expect(page.querySelectorAll('.commune')).toHaveLength(77);
  });

  it('shows a loading message until the list arrives', async () => {
    const response = new Subject<CommuneList>();
    api.respond = () => response;
    TestBed.configureTestingModule({
      imports: [CommuneDirectoryPage],
      providers: [
        { provide: CommunesApi, useValue: api },
        provideRouter([]),
        provideCommunesI18nTesting({ portal: { fr, en } }),
      ],
    });
    fixture = TestBed.createComponent(CommuneDirectoryPage);
    page = fixture.nativeElement;
    fixture.detectChanges();

    expect(text('[role="status"]')).toBe('Chargement des communes…');
    expect(page.querySelector('section')).toBeNull();

    response.next(listOf(communes));
    response.complete();
    await fixture.whenStable();

    expect(text('[role="status"]')).toBe('7 communes');
  });

  it('filters by department with a labelled select', async () => {
    await render();

    const options = texts('#filtre-departement option');
    expect(options).toEqual([
      'Tous les départements',
      'Alibori',
      'Atlantique',
      'Littoral',
      'Ouémé',
    ]);

    await choose('Département', 'Ouémé');

    expect(texts('section h2')).toEqual(['Ouémé 2 communes']);
    expect(text('[role="status"]')).toBe('2 communes sur 7');
    expect(api.calls).toHaveLength(1);
  });

  it('filters by status, combined with the department', async () => {
    await render();

    expect(texts('#filtre-statut option')).toEqual([
      'Tous les statuts',
      'Pas encore intégrée',
      "En cours d'intégration",
      'Active',
      'Suspendue',
    ]);

    await choose('Statut sur Communes+', 'active');
    expect(texts('.commune__name')).toEqual([
      'Abomey-Calavi',
      'Cotonou',
      'Akpro-Missérété',
    ]);
    expect(text('[role="status"]')).toBe('3 communes sur 7');

    await choose('Département', 'Littoral');
    expect(texts('.commune__name')).toEqual(['Cotonou']);
    expect(text('[role="status"]')).toBe('1 commune sur 7');
  });

  it('says when no commune matches and resets the filters', async () => {
    await render();

    await choose('Département', 'Alibori');
    await choose('Statut sur Communes+', 'onboarding');

    expect(page.querySelector('section')).toBeNull();
    expect(text('.notice')).toContain(
      'Aucune commune ne correspond à ces filtres.',
    );
    expect(text('[role="status"]')).toBe('0 commune sur 7');

    page.querySelector<HTMLButtonElement>('.notice button')?.click();
    await fixture.whenStable();

    expect(page.querySelectorAll('.commune')).toHaveLength(7);
    expect(
      page.querySelector<HTMLSelectElement>('#filtre-departement')?.value,
    ).toBe('');
    expect(page.querySelector<HTMLSelectElement>('#filtre-statut')?.value).toBe(
      '',
    );
  });

  it('explains a failure in French and retries on demand', async () => {
    api.respond = () =>
      throwError(
        () =>
          new ApiError(
            503,
            'Base de données indisponible.',
            'service.unavailable',
            'req-42',
          ),
      );
    await render();

    const alert = page.querySelector('[role="alert"]');
    expect(alert).not.toBeNull();
    expect(text('[role="alert"] h2')).toBe(
      "Impossible d'afficher les communes",
    );
    expect(text('[role="alert"]')).toContain(
      'Le service rencontre un problème passager.',
    );
    // The server's detail and request id stay one click away, for support.
    expect(text('[role="alert"] details summary')).toBe('Détails techniques');
    expect(text('[role="alert"] details')).toContain(
      'Base de données indisponible.',
    );
    expect(text('[role="alert"] details')).toContain(
      'Référence à communiquer au support : req-42',
    );
    expect(page.querySelector('section')).toBeNull();

    api.respond = () => of(listOf(communes));
    const retry = page.querySelector<HTMLButtonElement>(
      '[role="alert"] button',
    );
    expect(retry?.textContent?.trim()).toBe('Réessayer');
    retry?.click();
    await fixture.whenStable();

    expect(api.calls).toHaveLength(2);
    expect(page.querySelector('[role="alert"]')).toBeNull();
    expect(page.querySelectorAll('.commune')).toHaveLength(7);
  });

  it('tells the visitor to check the connection when the server cannot be reached', async () => {
    api.respond = () => throwError(() => new ApiError(0, null, null, null));
    await render();

    expect(text('[role="alert"]')).toContain(
      'Vérifiez votre connexion Internet',
    );
    expect(page.querySelector('[role="alert"] details')).toBeNull();
  });
});
