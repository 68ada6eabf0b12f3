import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { DocumentStorage, objectKeyFor } from '@communes/api-storage';
import { COMMUNE_A, describeIsolationMatrix, MatrixEndpoint, TestContext } from '@communes/api-testing';

/** A commune's presentation in the isolation matrix: commune A (Cotonou) is active, past onboarding. */
const base = `/api/v1/communes/${COMMUNE_A}`;
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

/** Gives commune A a logo, written directly (storage and row). */
async function withLogo(ctx: TestContext): Promise<void> {
  const communeId = await ctx.communeId(COMMUNE_A);
  const sha256 = createHash('sha256').update(PNG).digest('hex');
  const key = objectKeyFor(communeId, 'branding', `logo-${sha256}.png`);
  await ctx.app.get(DocumentStorage).put(key, Readable.from([PNG]), { size: PNG.length, contentType: 'image/png' });
  await ctx.sql.query(
    `insert into commune_profiles (commune_id, logo_object_key, logo_media_type, logo_size_bytes, logo_sha256, logo_updated_at)
     values ($1, $2, 'image/png', $3, $4, now())
     on conflict (commune_id) do update set logo_object_key = $2, logo_media_type = 'image/png', logo_size_bytes = $3, logo_sha256 = $4`,
    [communeId, key, PNG.length, sha256],
  );
}

const ENDPOINTS: MatrixEndpoint[] = [
  { name: 'GET /communes/:slug (with branding)', allowed: 'everyone', prepare: async () => ({ method: 'GET', url: base }) },
  { name: 'GET /communes/:slug/logo', allowed: 'everyone', prepare: async (ctx) => (await withLogo(ctx), { method: 'GET', url: `${base}/logo` }) },
  { name: 'PATCH /communes/:slug/branding', allowed: ['adminA'], prepare: async () => ({ method: 'PATCH', url: `${base}/branding`, body: { primaryColor: '#1d3557', mayorName: 'Maire de test' } }) },
  { name: 'POST /communes/:slug/logo', allowed: ['adminA'], prepare: async () => ({ method: 'POST', url: `${base}/logo`, upload: { fileName: 'logo.png', bytes: PNG } }) },
  { name: 'DELETE /communes/:slug/logo', allowed: ['adminA'], prepare: async (ctx) => (await withLogo(ctx), { method: 'DELETE', url: `${base}/logo` }) },
];

describeIsolationMatrix('commune branding', ENDPOINTS, (matrix) => {
  it('during onboarding: ANCB may present the commune, no other commune’s admin may, the database agrees', async () => {
    const ctx = matrix.ctx();
    await ctx.sql.query(`update communes set status = 'onboarding', onboarding_started_at = now() where slug = 'porto-novo'`);
    const url = '/api/v1/communes/porto-novo/branding';
    expect((await ctx.request({ method: 'PATCH', url, token: matrix.token('ancb'), body: { presentation: 'Porto-Novo, capitale.' } })).status).toBe(200);
    for (const role of ['adminA', 'editorA', 'adminB', 'ministry', 'citizen'] as const) {
      const response = await ctx.request({ method: 'PATCH', url, token: matrix.token(role), body: { presentation: 'Changé' } });
      expect({ role, status: response.status }).toEqual({ role, status: 403 });
    }
    const stored = await ctx.sql.query<{ presentation: string }>(`select presentation from commune_profiles p join communes c on c.id = p.commune_id where c.slug = 'porto-novo'`);
    expect(stored.rows).toEqual([{ presentation: 'Porto-Novo, capitale.' }]);
  });
});
