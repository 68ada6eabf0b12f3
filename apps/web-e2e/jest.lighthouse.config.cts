/**
 * Lighthouse measures (not tests): the Lighthouse CLI with the system Chromium, mobile preset,
 * against the same stack as the browser tests. `npm run measure:lighthouse`; the figures go to
 * tools/bench/README.md by hand, with the command, date and machine.
 */
module.exports = {
  displayName: 'web-lighthouse',
  testEnvironment: 'node',
  transform: {
    '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
  },
  moduleFileExtensions: ['ts', 'js'],
  testMatch: ['<rootDir>/src/**/*.lighthouse.ts'],
  globalSetup: '<rootDir>/src/support/global-setup.ts',
  globalTeardown: '<rootDir>/src/support/global-teardown.ts',
  testTimeout: 600000,
};
