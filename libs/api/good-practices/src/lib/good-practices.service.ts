import { Injectable } from '@nestjs/common';
import { ConflictError, NotFoundError, RequestContext, UnprocessableError } from '@communes/api-core';
import { AuditService } from '@communes/api-audit';
import { CommuneAccess, CommuneRecord } from '@communes/api-communes';
import { TenantTransaction } from '@communes/api-database';
import { NotificationOutbox } from '@communes/api-notifications';
import { asSubject } from '@communes/shared-permissions';
import {
  GOOD_PRACTICE_EDITABLE_STATUSES,
  GOOD_PRACTICE_LIMITS as LIMITS,
  GOOD_PRACTICE_STATUSES,
  type GoodPracticeReviewAction,
  type GoodPracticeStatus,
  type GoodPracticeTheme,
} from '@communes/shared-contracts';
import { GoodPracticeFields, GoodPracticeRecord, GoodPracticesRepository, GoodPracticeSummaryRecord, LibraryPage } from './good-practices.repository';
import type { GoodPracticeDto } from './good-practices.dto';
import type { GoodPracticeDocumentResponse, GoodPracticeResponse, GoodPracticeReviewResponse } from './good-practices-responses.dto';

export const goodPracticeSearchId = (id: string) => `good_practice:${id}`;

/** ANCB's decisions on a submitted practice, and the status each leads to. */
export type GoodPracticeDecision = 'publish' | 'request_changes' | 'reject';
const DECISIONS: Record<GoodPracticeDecision, Exclude<GoodPracticeReviewAction, 'submitted'>> = {
  publish: 'published',
  request_changes: 'changes_requested',
  reject: 'rejected',
};

export interface LibraryQuery {
  q?: string;
  theme?: GoodPracticeTheme;
  department?: string;
  commune?: string;
  year?: number;
  page?: number;
  pageSize?: number;
}

/**
 * Good practices: the commune writes and submits, ANCB decides, everyone reads what is
 * published. The status machine is here (409 on an illegal move); who may act is CASL's
 * (`good-practices.abilities.ts`); what each scope may read is the database's.
 */
@Injectable()
export class GoodPracticesService {
  constructor(
    private readonly access: CommuneAccess,
    private readonly practices: GoodPracticesRepository,
    private readonly audit: AuditService,
    private readonly notifications: NotificationOutbox,
    private readonly tx: TenantTransaction,
    private readonly requestContext: RequestContext,
  ) {}

  /** The commune's practices the caller may read (every status for its staff, published for others). */
  async list(slug: string): Promise<GoodPracticeSummaryRecord[]> {
    const commune = await this.access.findBySlug(slug);
    const statuses = GOOD_PRACTICE_STATUSES.filter((status) => this.requestContext.ability.can('read', asSubject('GoodPractice', { communeId: commune.id, status })));
    if (statuses.length === 0) return [];
    return this.access.runIn(commune, () => this.practices.list(commune.id, statuses));
  }

  async get(slug: string, id: string): Promise<GoodPracticeResponse> {
    const commune = await this.access.findBySlug(slug);
    return this.access.runIn(commune, async () => this.detail(commune, await this.readable(commune.id, id)));
  }

  async create(slug: string, input: GoodPracticeDto): Promise<GoodPracticeResponse> {
    const commune = await this.access.findBySlug(slug);
    this.access.authorize('create', 'GoodPractice', { communeId: commune.id, status: 'draft' });
    return this.access.runIn(commune, async () => {
      const id = await this.practices.insert(commune.id, fieldsOf(input, null), this.requestContext.actor.userId);
      if (input.documentIds) await this.linkDocuments(commune.id, id, input.documentIds);
      await this.audit.record({ communeId: commune.id, action: 'good-practice.created', targetType: 'good_practice', targetId: id, details: { title: input.title, theme: input.theme } });
      return this.detail(commune, await this.require(commune.id, id));
    });
  }

  /** Replaces the practice's texts (fields left out keep their value) while the commune may still edit it. */
  async update(slug: string, id: string, input: GoodPracticeDto): Promise<GoodPracticeResponse> {
    const commune = await this.access.findBySlug(slug);
    return this.access.runIn(commune, async () => {
      const practice = await this.require(commune.id, id, true);
      this.access.authorize('update', 'GoodPractice', { communeId: commune.id, status: practice.status });
      this.assertEditable(practice);
      await this.practices.update(commune.id, id, fieldsOf(input, practice));
      if (input.documentIds) await this.linkDocuments(commune.id, id, input.documentIds);
      await this.audit.record({ communeId: commune.id, action: 'good-practice.updated', targetType: 'good_practice', targetId: id, details: { title: input.title, status: practice.status } });
      return this.detail(commune, await this.require(commune.id, id));
    });
  }

  /** Deletes a draft that was never submitted (a submitted one keeps its history). */
  async remove(slug: string, id: string): Promise<void> {
    const commune = await this.access.findBySlug(slug);
    await this.access.runIn(commune, async () => {
      const practice = await this.require(commune.id, id, true);
      this.access.authorize('delete', 'GoodPractice', { communeId: commune.id, status: practice.status });
      if (practice.status !== 'draft') throw new ConflictError('good-practice.not-draft', 'Only a draft that was never submitted can be deleted.');
      await this.practices.delete(commune.id, id);
      await this.audit.record({ communeId: commune.id, action: 'good-practice.deleted', targetType: 'good_practice', targetId: id, details: { title: practice.title } });
    });
  }

  /** The commune sends its practice to ANCB (first time, or again after changes); ANCB's reviewers are emailed. */
  async submit(slug: string, id: string, comment: string | null): Promise<GoodPracticeResponse> {
    const commune = await this.access.findBySlug(slug);
    return this.access.runIn(commune, async () => {
      const practice = await this.require(commune.id, id, true);
      this.access.authorize('update', 'GoodPractice', { communeId: commune.id, status: practice.status });
      this.assertEditable(practice);
      const missing = missingForSubmission(practice);
      if (missing.length > 0) {
        throw new UnprocessableError('good-practice.incomplete', `Complete the practice before submitting it: ${missing.join('; ')}.`);
      }
      const documents = await this.practices.documents(commune.id, id);
      const unpublished = documents.filter((document) => document.state !== 'published');
      if (unpublished.length > 0) {
        throw new UnprocessableError('good-practice.document-not-published', `These linked documents are no longer published: ${unpublished.map((d) => d.title).join(', ')}. Remove them first.`);
      }
      const userId = this.requestContext.actor.userId;
      await this.practices.setStatus(commune.id, id, 'submitted', userId);
      await this.practices.insertReview(commune.id, id, 'submitted', comment, userId);
      await this.audit.record({ communeId: commune.id, action: 'good-practice.submitted', targetType: 'good_practice', targetId: id, details: { title: practice.title, from: practice.status } });
      // ANCB's reviewers are told, rather than having to watch their queue.
      await this.notifications.toPlatformAdmins(commune.id, 'good_practice.submitted', { practiceId: id, title: practice.title, from: practice.status, comment });
      return this.detail(commune, await this.require(commune.id, id));
    });
  }

  /** ANCB decides on a submitted practice; the commune's submitter is emailed the decision. */
  async decide(slug: string, id: string, decision: GoodPracticeDecision, comment: string | null): Promise<GoodPracticeResponse> {
    const status = DECISIONS[decision];
    return this.review(slug, id, 'submitted', status, comment, 'change_status');
  }

  /** ANCB takes a published practice off the library, with the reason. */
  async unpublish(slug: string, id: string, reason: string): Promise<GoodPracticeResponse> {
    return this.review(slug, id, 'published', 'unpublished', reason, 'withdraw');
  }

  /** The national library: published practices of every commune, filtered and searched. */
  async library(query: LibraryQuery): Promise<LibraryPage & { page: number; pageSize: number }> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 12;
    const result = await this.tx.run({ communeId: null, userId: this.requestContext.actor.userId, scope: 'monitoring' }, () =>
      this.practices.library({
        q: query.q ?? null,
        theme: query.theme ?? null,
        department: query.department ?? null,
        commune: query.commune ?? null,
        year: query.year ?? null,
        limit: pageSize,
        offset: (page - 1) * pageSize,
      }),
    );
    return { ...result, page, pageSize };
  }

  /** One published practice, whichever commune it belongs to. */
  async published(id: string): Promise<GoodPracticeResponse> {
    return this.tx.run({ communeId: null, userId: this.requestContext.actor.userId, scope: 'monitoring' }, async () => {
      const practice = await this.practices.findPublished(id);
      if (!practice) throw new NotFoundError('good-practice.not-found', 'No published good practice has this identifier.');
      const documents = await this.practices.publishedDocuments(practice.communeId, id);
      return toResponse(practice, documents, []);
    });
  }

  /** ANCB's queue across communes: submitted practices by default, oldest first. */
  async queue(status: Exclude<GoodPracticeStatus, 'draft'> = 'submitted'): Promise<GoodPracticeSummaryRecord[]> {
    return this.tx.run({ communeId: null, userId: this.requestContext.actor.userId, scope: 'platform' }, () => this.practices.queue([status]));
  }

  private async review(
    slug: string,
    id: string,
    from: GoodPracticeStatus,
    to: Exclude<GoodPracticeReviewAction, 'submitted'>,
    comment: string | null,
    action: 'change_status' | 'withdraw',
  ): Promise<GoodPracticeResponse> {
    const commune = await this.access.findBySlug(slug);
    return this.access.runIn(commune, async () => {
      const practice = await this.require(commune.id, id, true);
      if (practice.status !== from) {
        throw new ConflictError(
          from === 'submitted' ? 'good-practice.not-submitted' : 'good-practice.not-published',
          from === 'submitted' ? 'Only a practice waiting for review can be decided on.' : 'Only a published practice can be unpublished.',
        );
      }
      this.access.authorize(action, 'GoodPractice', { communeId: commune.id, status: practice.status });
      await this.practices.setStatus(commune.id, id, to, null);
      await this.practices.insertReview(commune.id, id, to, comment, this.requestContext.actor.userId);
      if (to === 'published' || from === 'published') await this.practices.enqueueSearchUpdate(commune.id, goodPracticeSearchId(id));
      await this.audit.record({ communeId: commune.id, action: `good-practice.${to.replace('_', '-')}`, targetType: 'good_practice', targetId: id, details: { title: practice.title, comment } });
      await this.notifications.toAccount(commune.id, practice.submittedBy, 'good_practice.reviewed', { practiceId: id, title: practice.title, decision: to, comment });
      return this.detail(commune, await this.require(commune.id, id));
    });
  }

  private assertEditable(practice: GoodPracticeRecord): void {
    if (!GOOD_PRACTICE_EDITABLE_STATUSES.includes(practice.status)) {
      const why: Partial<Record<GoodPracticeStatus, string>> = {
        submitted: 'it is waiting for ANCB’s review',
        published: 'it is published (ANCB must unpublish it first)',
        rejected: 'it was rejected',
      };
      throw new ConflictError('good-practice.not-editable', `This practice cannot be changed now: ${why[practice.status] ?? practice.status}.`);
    }
  }

  /** Linked documents must be published documents of the same commune. */
  private async linkDocuments(communeId: string, practiceId: string, documentIds: readonly string[]): Promise<void> {
    const unique = [...new Set(documentIds)];
    const published = new Set(await this.practices.publishedDocumentIds(communeId, unique));
    const refused = unique.filter((id) => !published.has(id));
    if (refused.length > 0) {
      throw new UnprocessableError('good-practice.document-not-found', `Link only published documents of this commune (not found or not published: ${refused.join(', ')}).`);
    }
    await this.practices.replaceDocuments(communeId, practiceId, unique);
  }

  private async detail(commune: CommuneRecord, practice: GoodPracticeRecord): Promise<GoodPracticeResponse> {
    const documents = await this.practices.documents(commune.id, practice.id);
    // The review history is the commune's and ANCB's business, not the public's.
    const scope = this.access.scopeIn(commune.id);
    const reviews = scope === 'staff' || scope === 'platform' ? await this.practices.reviews(commune.id, practice.id) : [];
    return toResponse(practice, documents, reviews);
  }

  private async readable(communeId: string, id: string): Promise<GoodPracticeRecord> {
    const practice = await this.require(communeId, id);
    this.access.authorize('read', 'GoodPractice', { communeId, status: practice.status });
    return practice;
  }

  private async require(communeId: string, id: string, lock = false): Promise<GoodPracticeRecord> {
    const practice = await this.practices.find(communeId, id, { lock });
    if (!practice) throw new NotFoundError('good-practice.not-found', 'No such good practice in this commune.');
    return practice;
  }
}

function fieldsOf(input: GoodPracticeDto, current: GoodPracticeRecord | null): GoodPracticeFields {
  return {
    title: input.title,
    theme: input.theme,
    summary: input.summary ?? current?.summary ?? '',
    body: input.body ?? current?.body ?? '',
    results: input.results ?? current?.results ?? '',
    contactRole: input.contactRole ?? current?.contactRole ?? '',
    contactDetails: input.contactDetails !== undefined ? input.contactDetails : (current?.contactDetails ?? null),
  };
}

/** What a practice still lacks to be submitted, in words the commune can act on. */
export function missingForSubmission(practice: Pick<GoodPracticeFields, 'summary' | 'body' | 'results' | 'contactRole'>): string[] {
  const checks: [keyof typeof practice, number][] = [
    ['summary', LIMITS.summary.min],
    ['body', LIMITS.body.min],
    ['results', LIMITS.results.min],
    ['contactRole', LIMITS.contactRole.min],
  ];
  return checks.filter(([field, min]) => practice[field].trim().length < min).map(([field, min]) => `${field} needs at least ${min} characters`);
}

function toResponse(practice: GoodPracticeRecord, documents: GoodPracticeDocumentResponse[], reviews: GoodPracticeReviewResponse[]): GoodPracticeResponse {
  // Who submitted is for the decision email only, not for the page.
  const visible: Omit<GoodPracticeRecord, 'submittedBy'> & { submittedBy?: string | null } = { ...practice };
  delete visible.submittedBy;
  return { ...visible, documents, reviews };
}
