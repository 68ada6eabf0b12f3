import { randomBytes } from 'node:crypto';
import { Meilisearch } from 'meilisearch';
import { HIGHLIGHT_END as E, HIGHLIGHT_START as S } from './highlight';
import { toMeilisearchDocument } from './meilisearch-documents';
import { MeilisearchSearchEngine } from './meilisearch-search-engine';
import { MEILISEARCH_SETTINGS } from './meilisearch-settings';
import { searchRecordHash } from './search-validation';
import { describeSearchEngineContract } from './testing/search-engine.contract';
import { CONTRACT_ZOGBO, DELIBERATION_SCRIPT } from './testing/search-fixtures';

/**
 * The contract against a real Meilisearch, when one is reachable: MEILISEARCH_URL (and
 * MEILISEARCH_API_KEY if it has a master key). Each run uses a throwaway index.
 */
const url = process.env['MEILISEARCH_URL'];
const apiKey = process.env['MEILISEARCH_API_KEY'] || undefined;

if (url) {
  describeSearchEngineContract(`Meilisearch at ${url}`, async () => {
    const indexUid = `records_test_${randomBytes(4).toString('hex')}`;
    return {
      engine: new MeilisearchSearchEngine({ url, apiKey, indexUid }),
      close: async () => {
        await new Meilisearch({ host: url, apiKey }).deleteIndexIfExists(indexUid);
      },
    };
  });
} else {
  describe.skip('SearchEngine contract: Meilisearch (set MEILISEARCH_URL to run it against a server)', () => {
    it('needs a Meilisearch server', () => undefined);
  });
}

describe('MeilisearchSearchEngine without a server', () => {
  it('loads the ESM-only client and constructs without network access', () => {
    expect(new MeilisearchSearchEngine({ url: 'http://127.0.0.1:1' })).toBeInstanceOf(MeilisearchSearchEngine);
  });

  it('reports an unreachable server as an error, then retries on the next call', async () => {
    const engine = new MeilisearchSearchEngine({ url: 'http://127.0.0.1:1', taskTimeoutMs: 1000 });
    await expect(engine.count()).rejects.toThrow();
    await expect(engine.count()).rejects.toThrow();
  });
});

/**
 * No Meilisearch server runs in CI: these tests check, against a stubbed HTTP API, that the
 * adapter sends what Meilisearch's REST API documents and reads its answers correctly.
 */
describe('MeilisearchSearchEngine against a stubbed HTTP API', () => {
  interface Call {
    method: string;
    path: string;
    body: unknown;
  }
  let calls: Call[];
  let taskStatus: Record<string, { status: string; error?: { code: string; message: string } }>;
  let searchResponse: unknown;
  let documentPages: unknown[];
  let nextTask: number;
  let taskTypes: Map<number, string>;

  beforeEach(() => {
    calls = [];
    taskStatus = {};
    nextTask = 1;
    taskTypes = new Map();
    documentPages = [];
    jest.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
      const url = new URL(String(input));
      const method = init?.method ?? 'GET';
      const body = typeof init?.body === 'string' ? JSON.parse(init.body) : undefined;
      calls.push({ method, path: decodeURIComponent(url.pathname + url.search), body });
      return Response.json(answer(method, url), { status: 200 });
    });
  });

  afterEach(() => jest.restoreAllMocks());

  function enqueue(type: string) {
    const taskUid = nextTask++;
    taskTypes.set(taskUid, type);
    return { taskUid, indexUid: 'records', status: 'enqueued', type, enqueuedAt: '2025-01-01T00:00:00Z' };
  }

  function answer(method: string, url: URL): unknown {
    const path = url.pathname;
    const task = /^\/tasks\/(\d+)$/.exec(path);
    if (task) {
      const type = taskTypes.get(Number(task[1])) ?? 'unknown';
      const outcome = taskStatus[type] ?? { status: 'succeeded' };
      return { uid: Number(task[1]), indexUid: 'records', type, enqueuedAt: '', error: null, ...outcome };
    }
    if (method === 'POST' && path === '/indexes') return enqueue('indexCreation');
    if (method === 'PATCH' && path === '/indexes/records/settings') return enqueue('settingsUpdate');
    if (method === 'POST' && path === '/indexes/records/documents') return enqueue('documentAdditionOrUpdate');
    if (method === 'POST' && path === '/indexes/records/documents/delete-batch') return enqueue('documentDeletion');
    if (method === 'DELETE' && path === '/indexes/records/documents') return enqueue('documentDeletion');
    if (method === 'GET' && path === '/indexes/records/stats') return { numberOfDocuments: 12, isIndexing: false };
    if (method === 'GET' && path === '/indexes/records/documents') return documentPages.shift();
    if (method === 'POST' && path === '/indexes/records/search') return searchResponse;
    throw new Error(`unexpected ${method} ${path}`);
  }

  const engine = () => new MeilisearchSearchEngine({ url: 'http://meili.test:7700', apiKey: 'key' });
  const requests = () => calls.filter((c) => !c.path.startsWith('/tasks/'));

  it('creates the index with its settings once, accepting one that already exists', async () => {
    taskStatus['indexCreation'] = { status: 'failed', error: { code: 'index_already_exists', message: 'exists' } };
    const subject = engine();
    await subject.count();
    await subject.count();
    expect(requests()).toEqual([
      { method: 'POST', path: '/indexes', body: { uid: 'records', primaryKey: 'id' } },
      { method: 'PATCH', path: '/indexes/records/settings', body: MEILISEARCH_SETTINGS },
      { method: 'GET', path: '/indexes/records/stats', body: undefined },
      { method: 'GET', path: '/indexes/records/stats', body: undefined },
    ]);
  });

  it('writes documents with encoded ids, waits for the task and fails when it failed', async () => {
    const subject = engine();
    await subject.upsert([CONTRACT_ZOGBO, CONTRACT_ZOGBO]);
    const write = requests().find((c) => c.path.startsWith('/indexes/records/documents'));
    expect(write).toEqual({
      method: 'POST',
      path: '/indexes/records/documents?primaryKey=id',
      body: [toMeilisearchDocument(CONTRACT_ZOGBO)],
    });
    const waited = calls.map((c) => c.path).filter((p) => p.startsWith('/tasks/'));
    expect(waited).toContain('/tasks/3');

    taskStatus['documentAdditionOrUpdate'] = { status: 'failed', error: { code: 'invalid_document_id', message: 'bad id' } };
    await expect(subject.upsert([CONTRACT_ZOGBO])).rejects.toThrow(/failed: bad id/);
  });

  it('removes by encoded id and empties the index', async () => {
    const subject = engine();
    await subject.remove([CONTRACT_ZOGBO.id]);
    await subject.removeAll();
    expect(requests().slice(2)).toEqual([
      { method: 'POST', path: '/indexes/records/documents/delete-batch', body: ['contract__0b6e2c3a-1d4f-4a8b-9c01-000000000004'] },
      { method: 'DELETE', path: '/indexes/records/documents', body: undefined },
    ]);
  });

  it('pages through fingerprints', async () => {
    documentPages = [
      { results: [{ recordId: 'contract:a', hash: 'h1' }, { recordId: 'document:b', hash: 'h2' }], offset: 0, limit: 2, total: 3 },
      { results: [{ recordId: 'session:c', hash: 'h3' }], offset: 2, limit: 2, total: 3 },
    ];
    const seen: unknown[] = [];
    for await (const f of engine().fingerprints(2)) seen.push(f);
    expect(seen).toEqual([
      { id: 'contract:a', hash: 'h1' },
      { id: 'document:b', hash: 'h2' },
      { id: 'session:c', hash: 'h3' },
    ]);
    expect(requests().slice(2).map((c) => c.path)).toEqual([
      '/indexes/records/documents?fields=recordId,hash&offset=0&limit=2',
      '/indexes/records/documents?fields=recordId,hash&offset=2&limit=2',
    ]);
  });

  it('sends the query, filters, facets, sort and paging, and maps the answer', async () => {
    const document = toMeilisearchDocument(DELIBERATION_SCRIPT);
    searchResponse = {
      hits: [
        {
          ...document,
          _formatted: {
            ...document,
            title: `<script>alert("x")</script> Délibération sur l'${S}éclairage${E} public & la voirie`,
            body: ` … l'extension de l'${S}éclairage${E} public <b>solaire</b> … `,
          },
        },
      ],
      query: 'éclairage',
      processingTimeMs: 1,
      hitsPerPage: 10,
      page: 2,
      totalPages: 2,
      totalHits: 11,
      facetDistribution: {
        communeSlug: { 'abomey-calavi': 4, cotonou: 7 },
        department: { Littoral: 7, Atlantique: 4 },
        kind: { document: 5, session: 6 },
        category: { deliberation: 5 },
        fiscalYear: { '2025': 5, '2024': 5 },
      },
    };
    const result = await engine().search({
      q: ' éclairage ',
      communeSlugs: ['cotonou'],
      amountMin: '1',
      sort: 'date',
      direction: 'asc',
      page: 2,
      pageSize: 10,
    });

    expect(requests().at(-1)).toEqual({
      method: 'POST',
      path: '/indexes/records/search',
      body: {
        q: 'éclairage',
        filter: 'communeSlug IN ["cotonou"] AND amountValue >= 1',
        facets: ['communeSlug', 'department', 'kind', 'category', 'fiscalYear'],
        sort: ['date:asc'],
        page: 2,
        hitsPerPage: 10,
        matchingStrategy: 'all',
        attributesToHighlight: ['title', 'body'],
        attributesToCrop: ['body'],
        cropLength: 30,
        cropMarker: ' … ',
        highlightPreTag: S,
        highlightPostTag: E,
      },
    });
    expect(result).toEqual({
      hits: [
        {
          record: DELIBERATION_SCRIPT,
          highlights: {
            title: '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; Délibération sur l&#39;<mark>éclairage</mark> public &amp; la voirie',
            body: ' … l&#39;extension de l&#39;<mark>éclairage</mark> public &lt;b&gt;solaire&lt;/b&gt; … ',
          },
        },
      ],
      total: 11,
      exhaustive: true,
      page: 2,
      pageSize: 10,
      facets: {
        communes: [
          { value: 'cotonou', count: 7 },
          { value: 'abomey-calavi', count: 4 },
        ],
        departments: [
          { value: 'Littoral', count: 7 },
          { value: 'Atlantique', count: 4 },
        ],
        kinds: [
          { value: 'session', count: 6 },
          { value: 'document', count: 5 },
        ],
        categories: [{ value: 'deliberation', count: 5 }],
        fiscalYears: [
          { value: '2024', count: 5 },
          { value: '2025', count: 5 },
        ],
      },
    });
    expect(searchRecordHash(result.hits[0].record)).toBe(document.hash);
  });

  it('lists the most recent first without text, with no highlights', async () => {
    searchResponse = { hits: [], query: '', processingTimeMs: 1, hitsPerPage: 20, page: 1, totalPages: 0, totalHits: 0 };
    const result = await engine().search({ q: '', sort: 'relevance', page: 1, pageSize: 20 });
    expect(requests().at(-1)?.body).toEqual({
      q: '',
      facets: ['communeSlug', 'department', 'kind', 'category', 'fiscalYear'],
      sort: ['date:desc'],
      page: 1,
      hitsPerPage: 20,
      matchingStrategy: 'all',
      cropLength: 30,
      cropMarker: ' … ',
      highlightPreTag: S,
      highlightPostTag: E,
    });
    expect(result.facets).toEqual({ communes: [], departments: [], kinds: [], categories: [], fiscalYears: [] });
  });

  it('says the result is not exhaustive when the index counts past the window', async () => {
    // maxTotalHits is the window + 1 (meilisearch-settings.ts): 1,001 means "more than 1,000".
    searchResponse = { hits: [], query: 'budget', processingTimeMs: 1, hitsPerPage: 20, page: 1, totalPages: 51, totalHits: 1001 };
    const result = await engine().search({ q: 'budget', sort: 'relevance', page: 1, pageSize: 20 });
    expect(result).toMatchObject({ total: 1000, exhaustive: false });
  });
});
