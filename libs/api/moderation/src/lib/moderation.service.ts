import { Injectable } from '@nestjs/common';
import { ConflictError, NotFoundError, RequestContext } from '@communes/api-core';
import { AuditService } from '@communes/api-audit';
import { NotificationOutbox } from '@communes/api-notifications';
import { CommuneAccess, CommuneRecord } from '@communes/api-communes';
import type { ModeratedContentKind, ModeratedContentSummary, ModerationAction, ModerationDecisionHook, ModerationQueueState, ReportReason } from '@communes/shared-contracts';
import { ModerationRepository, ReportStats } from './moderation.repository';
import { ModerationSources } from './moderation-sources';

/** How many hidden contents of each kind the `hidden` view reads at most (newest first). */
const HIDDEN_VIEW_LIMIT = 1000;

export interface ReportInput {
  contentKind: ModeratedContentKind;
  contentId: string;
  reason: ReportReason;
  details?: string;
}

export interface ReportReceipt {
  contentKind: ModeratedContentKind;
  contentId: string;
  reason: ReportReason;
  /** True when this account had already reported the content (nothing new recorded). */
  alreadyReported: boolean;
}

/** One content in the moderation queue: what it is (null fields when it no longer exists) and what reports say. */
export interface ModerationItem {
  kind: ModeratedContentKind;
  contentId: string;
  /** False when the content was deleted since it was reported. */
  exists: boolean;
  excerpt: string | null;
  authorName: string | null;
  link: string | null;
  createdAt: Date | null;
  hidden: boolean;
  hiddenReason: string | null;
  hiddenAt: Date | null;
  reportCount: number;
  openReportCount: number;
  reasons: ReportReason[];
  details: string[];
  firstReportedAt: Date | null;
  lastReportedAt: Date | null;
  handledAt: Date | null;
}

export interface ModerationQueueInput {
  state?: ModerationQueueState;
  kind?: ModeratedContentKind;
  page?: number;
  pageSize?: number;
}

/**
 * Reports, the queue and the decisions (hide, restore, dismiss), for every kind of citizen
 * content, through the features' `ModeratedContentSource`s. Every action is audited; a hidden
 * content's author gets an email with the reason, and another when it is restored.
 */
@Injectable()
export class ModerationService implements ModerationDecisionHook {
  constructor(
    private readonly access: CommuneAccess,
    private readonly reports: ModerationRepository,
    private readonly sources: ModerationSources,
    private readonly audit: AuditService,
    private readonly requestContext: RequestContext,
    private readonly notifications: NotificationOutbox,
  ) {}

  /**
   * Anyone reports a content they can read (in the public scope, whoever they are: a report is
   * a citizen's act). Unknown, unreadable or foreign content: 404, the same answer, so nothing
   * leaks about what exists.
   */
  async report(slug: string, input: ReportInput): Promise<ReportReceipt> {
    const commune = await this.access.findBySlug(slug);
    this.access.authorize('create', 'ModerationReport', { communeId: commune.id });
    const reporterId = this.requestContext.actor.userId;
    return this.access.runIn(
      commune,
      async () => {
        const content = await this.describeOne(commune, input.contentKind, input.contentId);
        if (content.hidden) throw new ConflictError('moderation.already-hidden', 'The commune has already hidden this content.');
        if (reporterId !== null && content.authorId === reporterId) throw new ConflictError('moderation.own-content', 'You cannot report your own content.');
        const reportId = await this.reports.insertReport(commune.id, { kind: input.contentKind, contentId: input.contentId, reporterId, reason: input.reason, details: input.details ?? null });
        if (reportId === null) return { contentKind: input.contentKind, contentId: input.contentId, reason: input.reason, alreadyReported: true };
        await this.audit.record({ communeId: commune.id, action: 'moderation.reported', targetType: input.contentKind, targetId: input.contentId, details: { reportId, reason: input.reason } });
        return { contentKind: input.contentKind, contentId: input.contentId, reason: input.reason, alreadyReported: false };
      },
      'public',
    );
  }

  /** The commune's moderators and admins: reported contents (open or handled), or every hidden content. */
  async queue(slug: string, query: ModerationQueueInput): Promise<{ items: ModerationItem[]; total: number; page: number; pageSize: number }> {
    const commune = await this.access.findBySlug(slug);
    this.access.authorize('read', 'ModeratedContent', { communeId: commune.id });
    const state = query.state ?? 'open';
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    return this.access.runIn(commune, async () => {
      if (state === 'hidden') {
        const sources = query.kind ? [this.sources.get(query.kind)] : this.sources.all();
        // One after the other: they share the request's transaction (one connection).
        const hidden: ModeratedContentSummary[] = [];
        for (const source of sources) hidden.push(...(await source.hidden(commune, HIDDEN_VIEW_LIMIT)));
        hidden.sort((a, b) => (b.hiddenAt?.getTime() ?? 0) - (a.hiddenAt?.getTime() ?? 0) || a.id.localeCompare(b.id));
        const slice = hidden.slice((page - 1) * pageSize, page * pageSize);
        const stats = await this.reports.stats(commune.id, slice.map((content) => ({ kind: content.kind, id: content.id })));
        return { items: slice.map((content) => itemOf(content.kind, content.id, content, stats.find((s) => s.kind === content.kind && s.contentId === content.id) ?? null)), total: hidden.length, page, pageSize };
      }
      const groups = await this.reports.groups(commune.id, { state, kind: query.kind ?? null, limit: pageSize, offset: (page - 1) * pageSize });
      const contents = await this.describeAll(commune, groups.items);
      return { items: groups.items.map((group) => itemOf(group.kind, group.contentId, contents.get(key(group.kind, group.contentId)) ?? null, group)), total: groups.total, page, pageSize };
    });
  }

  /**
   * Hide (reports upheld, the author told why), restore (the author told), or dismiss the open reports (the content
   * stays). Reports on a content deleted since can still be dismissed.
   */
  async decide(slug: string, kind: ModeratedContentKind, id: string, action: ModerationAction, reason: string): Promise<ModerationItem> {
    const commune = await this.access.findBySlug(slug);
    this.access.authorize('change_status', 'ModeratedContent', { communeId: commune.id });
    const source = this.sources.get(kind);
    const moderatorId = this.requestContext.actor.userId;
    return this.access.runIn(commune, async () => {
      if (action === 'dismiss') {
        const closed = await this.reports.closeOpenReports(commune.id, kind, id, 'dismissed', moderatorId);
        if (closed === 0) {
          await this.describeOne(commune, kind, id);
          throw new ConflictError('moderation.no-open-report', 'This content has no open report to dismiss.');
        }
        await this.audit.record({ communeId: commune.id, action: 'moderation.dismissed', targetType: kind, targetId: id, details: { reason, reportsClosed: closed } });
        return this.item(commune, kind, id);
      }
      const content = await this.describeOne(commune, kind, id);
      let closed = 0;
      if (action === 'hide') {
        if (content.hidden) throw new ConflictError('moderation.already-hidden', 'This content is already hidden.');
        await source.hide(commune.id, id, reason, moderatorId);
        closed = await this.afterHide(commune.id, content, reason);
      } else {
        if (!content.hidden) throw new ConflictError('moderation.not-hidden', 'This content is not hidden.');
        await source.restore(commune.id, id);
        await this.afterRestore(commune.id, content, reason);
      }
      await this.audit.record({ communeId: commune.id, action: action === 'hide' ? 'moderation.hidden' : 'moderation.restored', targetType: kind, targetId: id, details: { reason, reportsClosed: closed } });
      return this.item(commune, kind, id);
    });
  }

  private async item(commune: CommuneRecord, kind: ModeratedContentKind, id: string): Promise<ModerationItem> {
    const [content] = await this.sources.get(kind).describe(commune, [id]);
    const [stats] = await this.reports.stats(commune.id, [{ kind, id }]);
    return itemOf(kind, id, content ?? null, stats ?? null);
  }

  /** A content hidden or restored through its feature's own endpoint (already audited there). */
  async decided(commune: { id: string; slug: string }, decision: { kind: ModeratedContentKind; id: string; action: 'hide' | 'restore'; reason: string }): Promise<void> {
    const [content] = await this.sources.get(decision.kind).describe(commune, [decision.id]);
    if (!content) return;
    if (decision.action === 'hide') await this.afterHide(commune.id, content, decision.reason);
    else await this.afterRestore(commune.id, content, decision.reason);
  }

  /** Reports upheld, the author emailed the reason; how many reports were closed. */
  private async afterHide(communeId: string, content: ModeratedContentSummary, reason: string): Promise<number> {
    const closed = await this.reports.closeOpenReports(communeId, content.kind, content.id, 'upheld', this.requestContext.actor.userId);
    await this.notifications.toAccount(communeId, content.authorId, 'moderation.hidden', { kind: content.kind, excerpt: content.excerpt, reason, link: content.link });
    return closed;
  }

  /** The author told that the content is visible again (the caller checked it was hidden). */
  private async afterRestore(communeId: string, content: ModeratedContentSummary, reason: string): Promise<void> {
    await this.notifications.toAccount(communeId, content.authorId, 'moderation.restored', { kind: content.kind, excerpt: content.excerpt, reason, link: content.link });
  }

  private async describeOne(commune: CommuneRecord, kind: ModeratedContentKind, id: string): Promise<ModeratedContentSummary> {
    const [content] = await this.sources.get(kind).describe(commune, [id]);
    if (!content) throw new NotFoundError('moderation.content-not-found', 'No such content in this commune.');
    return content;
  }

  private async describeAll(commune: CommuneRecord, groups: readonly ReportStats[]): Promise<Map<string, ModeratedContentSummary>> {
    const found = new Map<string, ModeratedContentSummary>();
    const kinds = [...new Set(groups.map((group) => group.kind))];
    for (const kind of kinds) {
      const ids = groups.filter((group) => group.kind === kind).map((group) => group.contentId);
      for (const content of await this.sources.get(kind).describe(commune, ids)) found.set(key(kind, content.id), content);
    }
    return found;
  }
}

const key = (kind: string, id: string) => `${kind}:${id}`;

export function itemOf(kind: ModeratedContentKind, contentId: string, content: ModeratedContentSummary | null, stats: ReportStats | null): ModerationItem {
  return {
    kind,
    contentId,
    exists: content !== null,
    excerpt: content?.excerpt ?? null,
    authorName: content?.authorName ?? null,
    link: content?.link ?? null,
    createdAt: content?.createdAt ?? null,
    hidden: content?.hidden ?? false,
    hiddenReason: content?.hiddenReason ?? null,
    hiddenAt: content?.hiddenAt ?? null,
    reportCount: stats?.reportCount ?? 0,
    openReportCount: stats?.openReportCount ?? 0,
    reasons: stats?.reasons ?? [],
    details: stats?.details ?? [],
    firstReportedAt: stats?.firstReportedAt ?? null,
    lastReportedAt: stats?.lastReportedAt ?? null,
    handledAt: stats?.handledAt ?? null,
  };
}
