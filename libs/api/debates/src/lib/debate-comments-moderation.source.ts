import { Injectable } from '@nestjs/common';
import { TenantTransaction } from '@communes/api-database';
import type { ModeratedContentSource, ModeratedContentSummary } from '@communes/shared-contracts';
import { DebatesRepository } from './debates.repository';

const EXCERPT_LENGTH = 200;

type Row = Omit<ModeratedContentSummary, 'kind' | 'link'> & { topicId: string };

const COLUMNS = `c.id, left(c.body, ${EXCERPT_LENGTH}) as excerpt, c.author_id as "authorId", u.display_name as "authorName",
  c.hidden_at is not null as hidden, c.hidden_reason as "hiddenReason", c.hidden_at as "hiddenAt", c.created_at as "createdAt",
  c.topic_id as "topicId"`;

/**
 * Debate comments lent to moderation (libs/api/moderation). The commune's official answers are
 * not citizen content: they are neither reported nor hidden here. RLS shows a comment with its
 * topic (drafts stay the staff's).
 */
@Injectable()
export class DebateCommentsModerationSource implements ModeratedContentSource {
  readonly kind = 'debate_comment' as const;

  constructor(
    private readonly tx: TenantTransaction,
    private readonly debates: DebatesRepository,
  ) {}

  async describe(commune: { id: string; slug: string }, ids: readonly string[]): Promise<ModeratedContentSummary[]> {
    this.tx.assertCommune(commune.id);
    const rows = await this.tx.query<Row>(
      `select ${COLUMNS} from debate_comments c left join users u on u.id = c.author_id
       where c.commune_id = $1 and c.id = any($2::uuid[]) and not c.is_official
         and exists (select 1 from debate_topics t where t.commune_id = c.commune_id and t.id = c.topic_id)`,
      [commune.id, ids],
    );
    return rows.map((row) => this.summary(commune.slug, row));
  }

  async hidden(commune: { id: string; slug: string }, limit: number): Promise<ModeratedContentSummary[]> {
    this.tx.assertCommune(commune.id);
    const rows = await this.tx.query<Row>(
      `select ${COLUMNS} from debate_comments c left join users u on u.id = c.author_id
       where c.commune_id = $1 and c.hidden_at is not null order by c.hidden_at desc, c.id limit $2`,
      [commune.id, limit],
    );
    return rows.map((row) => this.summary(commune.slug, row));
  }

  hide(communeId: string, id: string, reason: string, hiddenBy: string | null): Promise<void> {
    return this.debates.setHidden(communeId, id, { by: hiddenBy, reason });
  }

  restore(communeId: string, id: string): Promise<void> {
    return this.debates.setHidden(communeId, id, null);
  }

  private summary(slug: string, { topicId, ...row }: Row): ModeratedContentSummary {
    return { kind: this.kind, ...row, link: `/communes/${slug}/debats/${topicId}` };
  }
}
