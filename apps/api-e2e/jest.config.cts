/** HTTP tests of the whole API against a real PostgreSQL (one database per test file). */
module.exports = {
  displayName: 'api-e2e',
  preset: '../../jest.preset.js',
  testEnvironment: 'node',
  transform: {
    '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
  },
  // content-disposition (under @fastify/static) and meilisearch ship ES modules only: compile them for Jest.
  transformIgnorePatterns: ['/node_modules/(?!(content-disposition|meilisearch)/)'],
  moduleFileExtensions: ['ts', 'js', 'html'],
  globalSetup: '<rootDir>/../../libs/api/database/src/lib/testing/global-setup.ts',
  globalTeardown: '<rootDir>/../../libs/api/database/src/lib/testing/global-teardown.ts',
  testTimeout: 60000,
};
