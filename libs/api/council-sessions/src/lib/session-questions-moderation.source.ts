import { Injectable } from '@nestjs/common';
import { TenantTransaction } from '@communes/api-database';
import type { ModeratedContentSource, ModeratedContentSummary } from '@communes/shared-contracts';
import { CouncilSessionsRepository } from './council-sessions.repository';

const EXCERPT_LENGTH = 200;

type Row = Omit<ModeratedContentSummary, 'kind' | 'link'> & { sessionId: string };

const COLUMNS = `q.id, left(q.text, ${EXCERPT_LENGTH}) as excerpt, q.author_id as "authorId", u.display_name as "authorName",
  q.hidden_at is not null as hidden, q.hidden_reason as "hiddenReason", q.hidden_at as "hiddenAt", q.created_at as "createdAt",
  q.session_id as "sessionId"`;

/**
 * Questions to council sessions lent to moderation (libs/api/moderation). Hiding or restoring
 * one tells the people following the session live, like the per-session hide does.
 */
@Injectable()
export class SessionQuestionsModerationSource implements ModeratedContentSource {
  readonly kind = 'session_question' as const;

  constructor(
    private readonly tx: TenantTransaction,
    private readonly sessions: CouncilSessionsRepository,
  ) {}

  async describe(commune: { id: string; slug: string }, ids: readonly string[]): Promise<ModeratedContentSummary[]> {
    this.tx.assertCommune(commune.id);
    const rows = await this.tx.query<Row>(
      `select ${COLUMNS} from council_session_questions q left join users u on u.id = q.author_id
       where q.commune_id = $1 and q.id = any($2::uuid[])
         and exists (select 1 from council_sessions s where s.commune_id = q.commune_id and s.id = q.session_id)`,
      [commune.id, ids],
    );
    return rows.map((row) => this.summary(commune.slug, row));
  }

  async hidden(commune: { id: string; slug: string }, limit: number): Promise<ModeratedContentSummary[]> {
    this.tx.assertCommune(commune.id);
    const rows = await this.tx.query<Row>(
      `select ${COLUMNS} from council_session_questions q left join users u on u.id = q.author_id
       where q.commune_id = $1 and q.hidden_at is not null order by q.hidden_at desc, q.id limit $2`,
      [commune.id, limit],
    );
    return rows.map((row) => this.summary(commune.slug, row));
  }

  async hide(communeId: string, id: string, reason: string, hiddenBy: string | null): Promise<void> {
    await this.sessions.hideQuestion(communeId, id, reason, hiddenBy);
    const sessionId = await this.sessionOf(communeId, id);
    if (sessionId) await this.sessions.appendEvent(communeId, sessionId, 'hidden', { questionId: id });
  }

  async restore(communeId: string, id: string): Promise<void> {
    this.tx.assertCommune(communeId);
    await this.tx.query(
      `update council_session_questions set hidden_at = null, hidden_reason = null, hidden_by = null where commune_id = $1 and id = $2`,
      [communeId, id],
    );
    // Followers reload the session, and so the question back in its place.
    const sessionId = await this.sessionOf(communeId, id);
    if (sessionId) await this.sessions.appendEvent(communeId, sessionId, 'updated', {});
  }

  private async sessionOf(communeId: string, id: string): Promise<string | null> {
    const [row] = await this.tx.query<{ sessionId: string }>(
      `select session_id as "sessionId" from council_session_questions where commune_id = $1 and id = $2`,
      [communeId, id],
    );
    return row?.sessionId ?? null;
  }

  private summary(slug: string, { sessionId, ...row }: Row): ModeratedContentSummary {
    return { kind: this.kind, ...row, link: `/communes/${slug}/sessions/${sessionId}` };
  }
}
