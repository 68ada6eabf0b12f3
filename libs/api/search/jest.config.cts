/**
 * Unit tests, and the search contract on a real PostgreSQL (one database per test file, copied
 * from the migrated template that the api-database global setup prepares).
 */
module.exports = {
  displayName: 'api-search',
  preset: '../../../jest.preset.js',
  testEnvironment: 'node',
  transform: {
    '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
  },
  // meilisearch ships ES modules only: compile it for Jest (Node itself loads it with require(esm)).
  transformIgnorePatterns: ['/node_modules/(?!(meilisearch)/)'],
  moduleFileExtensions: ['ts', 'js', 'html'],
  coverageDirectory: '../../../coverage/libs/api/search',
  globalSetup: '<rootDir>/../database/src/lib/testing/global-setup.ts',
  globalTeardown: '<rootDir>/../database/src/lib/testing/global-teardown.ts',
  testTimeout: 30000,
};
