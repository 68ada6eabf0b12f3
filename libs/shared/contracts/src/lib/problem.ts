/** RFC 9457 problem details, as every API error is sent (`application/problem+json`). */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  /** Stable machine-readable code, e.g. `validation.failed`, `auth.invalid-credentials`. */
  code: string;
  /** Correlation id, also sent as the `x-request-id` header and written in the server log. */
  requestId: string;
  instance?: string;
  /** Field-level problems for validation errors. */
  errors?: { field: string; messages: string[] }[];
}
