import { Client } from 'pg';

/**
 * How the pilot communes present themselves in the demo: colours that keep white text readable
 * (WCAG AA, checked by the API and by seed-demo-branding.spec.ts), a short text, the town hall's
 * contact. Fictitious contacts on the demo domain; no mayor's name (we do not invent real people).
 */
export const DEMO_BRANDING: Record<string, { primaryColor: string; secondaryColor: string; presentation: string; address: string; contactEmail: string }> = {
  cotonou: {
    primaryColor: '#0b6e4f',
    secondaryColor: '#7a3e00',
    presentation:
      'Cotonou, capitale économique du Bénin, publie ici ses budgets, ses comptes, ses marchés et l’agenda du maire.\n\n' +
      'Chaque citoyen peut consulter ces documents, poser ses questions et signaler un problème de son quartier.',
    address: 'Hôtel de ville, Cotonou',
    contactEmail: 'contact@cotonou.demo.communes.bj',
  },
  'abomey-calavi': {
    primaryColor: '#1d3557',
    secondaryColor: '#9d0208',
    presentation:
      'Abomey-Calavi, commune universitaire et en pleine croissance, rend compte ici de ses finances et de ses chantiers.\n\n' +
      'Retrouvez le budget de l’année, les marchés attribués et les séances de reddition de comptes.',
    address: 'Mairie d’Abomey-Calavi',
    contactEmail: 'contact@abomey-calavi.demo.communes.bj',
  },
  'akpro-misserete': {
    primaryColor: '#6a1b4d',
    secondaryColor: '#2d6a4f',
    presentation:
      'Akpro-Missérété, dans l’Ouémé, partage avec ses habitants ses budgets, ses plans et les décisions du conseil communal.',
    address: 'Mairie d’Akpro-Missérété',
    contactEmail: 'contact@akpro-misserete.demo.communes.bj',
  },
};

/** Once per commune: a commune that already has a presentation is left alone. */
export async function seedDemoBranding(ownerUrl: string): Promise<number> {
  const client = new Client({ connectionString: ownerUrl });
  await client.connect();
  let created = 0;
  try {
    for (const [slug, branding] of Object.entries(DEMO_BRANDING)) {
      const commune = (await client.query<{ id: string }>('select id from communes where slug = $1', [slug])).rows[0];
      if (!commune) continue;
      await client.query('begin');
      try {
        await client.query(`select set_config('app.commune_id', $1, true), set_config('app.scope', 'staff', true)`, [commune.id]);
        const inserted = await client.query(
          `insert into commune_profiles (commune_id, primary_color, secondary_color, presentation, address, contact_email)
           values ($1, $2, $3, $4, $5, $6) on conflict (commune_id) do nothing`,
          [commune.id, branding.primaryColor, branding.secondaryColor, branding.presentation, branding.address, branding.contactEmail],
        );
        created += inserted.rowCount ?? 0;
        await client.query('commit');
      } catch (error) {
        await client.query('rollback');
        throw error;
      }
    }
  } finally {
    await client.end();
  }
  return created;
}
