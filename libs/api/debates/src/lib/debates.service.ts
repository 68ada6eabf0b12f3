import { Inject, Injectable, Optional } from '@nestjs/common';
import { ConflictError, ForbiddenActionError, NotFoundError, RequestContext, UnprocessableError } from '@communes/api-core';
import { AuditService } from '@communes/api-audit';
import { CommuneAccess, CommuneRecord } from '@communes/api-communes';
import { membershipRoleIn } from '@communes/shared-permissions';
import { MODERATION_DECISION_HOOK, type ModerationDecisionHook } from '@communes/shared-contracts';
import { DebateCommentRecord, DebatesRepository, DebateTopicRecord } from './debates.repository';

export const debateSearchId = (id: string) => `debate:${id}`;

@Injectable()
export class DebatesService {
  constructor(
    private readonly access: CommuneAccess,
    private readonly debates: DebatesRepository,
    private readonly audit: AuditService,
    private readonly requestContext: RequestContext,
    @Optional() @Inject(MODERATION_DECISION_HOOK) private readonly moderation: ModerationDecisionHook | null = null,
  ) {}

  async listTopics(slug: string): Promise<DebateTopicRecord[]> {
    const commune = await this.access.findBySlug(slug);
    return this.runAs(commune, () => this.debates.listTopics(commune.id, this.isStaff(commune)));
  }

  async getTopic(slug: string, id: string): Promise<DebateTopicRecord> {
    const commune = await this.access.findBySlug(slug);
    return this.runAs(commune, () => this.readableTopic(commune.id, id));
  }

  async createTopic(slug: string, input: { title: string; body: string; open?: boolean }): Promise<DebateTopicRecord> {
    const commune = await this.access.findBySlug(slug);
    this.access.authorize('create', 'DebateTopic', { communeId: commune.id, state: 'draft' });
    return this.runAs(commune, async () => {
      const id = await this.debates.insertTopic(commune.id, { title: input.title, body: input.body, open: input.open ?? false }, this.requestContext.actor.userId);
      if (input.open) await this.debates.enqueueSearchUpdate(commune.id, debateSearchId(id));
      await this.audit.record({ communeId: commune.id, action: 'debate.created', targetType: 'debate_topic', targetId: id, details: { title: input.title, open: input.open ?? false } });
      return this.requireTopic(commune.id, id);
    });
  }

  async openTopic(slug: string, id: string): Promise<DebateTopicRecord> {
    return this.changeTopic(slug, id, 'publish', 'open', (topic) => {
      if (topic.state !== 'draft') throw new ConflictError('debate.not-draft', 'Only a draft debate can be opened.');
    });
  }

  async closeTopic(slug: string, id: string): Promise<DebateTopicRecord> {
    return this.changeTopic(slug, id, 'update', 'closed', (topic) => {
      if (topic.state !== 'open') throw new ConflictError('debate.not-open', 'Only an open debate can be closed.');
    });
  }

  async listComments(slug: string, topicId: string): Promise<DebateCommentRecord[]> {
    const commune = await this.access.findBySlug(slug);
    const staff = this.isStaff(commune);
    return this.runAs(commune, async () => {
      await this.readableTopic(commune.id, topicId);
      return this.debates.listComments(commune.id, topicId, this.requestContext.actor.userId, staff);
    });
  }

  /** A comment or a reply; an editor's or admin's comment is the commune's official answer. */
  async comment(slug: string, topicId: string, input: { body: string; parentId?: string }): Promise<DebateCommentRecord> {
    const commune = await this.access.findBySlug(slug);
    const userId = this.requestContext.actor.userId;
    if (!userId) throw new ForbiddenActionError('Log in to take part in the debate.');
    const staff = this.isStaff(commune);
    const role = membershipRoleIn(this.requestContext.actor, commune.id);
    const isOfficial = role === 'admin' || role === 'editor';
    return this.runAs(commune, async () => {
      const topic = await this.readableTopic(commune.id, topicId);
      this.access.authorize('create', 'DebateComment', { communeId: commune.id, authorId: userId, hidden: false });
      if (topic.state !== 'open') throw new ConflictError('debate.not-open', 'This debate is not open for comments.');
      if (input.parentId) {
        const parent = await this.debates.findComment(commune.id, topicId, input.parentId, userId, staff);
        if (!parent) throw new UnprocessableError('debate.parent-not-found', 'The comment you reply to is not in this debate.');
        if (parent.hidden) throw new ConflictError('debate.parent-hidden', 'You cannot reply to a hidden comment.');
      }
      const id = await this.debates.insertComment(commune.id, topicId, { parentId: input.parentId ?? null, body: input.body, isOfficial }, userId);
      if (isOfficial) {
        await this.audit.record({ communeId: commune.id, action: 'debate.official-answer', targetType: 'debate_comment', targetId: id, details: { topicId } });
      }
      return this.requireComment(commune.id, topicId, id, staff);
    });
  }

  async react(slug: string, topicId: string, commentId: string, kind: 'agree' | 'disagree' | null): Promise<DebateCommentRecord> {
    const commune = await this.access.findBySlug(slug);
    const userId = this.requestContext.actor.userId;
    if (!userId) throw new ForbiddenActionError('Log in to react.');
    const staff = this.isStaff(commune);
    return this.runAs(commune, async () => {
      await this.readableTopic(commune.id, topicId);
      const comment = await this.requireComment(commune.id, topicId, commentId, staff);
      this.access.authorize('support', 'DebateComment', { communeId: commune.id, authorId: comment.authorId, hidden: comment.hidden });
      await this.debates.react(commune.id, commentId, userId, kind);
      return this.requireComment(commune.id, topicId, commentId, staff);
    });
  }

  /** Moderation: hide a comment with a reason (shown to its author), or restore it. */
  async moderate(slug: string, topicId: string, commentId: string, hide: boolean, reason: string): Promise<DebateCommentRecord> {
    const commune = await this.access.findBySlug(slug);
    return this.runAs(commune, async () => {
      await this.readableTopic(commune.id, topicId);
      const comment = await this.requireComment(commune.id, topicId, commentId, this.isStaff(commune));
      this.access.authorize('change_status', 'DebateComment', { communeId: commune.id, authorId: comment.authorId, hidden: comment.hidden });
      if (comment.hidden === hide) {
        throw new ConflictError(hide ? 'debate.already-hidden' : 'debate.not-hidden', hide ? 'This comment is already hidden.' : 'This comment is not hidden.');
      }
      await this.debates.setHidden(commune.id, commentId, hide ? { by: this.requestContext.actor.userId, reason } : null);
      await this.audit.record({ communeId: commune.id, action: hide ? 'debate.comment-hidden' : 'debate.comment-restored', targetType: 'debate_comment', targetId: commentId, details: { topicId, reason } });
      // Reports on it closed and its author emailed, as through the moderation queue.
      await this.moderation?.decided(commune, { kind: 'debate_comment', id: commentId, action: hide ? 'hide' : 'restore', reason });
      return this.requireComment(commune.id, topicId, commentId, true);
    });
  }

  private async changeTopic(slug: string, id: string, action: 'publish' | 'update', state: 'open' | 'closed', check: (topic: DebateTopicRecord) => void): Promise<DebateTopicRecord> {
    const commune = await this.access.findBySlug(slug);
    return this.runAs(commune, async () => {
      const topic = await this.requireTopic(commune.id, id, true);
      this.access.authorize(action, 'DebateTopic', { communeId: commune.id, state: topic.state });
      check(topic);
      await this.debates.setTopicState(commune.id, id, state);
      await this.debates.enqueueSearchUpdate(commune.id, debateSearchId(id));
      await this.audit.record({ communeId: commune.id, action: `debate.${state === 'open' ? 'opened' : 'closed'}`, targetType: 'debate_topic', targetId: id, details: { title: topic.title } });
      return this.requireTopic(commune.id, id);
    });
  }

  private isStaff(commune: CommuneRecord): boolean {
    return this.access.scopeIn(commune.id) === 'staff';
  }

  private runAs<T>(commune: CommuneRecord, work: () => Promise<T>): Promise<T> {
    return this.access.runIn(commune, work, this.isStaff(commune) ? 'staff' : 'public');
  }

  private async readableTopic(communeId: string, id: string): Promise<DebateTopicRecord> {
    const topic = await this.requireTopic(communeId, id);
    this.access.authorize('read', 'DebateTopic', { communeId, state: topic.state });
    return topic;
  }

  private async requireTopic(communeId: string, id: string, lock = false): Promise<DebateTopicRecord> {
    const topic = await this.debates.findTopic(communeId, id, { lock });
    if (!topic) throw new NotFoundError('debate.not-found', 'No such debate in this commune.');
    return topic;
  }

  private async requireComment(communeId: string, topicId: string, id: string, staff: boolean): Promise<DebateCommentRecord> {
    const comment = await this.debates.findComment(communeId, topicId, id, this.requestContext.actor.userId, staff);
    if (!comment) throw new NotFoundError('debate.comment-not-found', 'No such comment in this debate.');
    return comment;
  }
}
