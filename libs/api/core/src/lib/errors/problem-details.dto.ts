import { applyDecorators, type Type } from '@nestjs/common';
import { ApiExtraModels, ApiProperty, ApiPropertyOptional, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import type { ProblemDetails } from '@communes/shared-contracts';

/** The media type every error is sent with (`application/problem+json; charset=utf-8`). */
export const PROBLEM_MEDIA_TYPE = 'application/problem+json';

export class ProblemFieldErrorDto {
  @ApiProperty({ example: 'email', description: 'The field, as named in the request' })
  field!: string;

  @ApiProperty({ type: [String], example: ['email must be a valid email address'] })
  messages!: string[];
}

/** RFC 9457 problem details, as every API error is sent (see `ProblemDetails` in shared-contracts). */
export class ProblemDetailsDto implements ProblemDetails {
  @ApiProperty({ format: 'uri', example: 'https://communes.bj/problems/validation.failed', description: 'Identifies the kind of problem; ends with `code`' })
  type!: string;

  @ApiProperty({ example: 'Bad Request', description: 'The HTTP status in words' })
  title!: string;

  @ApiProperty({ type: 'integer', example: 400, description: 'The HTTP status code, repeated' })
  status!: number;

  @ApiProperty({ example: 'The request is not valid.', description: 'What is wrong and, where useful, what to do; for the person using the product' })
  detail!: string;

  @ApiProperty({ example: 'validation.failed', description: 'Stable machine-readable code, e.g. `validation.failed`, `auth.invalid-credentials`' })
  code!: string;

  @ApiProperty({ description: 'Correlation id, also sent as the `x-request-id` header and written in the server log' })
  requestId!: string;

  @ApiPropertyOptional({ example: '/api/v1/communes/cotonou', description: 'The request path' })
  instance?: string;

  @ApiPropertyOptional({ type: [ProblemFieldErrorDto], description: 'Field-level problems, for validation errors' })
  errors?: ProblemFieldErrorDto[];
}

/** Statuses the API sends as problem details, with what they mean in general. */
const PROBLEM_DESCRIPTIONS = {
  400: 'The request is not valid (`errors` lists the fields when validation failed)',
  401: 'Not logged in, or the access token has expired or is not valid (a bad token is refused even on public routes)',
  403: 'The caller is not allowed to do this',
  404: 'No such commune or record (or not visible to the caller)',
  409: 'Conflicts with the current state of the record',
  410: 'No longer available (expired or withdrawn)',
  413: 'The upload is larger than the limit',
  415: 'The content type, or the type of the uploaded file, is not accepted',
  422: 'The content is well formed but cannot be processed',
  429: 'Too many requests: wait before trying again',
  500: 'Something went wrong on the server; quote `requestId` to support',
  503: 'A service the API depends on is unavailable',
} as const;

export type ProblemStatus = keyof typeof PROBLEM_DESCRIPTIONS;

/**
 * A status, or a status with a description more precise than the general one (and, for problem
 * details with extension members, a subclass of `ProblemDetailsDto`).
 */
export type ProblemResponse = ProblemStatus | { status: ProblemStatus; description: string; type?: Type<ProblemDetailsDto> };

/**
 * Declares error responses in the OpenAPI document, each as `application/problem+json` with the
 * `ProblemDetailsDto` schema. On a controller class it applies to every route; on a method, to
 * that route (do not declare the same status on both).
 */
export function ApiProblemResponses(...responses: ProblemResponse[]) {
  const entries = responses.map((response) =>
    typeof response === 'number'
      ? { status: response, description: PROBLEM_DESCRIPTIONS[response], type: ProblemDetailsDto }
      : { status: response.status, description: response.description, type: response.type ?? ProblemDetailsDto },
  );
  return applyDecorators(
    ApiExtraModels(...new Set([ProblemDetailsDto, ...entries.map((entry) => entry.type)])),
    ...entries.map(({ status, description, type }) =>
      ApiResponse({ status, description, content: { [PROBLEM_MEDIA_TYPE]: { schema: { $ref: getSchemaPath(type) } } } }),
    ),
  );
}
