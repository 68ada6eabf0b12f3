import { UnsubscribeTokens, unsubscribeSecret } from './unsubscribe-token';

const USER = '3f1c2b9e-8a7d-4c6b-9e5f-1a2b3c4d5e6f';
const COMMUNE = '7d6c5b4a-3f2e-4d1c-8b9a-0f1e2d3c4b5a';

describe('UnsubscribeTokens', () => {
  const tokens = new UnsubscribeTokens('s'.repeat(40));

  it('round-trips a commune and "all"', () => {
    expect(tokens.verify(tokens.sign({ userId: USER, communeId: COMMUNE }))).toEqual({ userId: USER, communeId: COMMUNE });
    expect(tokens.verify(tokens.sign({ userId: USER, communeId: null }))).toEqual({ userId: USER, communeId: null });
  });

  it('refuses a token whose user, commune or signature was changed, or that another secret signed', () => {
    const token = tokens.sign({ userId: USER, communeId: COMMUNE });
    const [user, commune, signature] = token.split('.');
    const other = tokens.sign({ userId: COMMUNE, communeId: COMMUNE }).split('.')[0];
    expect(tokens.verify(`${other}.${commune}.${signature}`)).toBeNull();
    expect(tokens.verify(`${user}.all.${signature}`)).toBeNull();
    expect(tokens.verify(`${user}.${commune}.${signature.slice(0, -1)}${signature.endsWith('A') ? 'B' : 'A'}`)).toBeNull();
    expect(new UnsubscribeTokens('t'.repeat(40)).verify(token)).toBeNull();
    expect(tokens.verify('not-a-token')).toBeNull();
  });

  it('fits in a path parameter (100 characters at most)', () => {
    expect(tokens.sign({ userId: USER, communeId: COMMUNE }).length).toBeLessThanOrEqual(100);
  });

  it('derives a secret from JWT_SECRET that is not JWT_SECRET', () => {
    const jwt = 'j'.repeat(40);
    expect(unsubscribeSecret({ JWT_SECRET: jwt })).not.toContain(jwt);
    expect(unsubscribeSecret({ JWT_SECRET: jwt, UNSUBSCRIBE_SECRET: 'u'.repeat(32) })).toBe('u'.repeat(32));
  });
});
