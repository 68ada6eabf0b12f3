import { HttpErrorResponse } from '@angular/common/http';
import { toApiError } from '@communes/web-data-access';
import { importProblemsOf } from './console-api';

describe('importProblemsOf', () => {
  it('reads the line-by-line problems of a file that cannot be imported (422 importErrors)', () => {
    const error = toApiError(
      new HttpErrorResponse({
        status: 422,
        error: { status: 422, detail: 'Fichier illisible', importErrors: [{ line: 1, column: null, message: 'En-tête manquant : montant' }] },
      }),
    );
    expect(importProblemsOf(error)).toEqual([{ line: 1, column: null, message: 'En-tête manquant : montant' }]);
  });

  it('finds nothing in other failures', () => {
    expect(importProblemsOf(new Error('boom'))).toEqual([]);
    expect(importProblemsOf(toApiError(new HttpErrorResponse({ status: 500, error: 'oops' })))).toEqual([]);
  });
});
