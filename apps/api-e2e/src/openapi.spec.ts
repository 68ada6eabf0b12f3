import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { TestContext } from '@communes/api-testing';

/**
 * The OpenAPI document of the API, exactly as it serves it at /api/docs-json, is committed as
 * `libs/web/api-client/openapi.json`: the web client is generated from it (ng-openapi-gen).
 *
 * - `npm run openapi` runs this file with UPDATE_OPENAPI=1: it writes the document, then
 *   regenerates the client.
 * - Otherwise (CI, `nx test api-e2e`) it fails when the API no longer matches the committed
 *   document, so that an API change cannot land without its client.
 */
const WORKSPACE_ROOT = join(__dirname, '..', '..', '..');
const COMMITTED = join(WORKSPACE_ROOT, 'libs', 'web', 'api-client', 'openapi.json');
const UPDATE = process.env['UPDATE_OPENAPI'] === '1';
const API_PREFIX = '/api/v1/';
const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

interface Operation {
  method: string;
  path: string;
  spec: JsonObject;
}

/**
 * Parts of the document that may change from one run to the next without the API changing,
 * dropped by JSON path before comparing. None today: no `servers` (the client is same-origin),
 * a static `info.version`, no generation date. Add one here rather than committing noise.
 */
const VOLATILE_PATHS: readonly (readonly string[])[] = [];

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Object keys in code-point order at every depth; arrays keep their order (it has meaning). */
function sortKeys(value: Json): Json {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (!isObject(value)) return value;
  const sorted: JsonObject = {};
  for (const key of Object.keys(value).sort()) sorted[key] = sortKeys(value[key]);
  return sorted;
}

function normalise(document: JsonObject): string {
  const copy = JSON.parse(JSON.stringify(document)) as JsonObject;
  for (const path of VOLATILE_PATHS) {
    let parent: Json | undefined = copy;
    for (const key of path.slice(0, -1)) parent = isObject(parent) ? parent[key] : undefined;
    if (isObject(parent)) delete parent[path[path.length - 1]];
  }
  return `${JSON.stringify(sortKeys(copy), null, 2)}\n`;
}

/** JSON pointers where two documents differ (first `limit` of them), for a readable failure. */
function differences(expected: Json | undefined, actual: Json | undefined, pointer = '', found: string[] = [], limit = 25): string[] {
  if (found.length >= limit) return found;
  if (isObject(expected) && isObject(actual)) {
    for (const key of [...new Set([...Object.keys(expected), ...Object.keys(actual)])].sort()) {
      const child = `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
      if (!(key in expected)) found.push(`+ ${child}`);
      else if (!(key in actual)) found.push(`- ${child}`);
      else differences(expected[key], actual[key], child, found, limit);
      if (found.length >= limit) break;
    }
  } else if (JSON.stringify(expected) !== JSON.stringify(actual)) {
    found.push(`~ ${pointer || '/'}`);
  }
  return found;
}

function operations(document: JsonObject): Operation[] {
  const result: Operation[] = [];
  const paths = isObject(document['paths']) ? document['paths'] : {};
  for (const [path, item] of Object.entries(paths)) {
    if (!isObject(item)) continue;
    for (const method of HTTP_METHODS) {
      const spec = item[method];
      if (isObject(spec)) result.push({ method: method.toUpperCase(), path, spec });
    }
  }
  return result;
}

const label = (operation: Operation) => `${operation.method} ${operation.path} (${String(operation.spec['operationId'] ?? 'no operationId')})`;

function successResponses(operation: Operation): [string, JsonObject][] {
  const responses = isObject(operation.spec['responses']) ? operation.spec['responses'] : {};
  return Object.entries(responses).filter((entry): entry is [string, JsonObject] => /^2(\d\d|XX)$/.test(entry[0]) && isObject(entry[1]));
}

function hasSchema(content: Json | undefined): boolean {
  return isObject(content) && Object.values(content).length > 0 && Object.values(content).every((media) => isObject(media) && isObject(media['schema']));
}

/**
 * Operations whose description leaves the generated client guessing: a success response other
 * than 204 without a schema (the client gets `void`), or a request body without a schema.
 */
function weakOperations(document: JsonObject): string[] {
  const weak: string[] = [];
  for (const operation of operations(document)) {
    const untyped = successResponses(operation)
      .filter(([status, response]) => status !== '204' && !hasSchema(response['content']))
      .map(([status]) => status);
    const body = operation.spec['requestBody'];
    const reasons = [
      ...(untyped.length > 0 ? [`no schema for response ${untyped.join(', ')}`] : []),
      ...(isObject(body) && !hasSchema(body['content']) ? ['untyped request body'] : []),
    ];
    if (reasons.length > 0) weak.push(`${label(operation)}: ${reasons.join('; ')}`);
  }
  return weak;
}

describe('OpenAPI document', () => {
  let ctx: TestContext;
  let document: JsonObject;

  beforeAll(async () => {
    ctx = await TestContext.create();
    const response = await ctx.request<JsonObject>({ method: 'GET', url: '/api/docs-json' });
    expect(response.status).toBe(200);
    document = response.body;
  });
  afterAll(() => ctx?.close());

  it(UPDATE ? 'is written to libs/web/api-client/openapi.json' : 'matches the committed libs/web/api-client/openapi.json', () => {
    const actual = normalise(document);
    if (UPDATE) {
      writeFileSync(COMMITTED, actual);
      const weak = weakOperations(document);
      process.stdout.write(
        `Wrote ${relative(WORKSPACE_ROOT, COMMITTED)} (${operations(document).length} operations).\n` +
          (weak.length > 0 ? `${weak.length} operations are weakly described (the client cannot type them):\n  ${weak.join('\n  ')}\n` : ''),
      );
      return;
    }
    const committed = existsSync(COMMITTED) ? readFileSync(COMMITTED, 'utf8') : null;
    if (committed === actual) return;
    let detail: string;
    if (committed === null) {
      detail = `${relative(WORKSPACE_ROOT, COMMITTED)} does not exist.`;
    } else {
      let parsed: Json | undefined;
      try {
        parsed = JSON.parse(committed) as Json;
      } catch {
        parsed = undefined;
      }
      const changes = parsed === undefined ? ['the committed file is not valid JSON'] : differences(parsed, JSON.parse(actual) as Json);
      detail =
        changes.length > 0
          ? `Differences (+ added by the API, - gone from the API, ~ changed):\n  ${changes.join('\n  ')}`
          : 'Same content, different formatting (was the file reformatted by hand or by prettier?).';
    }
    throw new Error(`the API changed: run npm run openapi and commit (libs/web/api-client/openapi.json and the regenerated client).\n${detail}`);
  });

  it('describes every operation well enough to generate a client', () => {
    const problems: string[] = [];
    const ids = new Map<string, string>();
    for (const operation of operations(document)) {
      const operationId = operation.spec['operationId'];
      if (typeof operationId !== 'string' || operationId === '') problems.push(`${label(operation)}: no operationId`);
      else if (ids.has(operationId)) problems.push(`${label(operation)}: operationId also used by ${ids.get(operationId)}`);
      else ids.set(operationId, `${operation.method} ${operation.path}`);
      const tags = operation.spec['tags'];
      if (!Array.isArray(tags) || tags.length === 0 || tags.some((tag) => typeof tag !== 'string' || tag === '')) problems.push(`${label(operation)}: no tag`);
      if (successResponses(operation).length === 0) problems.push(`${label(operation)}: no 2xx response`);
    }
    expect(problems).toEqual([]);
    expect(ids.size).toBeGreaterThan(0);
  });

  it('serves every path under /api/v1', () => {
    const paths = Object.keys(isObject(document['paths']) ? document['paths'] : {});
    expect(paths.length).toBeGreaterThan(0);
    expect(paths.filter((path) => !path.startsWith(API_PREFIX))).toEqual([]);
  });

  it('declares the bearer security scheme, and operations only use declared schemes', () => {
    const components = isObject(document['components']) ? document['components'] : {};
    const schemes = isObject(components['securitySchemes']) ? components['securitySchemes'] : {};
    expect(schemes['bearer']).toMatchObject({ type: 'http', scheme: 'bearer' });
    const undeclared: string[] = [];
    for (const operation of operations(document)) {
      const security = operation.spec['security'];
      for (const requirement of Array.isArray(security) ? security : []) {
        for (const name of isObject(requirement) ? Object.keys(requirement) : []) {
          if (!(name in schemes)) undeclared.push(`${label(operation)}: ${name}`);
        }
      }
    }
    expect(undeclared).toEqual([]);
  });
});
