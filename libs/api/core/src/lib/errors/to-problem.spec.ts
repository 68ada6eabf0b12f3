import { BadRequestException, NotFoundException, ServiceUnavailableException } from '@nestjs/common';
import { ConflictError } from './domain-error';
import { toProblem } from './to-problem';
import { ValidationFailedError } from './validation-failed.error';

describe('toProblem', () => {
  it('keeps a domain error status, code and message', () => {
    expect(toProblem(new ConflictError('member.last-admin', 'Keep one admin.'), 'r1', '/x')).toMatchObject({
      status: 409,
      code: 'member.last-admin',
      detail: 'Keep one admin.',
      requestId: 'r1',
      instance: '/x',
      type: 'https://communes.bj/problems/member.last-admin',
    });
  });

  it('lists field problems of a validation error', () => {
    const problem = toProblem(new ValidationFailedError([{ field: 'email', messages: ['email must be an email'] }]), 'r2');
    expect(problem).toMatchObject({ status: 400, code: 'validation.failed', errors: [{ field: 'email', messages: ['email must be an email'] }] });
  });

  it('maps framework exceptions and malformed JSON to 4xx', () => {
    expect(toProblem(new NotFoundException('Cannot GET /x'), 'r3').code).toBe('resource.not-found');
    expect(toProblem(new BadRequestException("Body is not valid JSON but content-type is set to 'application/json'"), 'r4').code).toBe('request.malformed-json');
  });

  it('keeps a 503 (the health check when the database is down) as a 503', () => {
    expect(toProblem(new ServiceUnavailableException('The database is not reachable.'), 'r7')).toMatchObject({ status: 503, code: 'service.unavailable', detail: 'The database is not reachable.' });
  });

  it('turns input errors caught by PostgreSQL into 4xx, never 500', () => {
    expect(toProblem(Object.assign(new Error('duplicate key'), { code: '23505' }), 'r5').status).toBe(409);
    expect(toProblem(Object.assign(new Error('invalid input syntax for type uuid'), { code: '22P02' }), 'r6').status).toBe(400);
    expect(toProblem(Object.assign(new Error('canceling statement due to statement timeout'), { code: '57014' }), 'r8')).toMatchObject({ status: 503, code: 'service.too-slow' });
  });

  it('hides unknown errors behind a 500 that quotes the request id', () => {
    const problem = toProblem(new Error('connection string with password'), 'req-42');
    expect(problem.status).toBe(500);
    expect(problem.detail).toContain('req-42');
    expect(problem.detail).not.toContain('password');
  });
});
