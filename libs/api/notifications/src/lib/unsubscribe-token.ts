import { createHmac, timingSafeEqual } from 'node:crypto';

/** What an unsubscribe link stops: the emails of one commune, or every email. */
export interface UnsubscribeTarget {
  userId: string;
  communeId: string | null;
}

/**
 * `<user>.<commune | all>.<signature>`, each id as its 16 bytes in base64url and the HMAC cut to
 * 128 bits: 68 characters, under the router's 100-character limit for a path parameter.
 */
export const UNSUBSCRIBE_TOKEN_PATTERN = /^[A-Za-z0-9_-]{22}\.([A-Za-z0-9_-]{22}|all)\.[A-Za-z0-9_-]{22}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Signed unsubscribe tokens (HMAC-SHA256). They do not expire: a link in an old email must keep
 * working (RFC 8058 asks for a stable one-click link), and all it can do is stop emails.
 */
export class UnsubscribeTokens {
  constructor(private readonly secret: string) {}

  sign(target: UnsubscribeTarget): string {
    const payload = `${packUuid(target.userId)}.${target.communeId ? packUuid(target.communeId) : 'all'}`;
    return `${payload}.${this.signature(payload)}`;
  }

  /** The target, or null when the token is malformed or its signature does not match. */
  verify(token: string): UnsubscribeTarget | null {
    if (!UNSUBSCRIBE_TOKEN_PATTERN.test(token)) return null;
    const [user, commune, signature] = token.split('.');
    const expected = Buffer.from(this.signature(`${user}.${commune}`));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
    const userId = unpackUuid(user);
    const communeId = commune === 'all' ? null : unpackUuid(commune);
    if (!userId || communeId === undefined) return null;
    return { userId, communeId };
  }

  private signature(payload: string): string {
    return createHmac('sha256', this.secret).update(`unsubscribe:v1:${payload}`).digest().subarray(0, 16).toString('base64url');
  }
}

/** The secret of the links: UNSUBSCRIBE_SECRET, or one derived from JWT_SECRET (never the JWT secret itself). */
export function unsubscribeSecret(config: { UNSUBSCRIBE_SECRET?: string; JWT_SECRET: string }): string {
  return config.UNSUBSCRIBE_SECRET ?? createHmac('sha256', config.JWT_SECRET).update('communes+ unsubscribe links').digest('hex');
}

function packUuid(uuid: string): string {
  if (!UUID.test(uuid)) throw new Error(`Not a UUID: ${uuid}`);
  return Buffer.from(uuid.replace(/-/g, ''), 'hex').toString('base64url');
}

function unpackUuid(packed: string): string | undefined {
  const hex = Buffer.from(packed, 'base64url').toString('hex');
  if (hex.length !== 32) return undefined;
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
