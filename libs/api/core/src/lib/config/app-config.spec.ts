import { InvalidConfigurationError, loadAppConfig } from './app-config';

const VALID = {
  DATABASE_URL: 'postgres://communes_app:secret@db:5432/communes',
  JWT_SECRET: 'x'.repeat(40),
};

describe('loadAppConfig', () => {
  it('applies defaults and converts numbers', () => {
    const config = loadAppConfig({ ...VALID, PORT: '8080' });
    expect(config).toMatchObject({ PORT: 8080, NODE_ENV: 'development', ACCESS_TOKEN_TTL_SECONDS: 900, LOG_LEVEL: 'info' });
  });

  it('names every wrong variable in one message', () => {
    expect(() => loadAppConfig({ DATABASE_URL: 'mysql://nope', JWT_SECRET: 'short', PORT: 'eighty' })).toThrow(InvalidConfigurationError);
    try {
      loadAppConfig({ DATABASE_URL: 'mysql://nope', JWT_SECRET: 'short', PORT: 'eighty' });
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toContain('DATABASE_URL must be a postgres:// URL');
      expect(message).toContain('JWT_SECRET must be at least 32 characters');
      expect(message).toContain('PORT');
    }
  });

  it('requires UNSUBSCRIBE_SECRET in production only', () => {
    expect(() => loadAppConfig({ ...VALID, NODE_ENV: 'production' })).toThrow(/UNSUBSCRIBE_SECRET: required in production/);
    expect(loadAppConfig({ ...VALID, NODE_ENV: 'production', UNSUBSCRIBE_SECRET: 'u'.repeat(40) }).UNSUBSCRIBE_SECRET).toBe('u'.repeat(40));
    expect(loadAppConfig({ ...VALID, NODE_ENV: 'development' }).UNSUBSCRIBE_SECRET).toBeUndefined();
  });

  it('keeps server-rendered pages 5 s by default; 0 turns that off; a minute at most', () => {
    expect(loadAppConfig(VALID).PAGE_CACHE_TTL_MS).toBe(5000);
    expect(loadAppConfig({ ...VALID, PAGE_CACHE_TTL_MS: '0' }).PAGE_CACHE_TTL_MS).toBe(0);
    expect(() => loadAppConfig({ ...VALID, PAGE_CACHE_TTL_MS: '600000' })).toThrow(/PAGE_CACHE_TTL_MS/);
    expect(() => loadAppConfig({ ...VALID, PAGE_CACHE_TTL_MS: '-1' })).toThrow(/PAGE_CACHE_TTL_MS/);
  });

  it('accepts the refresh token just rotated for 30 s by default; 0 turns that off; 5 minutes at most, whole seconds', () => {
    expect(loadAppConfig(VALID).REFRESH_REUSE_GRACE_SECONDS).toBe(30);
    expect(loadAppConfig({ ...VALID, REFRESH_REUSE_GRACE_SECONDS: '0' }).REFRESH_REUSE_GRACE_SECONDS).toBe(0);
    expect(loadAppConfig({ ...VALID, REFRESH_REUSE_GRACE_SECONDS: '300' }).REFRESH_REUSE_GRACE_SECONDS).toBe(300);
    expect(loadAppConfig({ ...VALID, REFRESH_REUSE_GRACE_SECONDS: '' }).REFRESH_REUSE_GRACE_SECONDS).toBe(30);
    for (const wrong of ['-1', '301', '2.5', 'thirty']) {
      expect(() => loadAppConfig({ ...VALID, REFRESH_REUSE_GRACE_SECONDS: wrong })).toThrow(/REFRESH_REUSE_GRACE_SECONDS/);
    }
  });

  it('treats empty variables as unset', () => {
    expect(loadAppConfig({ ...VALID, PORT: '', WEB_DIST_DIR: '' }).PORT).toBe(3000);
  });

  it('mail: SMTP is optional (emails go to the log), its values are checked, and only one way to set it', () => {
    const config = loadAppConfig(VALID);
    expect(config).toMatchObject({ SMTP_PORT: 587, MAIL_FROM: 'Communes+ <no-reply@communes.bj>' });
    expect(config.SMTP_URL).toBeUndefined();
    expect(loadAppConfig({ ...VALID, SMTP_URL: 'smtps://user:pass@mail.example.org:465' }).SMTP_URL).toBe('smtps://user:pass@mail.example.org:465');
    expect(() => loadAppConfig({ ...VALID, SMTP_URL: 'http://mail.example.org' })).toThrow(/SMTP_URL must be an smtp:\/\/ or smtps:\/\/ URL/);
    expect(() => loadAppConfig({ ...VALID, SMTP_HOST: 'smtp://mail' })).toThrow(/SMTP_HOST/);
    expect(() => loadAppConfig({ ...VALID, SMTP_PORT: '0' })).toThrow(/SMTP_PORT/);
    expect(() => loadAppConfig({ ...VALID, MAIL_FROM: 'nobody' })).toThrow(/MAIL_FROM/);
    expect(() => loadAppConfig({ ...VALID, UNSUBSCRIBE_SECRET: 'short' })).toThrow(/UNSUBSCRIBE_SECRET must be at least 32 characters/);
    expect(() => loadAppConfig({ ...VALID, SMTP_URL: 'smtp://mail.example.org', SMTP_HOST: 'mail.example.org' })).toThrow(/not both/);
  });
});
