import { Client } from 'pg';
import { seedDemoBranding } from '@communes/api-demo';
import { DocumentStorage, parseObjectKey } from '@communes/api-storage';
import { TestContext } from '@communes/api-testing';

interface Problem {
  status: number;
  code: string;
  detail: string;
  errors?: { field: string; messages: string[] }[];
}
interface Branding {
  primaryColor: string | null;
  secondaryColor: string | null;
  logoUrl: string | null;
  presentation: string | null;
  mayorName: string | null;
  contactEmail: string | null;
  contactPhone: string | null;
  address: string | null;
  website: string | null;
  updatedAt: string | null;
}

/** A real 1×1 PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
const WEBP = Buffer.from('UklGRiQAAABXRUJQVlA4IBgAAAAwAQCdASoBAAEAAwA0JaQAA3AA/vuUAAA=', 'base64');

describe('a commune presents itself: colours, logo, text, contact', () => {
  let ctx: TestContext;
  let adminA: string;
  let ancb: string;

  beforeAll(async () => {
    ctx = await TestContext.create();
    adminA = await ctx.tokenFor(await ctx.newUser({ memberships: [{ communeSlug: 'cotonou', role: 'admin' }] }));
    ancb = await ctx.tokenFor(await ctx.newUser({ platformRole: 'platform_admin' }));
  });
  afterAll(() => ctx.close());

  const patch = (body: unknown, token: string | null = adminA) => ctx.request<Branding & Problem>({ method: 'PATCH', url: '/api/v1/communes/cotonou/branding', token, body });

  it('starts empty on the public page, then shows what the admin sets', async () => {
    const before = await ctx.request<{ branding: Branding }>({ method: 'GET', url: '/api/v1/communes/cotonou' });
    expect(before.body.branding).toEqual({
      primaryColor: null, secondaryColor: null, logoUrl: null, presentation: null, mayorName: null,
      contactEmail: null, contactPhone: null, address: null, website: null, updatedAt: null,
    });

    const set = await patch({
      primaryColor: '#0B6E4F',
      secondaryColor: '#8a3b12',
      presentation: '  Cotonou, capitale économique du Bénin, publie ici ses budgets et ses marchés.  ',
      mayorName: 'Luc Sètondji Atrokpo',
      contactEmail: 'mairie@cotonou.bj',
      contactPhone: '+22921300000',
      address: 'Hôtel de ville, Cotonou',
      website: 'https://www.mairie-cotonou.bj',
    });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ primaryColor: '#0b6e4f', presentation: 'Cotonou, capitale économique du Bénin, publie ici ses budgets et ses marchés.' });

    // A partial change leaves the rest; "" and null clear a field.
    expect((await patch({ website: null, address: '' })).body).toMatchObject({ website: null, address: null, mayorName: 'Luc Sètondji Atrokpo' });

    const page = await ctx.request<{ branding: Branding }>({ method: 'GET', url: '/api/v1/communes/cotonou' });
    expect(page.body.branding).toMatchObject({ primaryColor: '#0b6e4f', secondaryColor: '#8a3b12', contactPhone: '+22921300000', website: null });

    const audit = await ctx.sql.query<{ action: string }>(`select action from audit_events where target_id = (select id::text from communes where slug = 'cotonou') order by id`);
    expect(audit.rows.map((r) => r.action)).toEqual(['commune.branding-updated', 'commune.branding-updated']);
  });

  it('refuses bad input with clear problem+json, and keeps what was stored', async () => {
    const stored = await ctx.sql.query(`select * from commune_profiles`);
    const cases: [unknown, number, string, string?][] = [
      [{ primaryColor: 'green' }, 400, 'validation.failed', 'primaryColor'],
      [{ primaryColor: '#fff' }, 400, 'validation.failed', 'primaryColor'],
      [{ primaryColor: '#ffd700' }, 422, 'branding.insufficient-contrast'],
      [{ secondaryColor: '#77aa77' }, 422, 'branding.insufficient-contrast'],
      [{ presentation: 'x'.repeat(1501) }, 400, 'validation.failed', 'presentation'],
      [{ contactEmail: 'pas-une-adresse' }, 400, 'validation.failed', 'contactEmail'],
      [{ contactPhone: '97 00 00 00' }, 400, 'validation.failed', 'contactPhone'],
      [{ website: 'javascript:alert(1)' }, 400, 'validation.failed', 'website'],
      [{ colour: '#000000' }, 400, 'validation.failed', 'colour'],
      [{}, 400, 'validation.failed', 'body'],
    ];
    for (const [body, status, code, field] of cases) {
      const response = await patch(body);
      expect({ body, status: response.status, code: response.body.code }).toEqual({ body, status, code });
      expect(response.headers['content-type']).toContain('application/problem+json');
      if (field) expect(response.body.errors?.map((e) => e.field)).toContain(field);
    }
    const contrast = await patch({ primaryColor: '#ffd700' });
    expect(contrast.body.detail).toMatch(/1\.\d\d:1.*4\.5:1/);
    expect((await ctx.sql.query(`select * from commune_profiles`)).rows).toEqual(stored.rows);
  });

  it('takes a PNG or WebP logo judged by its bytes, serves it publicly with cache headers, and refuses lying bytes', async () => {
    const put = (fileName: string, bytes: Buffer, contentType = 'image/png') =>
      ctx.upload<Branding & Problem>({ url: '/api/v1/communes/cotonou/logo', token: adminA, fileName, bytes, contentType });

    const refused: [string, Buffer, string, number, string][] = [
      ['logo.png', Buffer.from('<html><script>alert(1)</script></html>'), 'image/png', 415, 'branding.logo-type'],
      ['logo.png', Buffer.from('%PDF-1.4\n% not an image\n'), 'image/png', 415, 'branding.logo-type'],
      ['logo.png', Buffer.concat([PNG.subarray(0, 16), Buffer.from('<script>alert(1)</script>')]), 'image/png', 415, 'branding.logo-type'],
      ['logo.svg', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'), 'image/svg+xml', 415, 'branding.logo-svg-refused'],
      ['logo.png', Buffer.alloc(0), 'image/png', 400, 'branding.logo-empty'],
      ['logo.png', Buffer.concat([PNG.subarray(0, 16), Buffer.from([0, 0, 0x75, 0x30, 0, 0, 0x75, 0x30]), PNG.subarray(24)]), 'image/png', 422, 'branding.logo-dimensions'],
      ['logo.png', Buffer.concat([PNG, Buffer.alloc(1024 * 1024)]), 'image/png', 413, 'branding.logo-too-large'],
    ];
    for (const [name, bytes, type, status, code] of refused) {
      const response = await put(name, bytes, type);
      expect({ name, status: response.status, code: response.body.code }).toEqual({ name, status, code });
      expect(response.headers['content-type']).toContain('application/problem+json');
    }
    expect((await ctx.sql.query(`select logo_object_key from commune_profiles where logo_object_key is not null`)).rows).toEqual([]);
    expect((await ctx.request({ method: 'GET', url: '/api/v1/communes/cotonou/logo' })).status).toBe(404);

    // A real PNG, even named .jpg and sent as text/plain: the bytes decide.
    const saved = await put('logo.jpg', PNG, 'text/plain');
    expect(saved.status).toBe(200);
    expect(saved.body.logoUrl).toMatch(/^\/api\/v1\/communes\/cotonou\/logo\?v=[0-9a-f]{12}$/);
    const image = await ctx.request({ method: 'GET', url: saved.body.logoUrl ?? '' });
    expect(image.status).toBe(200);
    expect(image.headers['content-type']).toBe('image/png');
    expect(image.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(image.raw.equals(PNG)).toBe(true);
    const unversioned = await ctx.request({ method: 'GET', url: '/api/v1/communes/cotonou/logo' });
    expect(unversioned.headers['cache-control']).toBe('public, max-age=300');
    const etag = String(image.headers['etag']);
    expect((await ctx.request({ method: 'GET', url: '/api/v1/communes/cotonou/logo', headers: { 'if-none-match': etag } })).status).toBe(304);

    // Replacing it changes the URL and removes the old object.
    const oldKey = (await ctx.sql.query<{ k: string }>(`select logo_object_key as k from commune_profiles`)).rows[0].k;
    const replaced = await put('logo.webp', WEBP, 'image/webp');
    expect(replaced.status).toBe(200);
    expect(replaced.body.logoUrl).not.toBe(saved.body.logoUrl);
    expect((await ctx.request({ method: 'GET', url: replaced.body.logoUrl ?? '' })).headers['content-type']).toBe('image/webp');
    expect(oldKey).toContain('/branding/logo-');
    expect(await ctx.app.get(DocumentStorage).stat(parseObjectKey(oldKey))).toBeNull();
    const page = await ctx.request<{ branding: Branding }>({ method: 'GET', url: '/api/v1/communes/cotonou' });
    expect(page.body.branding.logoUrl).toBe(replaced.body.logoUrl);

    const removed = await ctx.request<Branding>({ method: 'DELETE', url: '/api/v1/communes/cotonou/logo', token: adminA });
    expect(removed.body.logoUrl).toBeNull();
    expect((await ctx.request({ method: 'GET', url: replaced.body.logoUrl ?? '' })).status).toBe(404);
    const audit = await ctx.sql.query<{ action: string }>(`select action from audit_events where action like 'commune.logo-%' order by id`);
    expect(audit.rows.map((r) => r.action)).toEqual(['commune.logo-updated', 'commune.logo-updated', 'commune.logo-removed']);
  });

  it('lets ANCB present a commune while onboarding it, and not after', async () => {
    expect((await ctx.request({ method: 'POST', url: '/api/v1/communes', token: ancb, body: { slug: 'ouidah' } })).status).toBe(201);
    const during = await ctx.request<Branding>({ method: 'PATCH', url: '/api/v1/communes/ouidah/branding', token: ancb, body: { primaryColor: '#1d3557', presentation: 'Ouidah, cité historique.' } });
    expect(during.status).toBe(200);
    expect((await ctx.request({ method: 'PATCH', url: '/api/v1/communes/ouidah/status', token: ancb, body: { status: 'active' } })).status).toBe(200);
    const after = await ctx.request<Problem>({ method: 'PATCH', url: '/api/v1/communes/ouidah/branding', token: ancb, body: { primaryColor: '#000000' } });
    expect(after.status).toBe(403);
    const page = await ctx.request<{ branding: Branding }>({ method: 'GET', url: '/api/v1/communes/ouidah' });
    expect(page.body.branding.primaryColor).toBe('#1d3557');
  });

  it('the database agrees: ANCB writes a presentation only while onboarding, staff only their own commune, the public never', async () => {
    const cotonou = await ctx.communeId('cotonou');
    const calavi = await ctx.communeId('abomey-calavi');
    const app = new Client({ connectionString: ctx.db.appUrl });
    await app.connect();
    const attempt = async (scope: string, communeId: string, target: string): Promise<string> => {
      await app.query('begin');
      try {
        await app.query(`select set_config('app.scope', $1, true), set_config('app.commune_id', $2, true)`, [scope, communeId]);
        const updated = await app.query(`update commune_profiles set mayor_name = 'Pirate' where commune_id = $1`, [target]);
        if (updated.rowCount) return 'updated';
        await app.query(`insert into commune_profiles (commune_id, mayor_name) values ($1, 'Pirate') on conflict (commune_id) do nothing`, [target]);
        return 'inserted';
      } catch (error) {
        return (error as { code?: string }).code === '42501' ? 'refused' : String(error);
      } finally {
        await app.query('rollback');
      }
    };
    try {
      expect(await attempt('platform', cotonou, cotonou)).toBe('refused'); // Cotonou is active: no longer ANCB's to present
      expect(await attempt('platform', calavi, calavi)).toBe('refused');
      expect(await attempt('staff', calavi, cotonou)).toBe('refused');
      expect(await attempt('public', cotonou, cotonou)).toBe('refused');
      expect(await attempt('observer', cotonou, cotonou)).toBe('refused');
      expect(await attempt('staff', cotonou, cotonou)).toBe('updated');
    } finally {
      await app.end();
    }
  });

  it('seeds the demo presentation of the pilots once, leaving a commune that has one alone', async () => {
    const seeded = await seedDemoBranding(ctx.db.ownerUrl);
    expect(seeded).toBe(2); // Cotonou already presented itself above
    expect(await seedDemoBranding(ctx.db.ownerUrl)).toBe(0);
    const calavi = await ctx.request<{ branding: Branding }>({ method: 'GET', url: '/api/v1/communes/abomey-calavi' });
    expect(calavi.body.branding).toMatchObject({ primaryColor: '#1d3557', contactEmail: 'contact@abomey-calavi.demo.communes.bj' });
  });
});
