import { InjectionToken } from '@angular/core';

/**
 * Where the REST API lives. Relative by default: the API serves the web app on the same origin,
 * so no CORS and no per-environment build.
 */
export const API_BASE_URL = new InjectionToken<string>('API_BASE_URL', {
  providedIn: 'root',
  factory: () => '/api/v1',
});
