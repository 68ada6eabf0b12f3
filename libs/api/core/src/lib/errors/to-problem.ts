import { HttpException, Logger } from '@nestjs/common';
import type { ProblemDetails } from '@communes/shared-contracts';
import { DomainError } from './domain-error';
import { buildProblem } from './problem-details';
import { ValidationFailedError } from './validation-failed.error';

const logger = new Logger('Errors');

const CODES_BY_STATUS: Record<number, string> = {
  400: 'request.invalid',
  401: 'auth.unauthenticated',
  403: 'auth.forbidden',
  404: 'resource.not-found',
  405: 'request.method-not-allowed',
  406: 'request.not-acceptable',
  409: 'resource.conflict',
  413: 'request.too-large',
  415: 'request.unsupported-media-type',
  422: 'request.unprocessable',
  429: 'rate-limit.exceeded',
};

/** Messages for Fastify's own errors (raised before Nest sees the request). */
const FASTIFY_ERRORS: Record<string, { status: number; code: string; detail: string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, code: 'request.malformed-json', detail: 'The request body is not valid JSON.' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: 'request.malformed-json', detail: 'The request body is empty but its content type says JSON.' },
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: 'request.too-large', detail: 'The request body is too large.' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { status: 415, code: 'request.unsupported-media-type', detail: 'This content type is not accepted here; send application/json.' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { status: 400, code: 'request.invalid', detail: 'The Content-Length header does not match the body.' },
};

/** PostgreSQL errors that mean the input was wrong, as a safety net behind service checks. */
const POSTGRES_ERRORS: Record<string, { status: number; code: string; detail: string }> = {
  '23505': { status: 409, code: 'resource.conflict', detail: 'This already exists.' },
  '22P02': { status: 400, code: 'request.invalid', detail: 'A value has the wrong format.' },
  '22001': { status: 400, code: 'request.invalid', detail: 'A value is too long.' },
  '23514': { status: 400, code: 'request.invalid', detail: 'A value is not allowed.' },
  '42501': { status: 403, code: 'auth.forbidden', detail: 'You are not allowed to do this.' },
  // statement_timeout: a query too broad for the time allowed (e.g. a search matching everything).
  '57014': { status: 503, code: 'service.too-slow', detail: 'This request took too long. Narrow it (a filter, more precise words) and try again.' },
};

interface ErrorWithCode {
  code?: unknown;
  statusCode?: unknown;
  message?: unknown;
}

/**
 * Turns anything thrown while serving a request into problem details. Unknown errors become a
 * 500 whose detail reveals nothing; the log line carries the request id to find it.
 */
export function toProblem(error: unknown, requestId: string, instance?: string): ProblemDetails {
  if (error instanceof ValidationFailedError) {
    return buildProblem({ status: 400, code: error.code, detail: error.message, requestId, instance, errors: error.fields });
  }
  if (error instanceof DomainError) {
    return buildProblem({ status: error.status, code: error.code, detail: error.message, requestId, instance });
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    // Nest hands Fastify's body-parser errors over as plain HttpExceptions.
    if (status === 400 && /JSON/.test(httpExceptionDetail(error))) {
      return buildProblem({ status, code: 'request.malformed-json', detail: 'The request body is not valid JSON.', requestId, instance });
    }
    if (status === 503) {
      return buildProblem({ status, code: 'service.unavailable', detail: httpExceptionDetail(error), requestId, instance });
    }
    if (status < 500) {
      return buildProblem({
        status,
        code: CODES_BY_STATUS[status] ?? 'request.invalid',
        detail: httpExceptionDetail(error),
        requestId,
        instance,
      });
    }
  }
  if (isCaslForbidden(error)) {
    return buildProblem({ status: 403, code: 'auth.forbidden', detail: 'You are not allowed to do this.', requestId, instance });
  }
  if (error instanceof Error && error.name === 'SyntaxError' && (error as ErrorWithCode).statusCode === 400) {
    return buildProblem({ status: 400, code: 'request.malformed-json', detail: 'The request body is not valid JSON.', requestId, instance });
  }
  const candidate = (typeof error === 'object' && error !== null ? error : {}) as ErrorWithCode;
  const fastify = typeof candidate.code === 'string' ? FASTIFY_ERRORS[candidate.code] : undefined;
  if (fastify) return buildProblem({ ...fastify, requestId, instance });
  const postgres = typeof candidate.code === 'string' ? POSTGRES_ERRORS[candidate.code] : undefined;
  if (postgres) return buildProblem({ ...postgres, requestId, instance });
  if (typeof candidate.statusCode === 'number' && candidate.statusCode >= 400 && candidate.statusCode < 500) {
    return buildProblem({
      status: candidate.statusCode,
      code: CODES_BY_STATUS[candidate.statusCode] ?? 'request.invalid',
      detail: typeof candidate.message === 'string' ? candidate.message : 'The request is not valid.',
      requestId,
      instance,
    });
  }
  logger.error(`Unhandled error (request ${requestId})`, error instanceof Error ? error.stack : String(error));
  return buildProblem({
    status: 500,
    code: 'internal',
    detail: `Something went wrong on our side. Quote this reference if you contact support: ${requestId}.`,
    requestId,
    instance,
  });
}

function httpExceptionDetail(error: HttpException): string {
  const response = error.getResponse();
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  if (Array.isArray(message)) return message.join('; ');
  if (typeof message === 'string') return message;
  return error.message;
}

function isCaslForbidden(error: unknown): boolean {
  return error instanceof Error && error.name === 'ForbiddenError' && 'ability' in error;
}
