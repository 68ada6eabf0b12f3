import { provideHttpClient, withFetch } from '@angular/common/http';
import {
  HttpTestingController,
  provideHttpClientTesting,
} from '@angular/common/http/testing';
import type { Provider } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import type { CommuneList } from '@communes/shared-contracts';
import { provideApiConfiguration } from '@communes/web-api-client';
import { firstValueFrom } from 'rxjs';
import { API_BASE_URL } from './api-config';
import { ApiError } from './api-error';
import { CommunesApi } from './communes-api';

const list: CommuneList = {
  items: [
    {
      id: '0b6f3c1e-8a51-4d7e-9a43-0c8d1c6f2a01',
      slug: 'cotonou',
      name: 'Cotonou',
      department: 'Littoral',
      country: 'BJ',
      status: 'active',
      isPilot: true,
    },
  ],
  total: 1,
};

describe('CommunesApi', () => {
  let api: CommunesApi;
  let http: HttpTestingController;

  function setUp(baseUrl?: string, providers: Provider[] = []): void {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withFetch()),
        provideHttpClientTesting(),
        ...(baseUrl === undefined
          ? []
          : [{ provide: API_BASE_URL, useValue: baseUrl }]),
        ...providers,
      ],
    });
    api = TestBed.inject(CommunesApi);
    http = TestBed.inject(HttpTestingController);
  }

  afterEach(() => http.verify());

  it('gets the whole directory from the same-origin API by default', async () => {
    setUp();
    const result = firstValueFrom(api.list());

    const request = http.expectOne('/api/v1/communes');
    expect(request.request.method).toBe('GET');
    expect(request.request.params.keys()).toEqual([]);
    expect(request.request.responseType).toBe('json');
    expect(request.request.headers.get('Accept')).toBe('application/json');
    request.flush(list);

    await expect(result).resolves.toEqual(list);
  });

  it('sends the department and status filters as query parameters', async () => {
    setUp();
    const result = firstValueFrom(
      api.list({ department: 'Ouémé', status: 'onboarding' }),
    );

    const request = http.expectOne((r) => r.url === '/api/v1/communes');
    expect(request.request.params.get('department')).toBe('Ouémé');
    expect(request.request.params.get('status')).toBe('onboarding');
    expect(request.request.urlWithParams).toBe(
      '/api/v1/communes?department=Ou%C3%A9m%C3%A9&status=onboarding',
    );
    request.flush(list);

    await expect(result).resolves.toEqual(list);
  });

  it('leaves out empty filters', () => {
    setUp();
    api.list({ department: '' }).subscribe();

    const request = http.expectOne('/api/v1/communes');
    expect(request.request.params.has('department')).toBe(false);
    request.flush(list);
  });

  it('uses the configured base URL', () => {
    setUp('https://api.example.bj');
    api.list().subscribe();

    http.expectOne('https://api.example.bj/api/v1/communes').flush(list);
  });

  it('follows the generated client configuration', () => {
    setUp(undefined, [provideApiConfiguration('https://api.example.bj')]);
    api.list().subscribe();

    http.expectOne('https://api.example.bj/api/v1/communes').flush(list);
  });

  it('fails with an ApiError carrying the problem details', async () => {
    setUp();
    const result = firstValueFrom(api.list({ department: 'Nowhere' }));

    http
      .expectOne((r) => r.url === '/api/v1/communes')
      .flush(
        {
          type: 'about:blank',
          title: 'Bad Request',
          status: 400,
          detail: 'Le département « Nowhere » est inconnu.',
          code: 'validation.failed',
          requestId: 'req-123',
        },
        {
          status: 400,
          statusText: 'Bad Request',
          headers: { 'content-type': 'application/problem+json' },
        },
      );

    const error = await result.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 400,
      detail: 'Le département « Nowhere » est inconnu.',
      code: 'validation.failed',
      requestId: 'req-123',
      isNetworkError: false,
    });
  });

  it('falls back to the x-request-id header when the body is not problem details', async () => {
    setUp();
    const result = firstValueFrom(api.list());

    http.expectOne('/api/v1/communes').flush('Bad gateway', {
      status: 502,
      statusText: 'Bad Gateway',
      headers: { 'x-request-id': 'req-456' },
    });

    const error = await result.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 502,
      detail: null,
      code: null,
      requestId: 'req-456',
    });
  });

  it('reports a network failure as status 0', async () => {
    setUp();
    const result = firstValueFrom(api.list());

    http.expectOne('/api/v1/communes').error(new ProgressEvent('error'));

    const error = await result.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 0, isNetworkError: true });
  });
});
