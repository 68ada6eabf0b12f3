import { Injectable } from '@nestjs/common';
import { TenantTransaction } from '@communes/api-database';
import type { ModeratedContentSource, ModeratedContentSummary } from '@communes/shared-contracts';
import { feedbackSearchId } from './feedback.service';

const EXCERPT_LENGTH = 200;

type Row = Omit<ModeratedContentSummary, 'kind' | 'link'> & { trackingNumber: string };

const COLUMNS = `f.id, left(f.text, ${EXCERPT_LENGTH}) as excerpt, f.author_id as "authorId", u.display_name as "authorName",
  f.hidden_at is not null as hidden, f.hidden_reason as "hiddenReason", f.hidden_at as "hiddenAt", f.created_at as "createdAt",
  f.tracking_number as "trackingNumber"`;

/**
 * Doléances and suggestions lent to moderation (libs/api/moderation): only public feedback is
 * reportable and hideable (private feedback is read by its author and the staff only). Hiding
 * or restoring also updates the search index through the outbox.
 */
@Injectable()
export class FeedbackModerationSource implements ModeratedContentSource {
  readonly kind = 'feedback' as const;

  constructor(private readonly tx: TenantTransaction) {}

  async describe(commune: { id: string; slug: string }, ids: readonly string[]): Promise<ModeratedContentSummary[]> {
    this.tx.assertCommune(commune.id);
    const rows = await this.tx.query<Row>(
      `select ${COLUMNS} from feedback f left join users u on u.id = f.author_id
       where f.commune_id = $1 and f.id = any($2::uuid[]) and f.visibility = 'public'`,
      [commune.id, ids],
    );
    return rows.map((row) => this.summary(commune.slug, row));
  }

  async hidden(commune: { id: string; slug: string }, limit: number): Promise<ModeratedContentSummary[]> {
    this.tx.assertCommune(commune.id);
    const rows = await this.tx.query<Row>(
      `select ${COLUMNS} from feedback f left join users u on u.id = f.author_id
       where f.commune_id = $1 and f.hidden_at is not null order by f.hidden_at desc, f.id limit $2`,
      [commune.id, limit],
    );
    return rows.map((row) => this.summary(commune.slug, row));
  }

  async hide(communeId: string, id: string, reason: string, hiddenBy: string | null): Promise<void> {
    this.tx.assertCommune(communeId);
    await this.tx.query(
      `update feedback set hidden_at = now(), hidden_reason = $3, hidden_by = $4, updated_at = now() where commune_id = $1 and id = $2`,
      [communeId, id, reason, hiddenBy],
    );
    await this.tx.query(`insert into search_outbox (commune_id, record_id) values ($1, $2)`, [communeId, feedbackSearchId(id)]);
  }

  async restore(communeId: string, id: string): Promise<void> {
    this.tx.assertCommune(communeId);
    await this.tx.query(
      `update feedback set hidden_at = null, hidden_reason = null, hidden_by = null, updated_at = now() where commune_id = $1 and id = $2`,
      [communeId, id],
    );
    await this.tx.query(`insert into search_outbox (commune_id, record_id) values ($1, $2)`, [communeId, feedbackSearchId(id)]);
  }

  private summary(slug: string, { trackingNumber, ...row }: Row): ModeratedContentSummary {
    return { kind: this.kind, ...row, link: `/suivi/${trackingNumber}?commune=${slug}` };
  }
}
