module.exports = {
  displayName: 'api-database',
  preset: '../../../jest.preset.js',
  testEnvironment: 'node',
  transform: {
    '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
  },
  moduleFileExtensions: ['ts', 'js', 'html'],
  coverageDirectory: '../../../coverage/libs/api/database',
  globalSetup: '<rootDir>/src/lib/testing/global-setup.ts',
  globalTeardown: '<rootDir>/src/lib/testing/global-teardown.ts',
  testTimeout: 30000,
};
