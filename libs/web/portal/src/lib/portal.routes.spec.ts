import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { CommuneList } from '@communes/shared-contracts';
import { CommunesApi } from '@communes/web-data-access';
import { of } from 'rxjs';
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
    expect(document.title).toBe('Page introuvable · Communes+');
  });
});
