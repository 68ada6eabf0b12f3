import { Injectable } from '@nestjs/common';
import { ConflictError, ForbiddenActionError, NotFoundError, RequestContext, UnauthenticatedError, UnprocessableError, ValidationFailedError } from '@communes/api-core';
import { AuditService } from '@communes/api-audit';
import { NotificationOutbox } from '@communes/api-notifications';
import { CommuneAccess, CommuneRecord } from '@communes/api-communes';
import type { FeedbackCategory, FeedbackKind, FeedbackStatus, FeedbackVisibility } from '@communes/shared-contracts';
import { FeedbackRecord, FeedbackRepository } from './feedback.repository';

export const feedbackSearchId = (id: string) => `feedback:${id}`;

/** Which status a staff member may move feedback to, from each status. Closed feedback stays closed. */
export const FEEDBACK_TRANSITIONS: Record<FeedbackStatus, readonly FeedbackStatus[]> = {
  received: ['in_progress', 'answered', 'resolved', 'declined'],
  in_progress: ['answered', 'resolved', 'declined'],
  answered: ['in_progress', 'resolved', 'declined'],
  resolved: [],
  declined: [],
};

/** COT for Cotonou, ABO for Abomey-Calavi: the first letters of the commune's slug. */
export function trackingNumberFor(communeSlug: string, year: number, number: number): string {
  const prefix = communeSlug.replace(/[^a-z]/g, '').slice(0, 3).toUpperCase().padEnd(2, 'X');
  return `${prefix}-${year}-${String(number).padStart(6, '0')}`;
}

export interface FeedbackInput {
  kind: FeedbackKind;
  category: FeedbackCategory;
  text: string;
  place?: string;
  latitude?: number;
  longitude?: number;
  visibility: FeedbackVisibility;
}

export interface FeedbackListInput {
  status?: FeedbackStatus;
  category?: FeedbackCategory;
  kind?: FeedbackKind;
  assignee?: string;
  mine?: 'true' | 'false';
  page?: number;
  pageSize?: number;
}

/**
 * What the caller sees: staff also see who sent it and who handles it. Feedback hidden by
 * moderation shows as hidden to others (no text, place, answer or photos); its author and the
 * staff still read it, with the reason.
 */
export type FeedbackView = FeedbackRecord & { isMine: boolean; hidden: boolean };

@Injectable()
export class FeedbackService {
  constructor(
    private readonly access: CommuneAccess,
    private readonly feedback: FeedbackRepository,
    private readonly audit: AuditService,
    private readonly requestContext: RequestContext,
    private readonly notifications: NotificationOutbox,
  ) {}

  /** Staff: the commune's queue. Others: public feedback and their own (RLS decides). */
  async list(slug: string, query: FeedbackListInput): Promise<{ items: FeedbackView[]; total: number; page: number; pageSize: number }> {
    const commune = await this.access.findBySlug(slug);
    const staff = this.isStaff(commune);
    const viewer = this.requestContext.actor.userId;
    if (query.assignee && !staff) {
      if (!viewer) throw new UnauthenticatedError();
      throw new ForbiddenActionError('Only the commune staff can filter feedback by assignee.');
    }
    if (query.mine === 'true' && !viewer) throw new UnauthenticatedError('auth.unauthenticated', 'Log in to see the feedback you sent.');
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const result = await this.runAs(commune, () =>
      this.feedback.list(commune.id, viewer, {
        status: query.status ?? null,
        category: query.category ?? null,
        kind: query.kind ?? null,
        assignee: query.assignee ?? null,
        authorId: query.mine === 'true' ? viewer : null,
        showHidden: staff,
        limit: pageSize,
        offset: (page - 1) * pageSize,
      }),
    );
    return { items: result.items.map((record) => this.view(record, staff)), total: result.total, page, pageSize };
  }

  async get(slug: string, where: { id: string } | { trackingNumber: string }): Promise<FeedbackView> {
    const commune = await this.access.findBySlug(slug);
    const staff = this.isStaff(commune);
    return this.runAs(commune, async () => {
      const record = await this.require(commune.id, where);
      this.access.authorize('read', 'Feedback', subjectOf(record));
      return this.view(record, staff);
    });
  }

  async create(slug: string, input: FeedbackInput): Promise<FeedbackView> {
    const commune = await this.access.findBySlug(slug);
    const authorId = this.requestContext.actor.userId;
    if (!authorId) throw new ForbiddenActionError('Log in to send feedback.');
    this.access.authorize('create', 'Feedback', { communeId: commune.id, visibility: input.visibility, authorId });
    if (commune.status !== 'active') {
      throw new UnprocessableError('feedback.commune-not-active', 'This commune does not receive feedback on Communes+ yet.');
    }
    const staff = this.isStaff(commune);
    return this.runAs(commune, async () => {
      const { year, number } = await this.feedback.nextNumber(commune.id);
      const trackingNumber = trackingNumberFor(commune.slug, year, number);
      const id = await this.feedback.insert(commune.id, authorId, trackingNumber, {
        kind: input.kind,
        category: input.category,
        text: input.text,
        place: input.place || null,
        latitude: input.latitude ?? null,
        longitude: input.longitude ?? null,
        visibility: input.visibility,
      });
      await this.audit.record({ communeId: commune.id, action: 'feedback.submitted', targetType: 'feedback', targetId: id, details: { trackingNumber, kind: input.kind, category: input.category, visibility: input.visibility } });
      return this.view(await this.require(commune.id, { id }), staff);
    });
  }

  /** One support per account, on public feedback sent by someone else. */
  async support(slug: string, id: string): Promise<FeedbackView> {
    const commune = await this.access.findBySlug(slug);
    const userId = this.requestContext.actor.userId;
    if (!userId) throw new ForbiddenActionError('Log in to support feedback.');
    const staff = this.isStaff(commune);
    return this.runAs(commune, async () => {
      const record = await this.require(commune.id, { id });
      this.access.authorize('support', 'Feedback', subjectOf(record));
      if (record.authorId === userId) throw new ConflictError('feedback.own', 'You cannot support your own feedback.');
      if (record.hiddenAt) throw new ConflictError('feedback.hidden', 'This feedback was hidden by the commune’s moderation; it cannot be supported.');
      if (!(await this.feedback.addSupport(commune.id, id, userId))) {
        throw new ConflictError('feedback.already-supported', 'You already support this feedback.');
      }
      return this.view(await this.require(commune.id, { id }), staff);
    });
  }

  async assign(slug: string, id: string, assigneeId: string | null): Promise<FeedbackView> {
    return this.staffChange(slug, id, 'update', async (communeId, record) => {
      if (assigneeId && !(await this.feedback.isMember(communeId, assigneeId))) {
        throw new UnprocessableError('feedback.assignee-not-member', 'Feedback can only be assigned to a member of the commune.');
      }
      await this.feedback.setAssignee(communeId, id, assigneeId);
      return { action: 'feedback.assigned', details: { trackingNumber: record.trackingNumber, from: record.assigneeId, to: assigneeId } };
    });
  }

  /** The commune's public answer; open feedback becomes `answered`. */
  async answer(slug: string, id: string, answer: string): Promise<FeedbackView> {
    return this.staffChange(slug, id, 'update', async (communeId, record) => {
      if (isClosed(record.status)) throw new ConflictError('feedback.closed', 'This feedback is closed; its answer can no longer change.');
      const status = record.status === 'received' || record.status === 'in_progress' ? 'answered' : record.status;
      await this.feedback.respond(communeId, id, { status, answer, answeredBy: this.requestContext.actor.userId });
      await this.notifications.toAccount(communeId, record.authorId, 'feedback.answered', { feedbackId: id, trackingNumber: record.trackingNumber, answer });
      return { action: 'feedback.answered', details: { trackingNumber: record.trackingNumber, from: record.status, to: status } };
    });
  }

  async changeStatus(slug: string, id: string, status: FeedbackStatus, answer: string | undefined): Promise<FeedbackView> {
    return this.staffChange(slug, id, 'change_status', async (communeId, record) => {
      if (!FEEDBACK_TRANSITIONS[record.status].includes(status)) {
        throw new ConflictError('feedback.invalid-transition', `Feedback that is ${record.status} cannot become ${status}.`);
      }
      if ((status === 'declined' && !answer) || (status === 'answered' && !answer && !record.answer)) {
        throw new ValidationFailedError([{ field: 'answer', messages: [`answer is required to mark feedback ${status} (it is shown to everyone who can read the feedback)`] }]);
      }
      await this.feedback.respond(communeId, id, { status, answer: answer ?? null, answeredBy: this.requestContext.actor.userId });
      return { action: 'feedback.status-changed', details: { trackingNumber: record.trackingNumber, from: record.status, to: status, answered: Boolean(answer) } };
    });
  }

  private async staffChange(
    slug: string,
    id: string,
    action: 'update' | 'change_status',
    change: (communeId: string, record: FeedbackRecord) => Promise<{ action: string; details: Record<string, unknown> }>,
  ): Promise<FeedbackView> {
    const commune = await this.access.findBySlug(slug);
    return this.runAs(commune, async () => {
      const record = await this.require(commune.id, { id }, true);
      this.access.authorize(action, 'Feedback', subjectOf(record));
      const audit = await change(commune.id, record);
      const updated = await this.require(commune.id, { id });
      if (updated.visibility === 'public' && (updated.answer !== null || record.answer !== null)) {
        await this.feedback.enqueueSearchUpdate(commune.id, feedbackSearchId(id));
      }
      await this.audit.record({ communeId: commune.id, action: audit.action, targetType: 'feedback', targetId: id, details: audit.details });
      return this.view(updated, true);
    });
  }

  private isStaff(commune: CommuneRecord): boolean {
    return this.access.scopeIn(commune.id) === 'staff';
  }

  /**
   * Staff work in the staff scope; everyone else (citizens, ANCB, the ministry) in the public
   * scope, where RLS shows public feedback and the caller's own.
   */
  private runAs<T>(commune: CommuneRecord, work: () => Promise<T>): Promise<T> {
    return this.access.runIn(commune, work, this.isStaff(commune) ? 'staff' : 'public');
  }

  private async require(communeId: string, where: { id: string } | { trackingNumber: string }, lock = false): Promise<FeedbackRecord> {
    const record = await this.feedback.find(communeId, this.requestContext.actor.userId, where, { lock });
    if (!record) throw new NotFoundError('feedback.not-found', 'No such feedback in this commune (or it is private).');
    return record;
  }

  private view(record: FeedbackRecord, staff: boolean): FeedbackView {
    const viewer = this.requestContext.actor.userId;
    const isMine = viewer !== null && record.authorId === viewer;
    const masked = record.hiddenAt !== null && !staff && !isMine;
    return {
      ...record,
      ...(masked ? { text: '', place: null, latitude: null, longitude: null, answer: null, photos: [] } : {}),
      hidden: record.hiddenAt !== null,
      hiddenReason: staff || isMine ? record.hiddenReason : null,
      isMine,
      // Who sent it and who handles it are for the commune's staff only.
      authorId: staff ? record.authorId : null,
      authorName: staff ? record.authorName : null,
      assigneeId: staff ? record.assigneeId : null,
      assigneeName: staff ? record.assigneeName : null,
    };
  }
}

function subjectOf(record: FeedbackRecord) {
  return { communeId: record.communeId, visibility: record.visibility, authorId: record.authorId };
}

function isClosed(status: FeedbackStatus): boolean {
  return status === 'resolved' || status === 'declined';
}
