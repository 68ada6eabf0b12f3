import type { ProblemDetails } from '@communes/shared-contracts';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  410: 'Gone',
  503: 'Service Unavailable',
};

export function buildProblem(input: {
  status: number;
  code: string;
  detail: string;
  requestId: string;
  instance?: string;
  errors?: ProblemDetails['errors'];
}): ProblemDetails {
  return {
    type: `https://communes.bj/problems/${input.code}`,
    title: TITLES[input.status] ?? 'Error',
    status: input.status,
    detail: input.detail,
    code: input.code,
    requestId: input.requestId,
    ...(input.instance ? { instance: input.instance } : {}),
    ...(input.errors ? { errors: input.errors } : {}),
  };
}
