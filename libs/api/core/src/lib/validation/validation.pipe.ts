import { ValidationPipe } from '@nestjs/common';
import { ValidationFailedError } from '../errors/validation-failed.error';

/** Strict validation at the edge: unknown fields are refused, types converted, all errors listed. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    stopAtFirstError: false,
    exceptionFactory: (errors) => ValidationFailedError.fromClassValidator(errors),
  });
}
