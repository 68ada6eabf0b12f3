import { Client } from 'pg';

const PILOTS = ['cotonou', 'abomey-calavi', 'akpro-misserete'];

/**
 * Demo moderation for the pilots (after the demo feedback and debates): a few reports by
 * residents, so that a moderator's queue (`/console/:slug/moderation`) has something to show,
 * and one report already dismissed (the "handled" view). Reporters are anonymous, as anyone may
 * report. Once per commune (skipped when the commune already has reports); returns how many
 * reports were added.
 */
export async function seedDemoModeration(ownerUrl: string): Promise<number> {
  const client = new Client({ connectionString: ownerUrl });
  await client.connect();
  let added = 0;
  try {
    for (const slug of PILOTS) {
      const commune = (await client.query<{ id: string }>('select id from communes where slug = $1', [slug])).rows[0];
      if (!commune) continue;
      await client.query('begin');
      try {
        await client.query(`select set_config('app.commune_id', $1, true), set_config('app.scope', 'staff', true)`, [commune.id]);
        if ((await client.query('select 1 from moderation_reports where commune_id = $1 limit 1', [commune.id])).rowCount === 0) {
          const feedback = (await client.query<{ id: string }>(
            `select id from feedback where commune_id = $1 and visibility = 'public' and hidden_at is null order by created_at desc limit 2`,
            [commune.id],
          )).rows;
          const comment = (await client.query<{ id: string }>(
            `select c.id from debate_comments c join debate_topics t on t.commune_id = c.commune_id and t.id = c.topic_id
             where c.commune_id = $1 and not c.is_official and c.hidden_at is null and t.state = 'open' order by c.created_at desc limit 1`,
            [commune.id],
          )).rows[0];
          const reports: [string, string, string, string | null, boolean][] = [];
          if (feedback[0]) {
            reports.push(['feedback', feedback[0].id, 'off_topic', 'Ce message parle d’un problème privé entre voisins.', false]);
            reports.push(['feedback', feedback[0].id, 'other', null, false]);
          }
          if (comment) reports.push(['debate_comment', comment.id, 'abuse', 'Le ton est agressif envers les autres habitants.', false]);
          if (feedback[1]) reports.push(['feedback', feedback[1].id, 'spam', null, true]);
          for (const [kind, contentId, reason, details, dismissed] of reports) {
            await client.query(
              `insert into moderation_reports (commune_id, content_kind, content_id, reason, details, status, handled_at, created_at)
               values ($1, $2, $3, $4, $5, $6, case when $7 then now() - interval '1 day' end, now() - interval '2 days')`,
              [commune.id, kind, contentId, reason, details, dismissed ? 'dismissed' : 'open', dismissed],
            );
            added += 1;
          }
        }
        await client.query('commit');
      } catch (error) {
        await client.query('rollback');
        throw error;
      }
    }
  } finally {
    await client.end();
  }
  return added;
}
