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

  it('treats empty variables as unset', () => {
    expect(loadAppConfig({ ...VALID, PORT: '', WEB_DIST_DIR: '' }).PORT).toBe(3000);
  });
});
