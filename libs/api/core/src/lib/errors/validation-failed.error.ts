import type { ValidationError } from 'class-validator';
import { DomainError } from './domain-error';

export interface FieldProblem {
  field: string;
  messages: string[];
}

/** Thrown by the global ValidationPipe: one entry per invalid field, nested fields dotted. */
export class ValidationFailedError extends DomainError {
  constructor(readonly fields: FieldProblem[]) {
    super(400, 'validation.failed', describe(fields));
  }

  static fromClassValidator(errors: ValidationError[]): ValidationFailedError {
    return new ValidationFailedError(flatten(errors, ''));
  }
}

function flatten(errors: ValidationError[], prefix: string): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = error.constraints ? [{ field, messages: Object.values(error.constraints) }] : [];
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

function describe(fields: FieldProblem[]): string {
  return `The request is not valid: ${fields.map((f) => f.messages.join(', ')).join('; ')}.`;
}
