import { provideHttpClient, withFetch } from '@angular/common/http';
import {
  HttpTestingController,
  provideHttpClientTesting,
} from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';
import { ApiError } from './api-error';
import { CommunesApi } from './communes-api';
import { SearchApi } from './search-api';
import { TransparencyApi } from './transparency-api';

describe('public read APIs', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(withFetch()), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('searches with repeated facet parameters and leaves empty filters out', async () => {
    const result = firstValueFrom(
      TestBed.inject(SearchApi).search({
        q: '  école ',
        commune: ['cotonou', 'abomey-calavi'],
        department: [],
        kind: ['contract'],
        fiscalYear: [2025],
        amountMin: '',
        amountMax: '5000000',
        sort: 'amount',
        order: 'desc',
        page: 2,
      }),
    );

    const request = http.expectOne((r) => r.url === '/api/v1/search');
    expect(request.request.urlWithParams).toBe(
      '/api/v1/search?q=%C3%A9cole&commune=cotonou&commune=abomey-calavi&kind=contract&fiscalYear=2025&amountMax=5000000&sort=amount&order=desc&page=2',
    );
    const body = {
      exhaustive: true,
      hits: [],
      total: 0,
      page: 2,
      pageSize: 20,
      facets: {
        communes: [],
        departments: [],
        kinds: [],
        categories: [],
        fiscalYears: [],
      },
    };
    request.flush(body);
    await expect(result).resolves.toEqual(body);
  });

  it('reads one commune with its branding, and fails with an ApiError on 404', async () => {
    const api = TestBed.inject(CommunesApi);
    const found = firstValueFrom(api.get('cotonou'));
    http
      .expectOne('/api/v1/communes/cotonou')
      .flush({ slug: 'cotonou', branding: { primaryColor: '#123456' } });
    await expect(found).resolves.toMatchObject({
      branding: { primaryColor: '#123456' },
    });

    const missing = firstValueFrom(api.get('nulle-part'));
    http.expectOne('/api/v1/communes/nulle-part').flush(
      {
        status: 404,
        detail: 'Commune introuvable.',
        code: 'commune.not-found',
      },
      { status: 404, statusText: 'Not Found' },
    );
    await expect(missing).rejects.toBeInstanceOf(ApiError);
  });

  it('lists a commune’s agenda, documents, budgets and contracts with their filters', async () => {
    const api = TestBed.inject(TransparencyApi);

    void firstValueFrom(
      api.agenda('cotonou', { from: '2025-01-01T00:00:00.000Z' }),
    );
    expect(
      http.expectOne((r) => r.url === '/api/v1/communes/cotonou/agenda').request
        .urlWithParams,
    ).toBe('/api/v1/communes/cotonou/agenda?from=2025-01-01T00%3A00%3A00.000Z');

    void firstValueFrom(api.documents('cotonou', { fiscalYear: 2025 }));
    expect(
      http.expectOne((r) => r.url === '/api/v1/communes/cotonou/documents')
        .request.urlWithParams,
    ).toBe('/api/v1/communes/cotonou/documents?fiscalYear=2025');

    void firstValueFrom(api.sessions('cotonou', 'past'));
    expect(
      http.expectOne(
        (r) => r.url === '/api/v1/communes/cotonou/council-sessions',
      ).request.urlWithParams,
    ).toBe('/api/v1/communes/cotonou/council-sessions?period=past');

    void firstValueFrom(api.budgets('cotonou'));
    http.expectOne('/api/v1/communes/cotonou/budgets');

    void firstValueFrom(
      api.contracts('cotonou', {
        awardee: 'BTP',
        year: 2025,
        category: undefined,
        sort: '-amount',
      }),
    );
    expect(
      http.expectOne((r) => r.url === '/api/v1/communes/cotonou/contracts')
        .request.urlWithParams,
    ).toBe(
      '/api/v1/communes/cotonou/contracts?year=2025&awardee=BTP&sort=-amount',
    );
  });

  it('builds the download and open data links from the generated paths', () => {
    const api = TestBed.inject(TransparencyApi);

    expect(api.documentDownloadUrl('cotonou', 'd 1', 'v1')).toBe(
      '/api/v1/communes/cotonou/documents/d%201/versions/v1/download',
    );
    expect(api.ocdsUrl('cotonou')).toBe(
      '/api/v1/communes/cotonou/contracts.ocds.json',
    );
    expect(api.nationalOcdsUrl()).toBe('/api/v1/contracts.ocds.json');
    expect(api.dataPackageUrl('cotonou')).toBe(
      '/api/v1/communes/cotonou/budgets/datapackage.json',
    );
    expect(api.budgetsCsvUrl('cotonou')).toBe(
      '/api/v1/communes/cotonou/budgets/budgets.csv',
    );
  });
});
