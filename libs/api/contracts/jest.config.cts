module.exports = {
  displayName: 'api-contracts',
  preset: '../../../jest.preset.js',
  testEnvironment: 'node',
  transform: {
    '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
  },
  // meilisearch (reached through @communes/api-search) ships ES modules only: compile it for Jest.
  transformIgnorePatterns: ['/node_modules/(?!(meilisearch)/)'],
  moduleFileExtensions: ['ts', 'js', 'html'],
  coverageDirectory: '../../../coverage/libs/api/contracts',
};
