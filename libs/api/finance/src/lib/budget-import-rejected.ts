import { ArgumentsHost, Catch, ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, PROBLEM_CONTENT_TYPE, toProblem } from '@communes/api-core';
import type { ImportError } from '@communes/api-imports';

/**
 * 422: the file cannot be read, or the preview has errors. The problem details carry the
 * line-by-line report (`importErrors`) so that the person can fix the file in one go.
 */
export class BudgetImportRejectedError extends DomainError {
  constructor(
    code: 'budget-import.unreadable' | 'budget-import.has-errors',
    message: string,
    readonly importErrors: readonly ImportError[],
  ) {
    super(422, code, message);
  }
}

/** Adds `importErrors` to the usual problem+json (RFC 9457 extension member). */
@Catch(BudgetImportRejectedError)
export class BudgetImportRejectedFilter implements ExceptionFilter {
  catch(error: BudgetImportRejectedError, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const problem = { ...toProblem(error, String(request.id), request.url), importErrors: error.importErrors };
    void reply.status(problem.status).header('content-type', PROBLEM_CONTENT_TYPE).send(problem);
  }
}

/** "ligne 12 (Montant) : Montant manquant" — how an error reads in a sentence. */
export function describeImportError(error: ImportError): string {
  const where = error.line === 0 ? 'fichier' : `ligne ${error.line}`;
  return `${where}${error.column ? ` (${error.column})` : ''} : ${error.message}`;
}
