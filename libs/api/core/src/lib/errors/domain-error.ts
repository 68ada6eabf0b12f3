/**
 * An error a service throws on purpose: it carries the HTTP status and a stable code, and the
 * global filter turns it into `application/problem+json`. Messages are for the person using the
 * product, so they say what is wrong and, where useful, what to do.
 */
export class DomainError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class NotFoundError extends DomainError {
  constructor(code: string, message: string) {
    super(404, code, message);
  }
}

export class ConflictError extends DomainError {
  constructor(code: string, message: string) {
    super(409, code, message);
  }
}

export class ForbiddenActionError extends DomainError {
  constructor(message = 'You are not allowed to do this.') {
    super(403, 'auth.forbidden', message);
  }
}

export class UnauthenticatedError extends DomainError {
  constructor(code = 'auth.unauthenticated', message = 'Log in to do this.') {
    super(401, code, message);
  }
}

export class UnprocessableError extends DomainError {
  constructor(code: string, message: string) {
    super(422, code, message);
  }
}
