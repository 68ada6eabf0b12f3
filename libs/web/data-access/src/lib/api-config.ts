import { inject, InjectionToken } from '@angular/core';
import { ApiConfiguration } from '@communes/web-api-client';

/**
 * Where the REST API lives: the root that the OpenAPI paths (`/api/v1/...`) are appended to.
 * Empty by default (same origin: the API serves the web app, so no CORS and no per-environment
 * build), taken from the generated client's `ApiConfiguration`, so that either
 * `provideApiConfiguration('https://api.example.bj')` or this token moves every call.
 */
export const API_BASE_URL = new InjectionToken<string>('API_BASE_URL', {
  providedIn: 'root',
  factory: () => inject(ApiConfiguration).rootUrl,
});
