import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { CommuneList } from '@communes/shared-contracts';
import { CommunesApi } from '@communes/web-data-access';
import { provideCommunesI18nTesting } from '@communes/web-ui';
import { of } from 'rxjs';
import en from './i18n/en.json';
import fr from './i18n/fr.json';
import { portalRoutes } from './portal.routes';

const emptyList: CommuneList = { items: [], total: 0 };

describe('portalRoutes', () => {
  let harness: RouterTestingHarness;

  beforeEach(async () => {
    const api: Pick<CommunesApi, 'list'> = { list: () => of(emptyList) };
    TestBed.configureTestingModule({
      providers: [
        provideRouter(portalRoutes),
        { provide: CommunesApi, useValue: api },
        provideCommunesI18nTesting({ portal: { fr, en } }),
      ],
    });
    harness = await RouterTestingHarness.create();
  });

  it('shows the directory at the root', async () => {
    await harness.navigateByUrl('/');

    expect(harness.routeNativeElement?.querySelector('h1')?.textContent).toBe(
      'Annuaire des communes',
    );
    expect(document.title).toBe('Annuaire des communes · Communes+');
  });

  it('answers an unknown address with a not-found page linking back to the directory', async () => {
    await harness.navigateByUrl('/nulle-part');

    const page = harness.routeNativeElement;
    expect(page?.querySelector('h1')?.textContent).toBe('Page introuvable');
    expect(page?.querySelector('a')?.getAttribute('href')).toBe('/');
    expect(page?.querySelector('a')?.textContent).toBe("Retour à l'accueil");
    expect(document.title).toBe('Page introuvable · Communes+');
  });
});
