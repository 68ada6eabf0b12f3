/**
 * Browser tests: Playwright driving the system Chromium against the real stack (built API +
 * built web app over a fresh embedded PostgreSQL with demo data), started once per run.
 * Named apart from jest.config.* so that `npm test` does not run them: `npm run test:browser`.
 */
module.exports = {
  displayName: 'web-e2e',
  testEnvironment: 'node',
  transform: {
    '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
  },
  moduleFileExtensions: ['ts', 'js'],
  testMatch: ['<rootDir>/src/**/*.e2e.ts'],
  globalSetup: '<rootDir>/src/support/global-setup.ts',
  globalTeardown: '<rootDir>/src/support/global-teardown.ts',
  testTimeout: 60000,
};
