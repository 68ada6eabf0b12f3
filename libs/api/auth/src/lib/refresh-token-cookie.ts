import { CanActivate, ExecutionContext, Injectable, Logger } from '@nestjs/common';
import type { CookieSerializeOptions } from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppConfig, DomainError } from '@communes/api-core';
import type { TokenPair } from './auth.service';

export const REFRESH_TOKEN_COOKIE = 'communes.refresh';
/**
 * The auth routes (the global prefix `api/v1` + the `auth` controller): the browser sends the
 * cookie to /auth/refresh and /auth/logout and to no other request. A `__Host-` name would need
 * `Path=/`, i.e. the cookie on every request; the narrow path is worth more.
 */
export const REFRESH_TOKEN_COOKIE_PATH = '/api/v1/auth';
/**
 * "This browser is signed in": a flag, not a secret (`1`), readable by the web app's scripts, on
 * every path. It lets a start-up know whether a refresh is worth a request, by reading
 * `document.cookie` (cheap), so anonymous readers make no auth request and touch no storage.
 * Set and cleared by the same answers as the refresh cookie, with its lifetime, so the two never
 * disagree (see RefreshTokenCookie).
 */
export const SIGNED_IN_COOKIE = 'communes.signed-in';
/** The header the web app adds to the routes that read the cookie (see CookieCsrfGuard). */
export const CSRF_HEADER = 'x-requested-with';

/** The access token part of a TokenPair: what goes in an answer's body. */
export type AccessToken = Omit<TokenPair, 'refreshToken'>;

/**
 * The refresh token lives in an httpOnly cookie: scripts of the page (an XSS) cannot read it, only
 * the browser sends it, and only to the auth routes. `SameSite=Strict`: never sent by a request
 * another site starts. `Secure` when the app is served over https, decided by `PUBLIC_URL` (the
 * validated address people reach the app at, https:// in production): not by the request's
 * protocol, which behind the TLS-terminating proxy of a deployment is plain http. `npm start` and
 * the tests serve http://localhost, where a Secure cookie would not be kept by every browser.
 *
 * The signed-in flag (SIGNED_IN_COOKIE) goes with it, set here rather than by the web app: it then
 * has the refresh cookie's exact lifetime (`REFRESH_TOKEN_TTL_DAYS`, renewed by each rotation, where
 * a lifetime written in the web app would drift from the configuration and lapse while the session
 * lives), and every answer that ends the session (logout, a refused or replayed refresh) clears
 * both at once, including the ones the web app does not read as a sign-out.
 */
@Injectable()
export class RefreshTokenCookie {
  private readonly options: CookieSerializeOptions;
  private readonly flagOptions: CookieSerializeOptions;

  constructor(config: AppConfig) {
    this.options = {
      httpOnly: true,
      secure: config.PUBLIC_URL.startsWith('https://'),
      sameSite: 'strict',
      path: REFRESH_TOKEN_COOKIE_PATH,
      maxAge: config.REFRESH_TOKEN_TTL_DAYS * 86_400,
    };
    this.flagOptions = { ...this.options, httpOnly: false, path: '/' };
    if (config.NODE_ENV === 'production' && !this.options.secure) {
      new Logger('Auth').warn(`PUBLIC_URL=${config.PUBLIC_URL} is not https://: the refresh token cookie is sent without Secure, readable on the network.`);
    }
  }

  /** Puts the refresh token in the cookie (and sets the signed-in flag) and returns what the body carries. */
  deliver(reply: FastifyReply, tokens: TokenPair): AccessToken {
    const { refreshToken, ...access } = tokens;
    reply.setCookie(REFRESH_TOKEN_COOKIE, refreshToken, this.options);
    reply.setCookie(SIGNED_IN_COOKIE, '1', this.flagOptions);
    return access;
  }

  read(request: FastifyRequest): string | null {
    return request.cookies[REFRESH_TOKEN_COOKIE] || null;
  }

  /** Both cookies: same names, paths and attributes, expired now (clearCookie sets Max-Age=0 and a past Expires). */
  clear(reply: FastifyReply): void {
    reply.clearCookie(REFRESH_TOKEN_COOKIE, this.options);
    reply.clearCookie(SIGNED_IN_COOKIE, this.flagOptions);
  }
}

/**
 * CSRF defence in depth for the routes authenticated by the cookie (refresh, logout).
 * `SameSite=Strict` already keeps the cookie off requests other sites start, but "site" is wider
 * than "origin" (a compromised sibling subdomain is same-site) and old browsers ignore it. A custom
 * header (OWASP's "custom request header" defence) cannot be added by a form, and a script of
 * another origin can only add it after a CORS preflight that this API never allows; so a request
 * carrying it comes from our own pages. Login and register read no cookie, and a form cannot send
 * the JSON object they require (a text/plain body is refused), so they need no such check.
 */
@Injectable()
export class CookieCsrfGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    if (!request.headers[CSRF_HEADER]) {
      throw new DomainError(
        403,
        'auth.csrf-header-missing',
        'This request must carry the X-Requested-With header (any value): the session cookie is only accepted from the app itself.',
      );
    }
    return true;
  }
}
