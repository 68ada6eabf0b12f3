/// <reference types="jest" />
import { TestContext, TestUser } from './test-context';

/**
 * The isolation matrix (DESIGN.md "Tenant isolation is sacred"): every endpoint that touches
 * commune data, called by every kind of caller against commune A's resources. Allowed callers
 * get a 2xx; everyone else gets 401/403/404 as problem+json, and the database is left exactly
 * as it was. Each feature declares its endpoints in its own `*-isolation.spec.ts`.
 */
export type MatrixRole = 'anonymous' | 'citizen' | 'editorA' | 'moderatorA' | 'adminA' | 'adminB' | 'ancb' | 'ministry';
export const MATRIX_ROLES: readonly MatrixRole[] = ['anonymous', 'citizen', 'editorA', 'moderatorA', 'adminA', 'adminB', 'ancb', 'ministry'];
export const COMMUNE_A = 'cotonou';
export const COMMUNE_B = 'abomey-calavi';
/** Commune A's staff: every member role. */
export const STAFF_A: readonly MatrixRole[] = ['editorA', 'moderatorA', 'adminA'];
/** Commune A's members who write content. */
export const WRITERS_A: readonly MatrixRole[] = ['editorA', 'adminA'];

export interface MatrixCall {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  url: string;
  body?: unknown;
  /** A multipart upload of one file instead of a JSON body. */
  upload?: { fileName: string; bytes: Buffer };
}

export interface MatrixEndpoint {
  name: string;
  allowed: readonly MatrixRole[] | 'everyone' | 'signed-in';
  /**
   * What an anonymous caller gets when not allowed: 401 on routes that need a login, 404 on
   * public routes whose record is not public (a draft).
   */
  anonymousStatus?: 401 | 404;
  /** Builds the call, creating whatever target it needs so that each call starts fresh. */
  prepare(ctx: TestContext): Promise<MatrixCall>;
}

export interface MatrixHandle {
  ctx(): TestContext;
  token(role: MatrixRole): string | null;
}

function isAllowed(endpoint: MatrixEndpoint, role: MatrixRole): boolean {
  if (endpoint.allowed === 'everyone') return true;
  if (endpoint.allowed === 'signed-in') return role !== 'anonymous';
  return endpoint.allowed.includes(role);
}

/** Declares the matrix's tests; returns a handle for extra tests in the same describe. */
export function describeIsolationMatrix(title: string, endpoints: readonly MatrixEndpoint[], extra?: (matrix: MatrixHandle) => void): void {
  describe(`isolation matrix: ${title} (role × commune A resources × action)`, () => {
    let ctx: TestContext;
    const tokens = new Map<MatrixRole, string | null>();

    beforeAll(async () => {
      ctx = await TestContext.create();
      const users: Record<Exclude<MatrixRole, 'anonymous'>, TestUser> = {
        citizen: await ctx.newUser(),
        editorA: await ctx.newUser({ memberships: [{ communeSlug: COMMUNE_A, role: 'editor' }] }),
        moderatorA: await ctx.newUser({ memberships: [{ communeSlug: COMMUNE_A, role: 'moderator' }] }),
        adminA: await ctx.newUser({ memberships: [{ communeSlug: COMMUNE_A, role: 'admin' }] }),
        adminB: await ctx.newUser({ memberships: [{ communeSlug: COMMUNE_B, role: 'admin' }] }),
        ancb: await ctx.newUser({ platformRole: 'platform_admin' }),
        ministry: await ctx.newUser({ platformRole: 'ministry_observer' }),
      };
      tokens.set('anonymous', null);
      for (const [role, user] of Object.entries(users)) tokens.set(role as MatrixRole, await ctx.tokenFor(user));
    });
    afterAll(() => ctx.close());

    const cases = endpoints.flatMap((endpoint) => MATRIX_ROLES.map((role) => [endpoint.name, role, endpoint] as const));

    it.each(cases)('%s as %s', async (_name, role, endpoint) => {
      const call = await endpoint.prepare(ctx);
      const before = await ctx.fingerprint();
      const token = tokens.get(role) ?? null;
      const response = call.upload
        ? await ctx.upload({ url: call.url, token, ...call.upload })
        : await ctx.request({ method: call.method, url: call.url, body: call.body, token });
      if (isAllowed(endpoint, role)) {
        expect({ status: response.status, ok: response.status >= 200 && response.status < 300 }).toEqual({ status: response.status, ok: true });
        return;
      }
      expect(response.headers['content-type']).toContain('application/problem+json');
      if (role === 'anonymous') expect(response.status).toBe(endpoint.anonymousStatus ?? 401);
      else expect([403, 404]).toContain(response.status);
      expect(await ctx.fingerprint()).toEqual(before);
    });

    extra?.({ ctx: () => ctx, token: (role) => tokens.get(role) ?? null });
  });
}
