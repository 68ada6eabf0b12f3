import Ajv from 'ajv-draft-04';
import type { AnySchemaObject, ValidateFunction } from 'ajv-draft-04';
import { isRealDateTime } from '../values';

// `require`, not `import`: a JSON import needs `resolveJsonModule` in every tsconfig that compiles
// this lib (the API app, other libs' tests); webpack and jest both load JSON through require.
const releaseSchema: AnySchemaObject = require('../../schema/ocds/release-schema.json');
const releasePackageSchema: AnySchemaObject = require('../../schema/ocds/release-package-schema.json');

/** Annotation keywords of the OCDS schema (codelists, merge rules) that carry no validation. */
const OCDS_KEYWORDS = ['codelist', 'openCodelist', 'deprecated', 'wholeListMerge', 'omitWhenMerged', 'versionId'];

/** RFC 3339 date-time, checked for real calendar values. */
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:Z|[+-](\d{2}):(\d{2}))$/i;
/** Absolute URI (RFC 3986 scheme, then no whitespace or characters that must be escaped). */
const URI = /^[a-z][a-z0-9+.-]*:[^\s"<>\\^`{|}]+$/i;

function isDateTime(value: string): boolean {
  const match = DATE_TIME.exec(value);
  if (!match) return false;
  const [year, month, day, hour, minute, second, offsetHour, offsetMinute] = match.slice(1).map((p) => Number(p ?? 0));
  return isRealDateTime(year, month, day, hour, minute, second) && offsetHour <= 23 && offsetMinute <= 59;
}

let validator: ValidateFunction | undefined;

/**
 * Compiled once. The package schema refers to the release schema by its `id`
 * (https://standard.open-contracting.org/schema/1__1__5/release-schema.json); adding the release
 * schema first makes that `$ref` resolve locally, with no network access.
 * The two formats the schema uses are defined here because Ajv ships none and `ajv-formats` is
 * not a dependency of the workspace.
 */
function compile(): ValidateFunction {
  const ajv = new Ajv({ allErrors: true, allowUnionTypes: true });
  ajv.addVocabulary(OCDS_KEYWORDS);
  ajv.addFormat('date-time', isDateTime);
  ajv.addFormat('uri', URI);
  ajv.addSchema(releaseSchema);
  return ajv.compile(releasePackageSchema);
}

/** Validates a release package against the official OCDS 1.1.5 schema. */
export function validateReleasePackage(pkg: unknown): { valid: boolean; errors: string[] } {
  validator ??= compile();
  const valid = validator(pkg);
  const errors = (validator.errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message ?? error.keyword}`);
  return { valid, errors };
}
