import { createHmac } from 'node:crypto';
import { applyDecorators, CanActivate, ExecutionContext, Injectable, SetMetadata, UseGuards } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiProblemResponses, AppConfig, DomainError, RequestContext } from '@communes/api-core';
import { TenantTransaction } from '@communes/api-database';

const RATE_LIMIT_BUCKET_KEY = 'communes:participationRateLimit';
const RATE_LIMIT_FACTOR_KEY = 'communes:participationRateLimitFactor';
const WINDOW_SECONDS = 3600;

export class RateLimitedError extends DomainError {
  constructor(readonly retryAfterSeconds: number) {
    super(429, 'rate-limit.exceeded', `Too many submissions in a short time. Try again in ${Math.ceil(retryAfterSeconds / 60)} minute(s).`);
  }
}

interface LimitKey {
  subjectHash: string;
  limit: number;
}

/**
 * Counts citizen submissions per account, per client address (a high ceiling: many phones share
 * one address) and, for submissions without an account, per address at a low limit, over a sliding hour, in the
 * database so that the limit holds across API replicas. Keys are HMACs: the table never holds
 * an address or an account id in clear.
 */
@Injectable()
export class ParticipationRateLimiter {
  constructor(
    private readonly tx: TenantTransaction,
    private readonly config: AppConfig,
  ) {}

  /**
   * Records one hit, or returns how many seconds to wait when a limit is reached (nothing recorded then).
   * `factor` multiplies the limits, for parts of a submission (up to 4 photos per feedback).
   */
  hit(bucket: string, who: { userId: string | null; address: string }, factor = 1): Promise<number | null> {
    // Keys always in the same order (address first), so two hits never wait on each other's locks crosswise.
    const keys: LimitKey[] = [{ subjectHash: this.hash(`address:${who.address}`), limit: this.config.PARTICIPATION_LIMIT_PER_ADDRESS_PER_HOUR * factor }];
    if (who.userId) keys.push({ subjectHash: this.hash(`account:${who.userId}`), limit: this.config.PARTICIPATION_LIMIT_PER_ACCOUNT_PER_HOUR * factor });
    else keys.push({ subjectHash: this.hash(`anonymous:${who.address}`), limit: this.config.PARTICIPATION_LIMIT_ANONYMOUS_PER_ADDRESS_PER_HOUR * factor });
    return this.tx.run({ communeId: null, userId: who.userId, scope: 'public' }, async () => {
      let wait = 0;
      for (const key of keys) {
        // Serializes concurrent hits on one key, so that a burst cannot slip past the count.
        await this.tx.query(`select pg_advisory_xact_lock(hashtextextended($1 || ':' || $2, 0))`, [bucket, key.subjectHash]);
        await this.tx.query(`delete from rate_limit_hits where bucket = $1 and subject_hash = $2 and hit_at < now() - make_interval(secs => $3)`, [bucket, key.subjectHash, WINDOW_SECONDS]);
        const [row] = await this.tx.query<{ hits: number; retryAfter: number | null }>(
          `select count(*)::int as hits, ceil(extract(epoch from (min(hit_at) + make_interval(secs => $3) - now())))::int as "retryAfter"
           from rate_limit_hits where bucket = $1 and subject_hash = $2`,
          [bucket, key.subjectHash, WINDOW_SECONDS],
        );
        if (row.hits >= key.limit) wait = Math.max(wait, row.retryAfter ?? 1, 1);
      }
      if (wait > 0) return wait;
      for (const key of keys) {
        await this.tx.query(`insert into rate_limit_hits (bucket, subject_hash) values ($1, $2)`, [bucket, key.subjectHash]);
      }
      return null;
    });
  }

  private hash(value: string): string {
    return createHmac('sha256', this.config.JWT_SECRET).update(value).digest('hex');
  }
}

/** Route guard (after authentication): 429 with Retry-After once the account or the address is over its limit. */
@Injectable()
export class ParticipationRateLimitGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly limiter: ParticipationRateLimiter,
    private readonly requestContext: RequestContext,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const bucket = this.reflector.get<string | undefined>(RATE_LIMIT_BUCKET_KEY, context.getHandler());
    if (!bucket) return true;
    const http = context.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const factor = this.reflector.get<number | undefined>(RATE_LIMIT_FACTOR_KEY, context.getHandler()) ?? 1;
    const wait = await this.limiter.hit(bucket, { userId: this.requestContext.actor.userId, address: request.ip }, factor);
    if (wait === null) return true;
    void http.getResponse<FastifyReply>().header('retry-after', String(wait));
    throw new RateLimitedError(wait);
  }
}

/**
 * Limits a citizen submission route per account and per address (see `ParticipationRateLimiter`);
 * `factor` times the configured limits for parts of a submission (photos of a feedback).
 */
export const ParticipationRateLimit = (bucket: string, factor = 1) =>
  applyDecorators(
    SetMetadata(RATE_LIMIT_BUCKET_KEY, bucket),
    SetMetadata(RATE_LIMIT_FACTOR_KEY, factor),
    UseGuards(ParticipationRateLimitGuard),
    ApiProblemResponses({ status: 429, description: 'Too many submissions from this account or this address; see Retry-After (seconds)' }),
  );
