import { HttpErrorResponse, HttpHeaders } from '@angular/common/http';
import { toApiError } from './api-error';

describe('toApiError', () => {
  it('reads problem details sent as text', () => {
    const error = toApiError(
      new HttpErrorResponse({
        status: 503,
        error: JSON.stringify({
          detail: 'Maintenance en cours.',
          code: 'service.unavailable',
        }),
        headers: new HttpHeaders({ 'x-request-id': 'req-789' }),
      }),
    );

    expect(error).toMatchObject({
      status: 503,
      detail: 'Maintenance en cours.',
      code: 'service.unavailable',
      requestId: 'req-789',
      message: 'Maintenance en cours.',
    });
  });

  it('ignores a body that is not problem details', () => {
    const error = toApiError(
      new HttpErrorResponse({ status: 500, error: { detail: 42 } }),
    );

    expect(error).toMatchObject({
      status: 500,
      detail: null,
      code: null,
      requestId: null,
    });
    expect(error.message).toBe('API request failed with status 500');
  });
});
