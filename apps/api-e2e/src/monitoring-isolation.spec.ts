import { describeIsolationMatrix, MatrixEndpoint } from '@communes/api-testing';

/**
 * National figures in the isolation matrix. They belong to no commune: adoption is for ANCB and
 * the ministry only; the publication summary and its CSV are public (published facts only, see
 * MonitoringController). Every call is a read: nothing may change, whoever calls.
 */
const ENDPOINTS: MatrixEndpoint[] = [
  { name: 'GET /monitoring/adoption', allowed: ['ancb', 'ministry'], prepare: async () => ({ method: 'GET', url: '/api/v1/monitoring/adoption' }) },
  { name: 'GET /monitoring/publications', allowed: 'everyone', prepare: async () => ({ method: 'GET', url: '/api/v1/monitoring/publications' }) },
  { name: 'GET /monitoring/publications.csv', allowed: 'everyone', prepare: async () => ({ method: 'GET', url: '/api/v1/monitoring/publications.csv?department=Littoral' }) },
];

describeIsolationMatrix('monitoring', ENDPOINTS, (matrix) => {
  it("shows a commune's drafts to nobody, not even its own staff: the figures are the same for every caller", async () => {
    const ctx = matrix.ctx();
    await ctx.newDocument('cotonou', { state: 'draft' });
    await ctx.sql.query(`update documents set category = 'budget_primitif', fiscal_year = 2030 where state = 'draft'`);
    const answers = await Promise.all(
      (['anonymous', 'editorA', 'adminA', 'ancb', 'ministry'] as const).map(async (role) => {
        const response = await ctx.request<{ communes: { slug: string; score: number; publications: { published: boolean }[] }[] }>({
          method: 'GET', url: '/api/v1/monitoring/publications?year=2030&department=Littoral', token: matrix.token(role),
        });
        return response.body.communes.map((c) => ({ slug: c.slug, score: c.score, published: c.publications.filter((p) => p.published).length }));
      }),
    );
    for (const answer of answers) expect(answer).toEqual([{ slug: 'cotonou', score: 0, published: 0 }]);
  });
});
