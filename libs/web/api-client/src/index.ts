// Generated from the API's OpenAPI document by ng-openapi-gen (npm run openapi): do not edit by hand.
export * from './lib/generated/index';
