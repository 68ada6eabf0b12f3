import { Inject, Injectable, Optional } from '@nestjs/common';
import {
  ConflictError,
  ForbiddenActionError,
  NotFoundError,
  RequestContext,
  UnprocessableError,
  ValidationFailedError,
} from '@communes/api-core';
import { AuditService } from '@communes/api-audit';
import { CommuneAccess, CommuneRecord } from '@communes/api-communes';
import { NotificationOutbox } from '@communes/api-notifications';
import { MODERATION_DECISION_HOOK, type CouncilSessionKind, type CouncilSessionStatus, type CouncilSessionType, type ModerationDecisionHook } from '@communes/shared-contracts';
import {
  AgendaItemInput,
  AgendaItemRecord,
  CouncilSessionRecord,
  CouncilSessionsRepository,
  SessionDocumentRecord,
  SessionEventRecord,
  SessionEventType,
  SessionFields,
  SessionQuestionRecord,
} from './council-sessions.repository';
import { normalizeStreamUrl } from './stream-url';

export const sessionSearchId = (id: string) => `session:${id}`;

/** Next statuses a session may take (draft → scheduled is `publish`). */
const TRANSITIONS: Record<CouncilSessionStatus, readonly CouncilSessionStatus[]> = {
  draft: [],
  scheduled: ['live', 'ended', 'cancelled'],
  live: ['ended', 'cancelled'],
  ended: [],
  cancelled: [],
};

/** The most questions a session page carries; beyond that, follow the events. */
const QUESTIONS_PER_PAGE = 1000;
const EVENTS_PER_POLL = 500;

export interface SessionInput {
  sessionType?: CouncilSessionType;
  title: string;
  description?: string;
  place?: string;
  startsAt: string;
  endsAt?: string;
  streamUrl?: string | null;
  agenda?: { title: string; description?: string; documentIds?: string[] }[];
}

/** A question as the caller may see it: who asked is for staff only; a hidden one reaches staff and its author only. */
export interface SessionQuestionView {
  id: string;
  sessionId: string;
  text: string;
  answer: string | null;
  answeredAt: Date | null;
  answered: boolean;
  hidden: boolean;
  hiddenReason: string | null;
  hiddenAt: Date | null;
  createdAt: Date;
  authorId: string | null;
  authorName: string | null;
  isMine: boolean;
}

export type SessionSummaryView = CouncilSessionRecord;

export interface SessionAgendaItemView extends AgendaItemRecord {
  documents: SessionDocumentRecord[];
}

export interface SessionDetailView extends CouncilSessionRecord {
  agenda: SessionAgendaItemView[];
  documents: SessionDocumentRecord[];
  questions: SessionQuestionView[];
  /** The id of the last live event: pass it as `since` (polling) or Last-Event-ID (stream) to get only what follows. */
  lastEventId: string;
  /** Only with `since`: the events after it, oldest first (at most 500). */
  events: SessionEventView[] | null;
}

export interface SessionEventView {
  id: string;
  type: SessionEventType;
  data: Record<string, unknown>;
  createdAt: Date;
}

export interface CommuneSessionsSummaryView {
  kind: CouncilSessionKind;
  lastHeldAt: Date | null;
  heldLast12Months: number;
  nextStartsAt: Date | null;
}

@Injectable()
export class CouncilSessionsService {
  constructor(
    private readonly access: CommuneAccess,
    private readonly sessions: CouncilSessionsRepository,
    private readonly audit: AuditService,
    private readonly requestContext: RequestContext,
    private readonly notifications: NotificationOutbox,
    @Optional() @Inject(MODERATION_DECISION_HOOK) private readonly moderation: ModerationDecisionHook | null = null,
  ) {}

  // Reads

  async list(slug: string, query: { period?: 'upcoming' | 'past'; kind?: CouncilSessionKind }): Promise<SessionSummaryView[]> {
    const commune = await this.access.findBySlug(slug);
    const includeDrafts = this.isStaff(commune);
    return this.runAs(commune, () =>
      this.sessions.list(commune.id, { kind: query.kind ?? null, period: query.period ?? 'upcoming', from: startOfToday(), includeDrafts, limit: 200 }),
    );
  }

  /** When the last council and accountability sessions took place (the law expects them regularly). */
  async summary(slug: string): Promise<CommuneSessionsSummaryView[]> {
    const commune = await this.access.findBySlug(slug);
    return this.access.runIn(commune, () => this.sessions.summary(commune.id), 'public');
  }

  async get(slug: string, id: string, since?: string): Promise<SessionDetailView> {
    const commune = await this.access.findBySlug(slug);
    const staff = this.isStaff(commune);
    return this.runAs(commune, async () => {
      const session = await this.requireReadable(commune.id, id);
      const [agenda, documents, questions, lastEventId, events] = [
        await this.sessions.agenda(commune.id, id),
        await this.sessions.documents(commune.id, id),
        await this.sessions.questions(commune.id, id, QUESTIONS_PER_PAGE),
        await this.sessions.lastEventId(commune.id, id),
        since === undefined ? null : await this.sessions.events(commune.id, id, since, EVENTS_PER_POLL),
      ];
      return {
        ...session,
        agenda: agenda.map((item) => ({ ...item, documents: documents.filter((d) => d.role === 'agenda' && d.agendaPosition === item.position) })),
        documents: documents.filter((d) => d.role !== 'agenda'),
        questions: questions.map((q) => this.questionView(q, staff)),
        lastEventId: events && events.length === EVENTS_PER_POLL ? events[events.length - 1].id : lastEventId,
        events: events?.map(eventView) ?? null,
      };
    });
  }

  /** Checks the caller may follow the session (404 otherwise, and for drafts); the stream then carries public events only. */
  async openStream(slug: string, id: string): Promise<{ commune: CommuneRecord; lastEventId: string }> {
    const commune = await this.access.findBySlug(slug);
    return this.runAs(commune, async () => {
      const session = await this.requireReadable(commune.id, id);
      // Nothing is announced about a draft: it has no stream, even for the staff who see it.
      if (session.status === 'draft') throw new NotFoundError('council-session.no-stream', 'A draft session has no live stream; publish it first.');
      return { commune, lastEventId: await this.sessions.lastEventId(commune.id, id) };
    });
  }

  // Staff: schedule and run a session

  async create(slug: string, input: SessionInput & { kind?: CouncilSessionKind; publish?: boolean }): Promise<SessionDetailView> {
    const commune = await this.access.findBySlug(slug);
    this.access.authorize('create', 'CouncilSession', { communeId: commune.id, status: 'draft' });
    const kind = input.kind ?? 'council';
    const fields = toFields(kind, input);
    const id = await this.access.runIn(commune, async () => {
      const id = await this.sessions.insert(commune.id, fields, input.publish ?? false, this.requestContext.actor.userId);
      if (input.agenda) await this.replaceAgenda(commune.id, id, input.agenda);
      if (input.publish) await this.sessions.enqueueSearchUpdate(commune.id, sessionSearchId(id));
      await this.audit.record({ communeId: commune.id, action: 'council-session.created', targetType: 'council_session', targetId: id, details: { kind, title: fields.title, published: Boolean(input.publish) } });
      return id;
    });
    return this.get(slug, id);
  }

  async update(slug: string, id: string, input: SessionInput): Promise<SessionDetailView> {
    await this.staffChange(slug, id, 'update', async (communeId, session) => {
      if (session.status === 'cancelled') throw new ConflictError('council-session.cancelled', 'A cancelled session cannot be changed.');
      // The kind of a session never changes.
      const fields = toFields(session.kind, {
        ...input,
        // Absent from the request: keep the stream; null: remove it.
        streamUrl: input.streamUrl === undefined ? session.streamUrl : input.streamUrl,
      });
      await this.sessions.update(communeId, id, fields);
      if (input.agenda) await this.replaceAgenda(communeId, id, input.agenda);
      return { action: 'council-session.updated', details: { title: fields.title }, event: ['updated', {}] };
    });
    return this.get(slug, id);
  }

  /** A draft becomes scheduled: public, in search, open to questions. */
  async publish(slug: string, id: string): Promise<SessionDetailView> {
    await this.staffChange(slug, id, 'publish', async (communeId, session) => {
      if (session.status !== 'draft') throw new ConflictError('council-session.not-draft', 'Only a draft session can be published.');
      await this.sessions.setStatus(communeId, id, 'scheduled', null);
      return { action: 'council-session.published', details: {}, event: null };
    });
    return this.get(slug, id);
  }

  /** scheduled → live → ended, or cancelled with a reason; followers see it at once. */
  async changeStatus(slug: string, id: string, status: 'live' | 'ended' | 'cancelled', reason: string | undefined): Promise<SessionDetailView> {
    await this.staffChange(slug, id, 'update', async (communeId, session) => {
      if (!TRANSITIONS[session.status].includes(status)) {
        throw new ConflictError('council-session.invalid-transition', `A session that is ${session.status} cannot become ${status}.`);
      }
      if (status === 'cancelled' && !reason) {
        throw new ValidationFailedError([{ field: 'reason', messages: ['reason is required to cancel a session (it is shown to everyone)'] }]);
      }
      const cancellationReason = status === 'cancelled' ? (reason ?? null) : null;
      await this.sessions.setStatus(communeId, id, status, cancellationReason);
      // Followers of the commune get an email when a session goes live (queued in this transaction).
      if (status === 'live') await this.notifications.toFollowers(communeId, 'session.live', { sessionId: id, title: session.title });
      return {
        action: `council-session.${status}`,
        details: { from: session.status, to: status, ...(cancellationReason ? { reason: cancellationReason } : {}) },
        event: ['status', { status, cancellationReason }],
      };
    });
    return this.get(slug, id);
  }

  async deleteDraft(slug: string, id: string): Promise<void> {
    const commune = await this.access.findBySlug(slug);
    await this.access.runIn(commune, async () => {
      const session = await this.require(commune.id, id, true);
      this.access.authorize('delete', 'CouncilSession', subjectOf(session));
      if (!(await this.sessions.deleteDraft(commune.id, id))) {
        throw new ConflictError('council-session.not-draft', 'A published session is never deleted: cancel it with a reason instead.');
      }
      await this.audit.record({ communeId: commune.id, action: 'council-session.deleted', targetType: 'council_session', targetId: id, details: { title: session.title } });
    });
  }

  /** Minutes (procès-verbal) and deliberations once the session has ended; photos and videos any time. */
  async linkDocument(slug: string, id: string, role: 'minutes' | 'deliberation' | 'media', documentId: string): Promise<SessionDetailView> {
    await this.staffChange(slug, id, 'update', async (communeId, session) => {
      if (session.status === 'draft' || session.status === 'cancelled') {
        throw new ConflictError('council-session.not-held', 'Documents are attached to a scheduled, live or ended session.');
      }
      if (role !== 'media' && session.status !== 'ended') {
        throw new ConflictError('council-session.not-ended', 'The minutes and deliberations are attached once the session has ended.');
      }
      await this.requirePublishedDocuments(communeId, [documentId], 'documentId');
      if (!(await this.sessions.linkDocument(communeId, id, documentId, role))) {
        throw new ConflictError('council-session.document-already-linked', 'This document is already attached to the session in that role.');
      }
      return { action: 'council-session.document-linked', details: { role, documentId }, event: ['updated', {}] };
    });
    return this.get(slug, id);
  }

  async unlinkDocument(slug: string, id: string, role: 'minutes' | 'deliberation' | 'media', documentId: string): Promise<SessionDetailView> {
    await this.staffChange(slug, id, 'update', async (communeId) => {
      if (!(await this.sessions.unlinkDocument(communeId, id, documentId, role))) {
        throw new NotFoundError('council-session.document-not-linked', 'This document is not attached to the session in that role.');
      }
      return { action: 'council-session.document-unlinked', details: { role, documentId }, event: ['updated', {}] };
    });
    return this.get(slug, id);
  }

  /** What was said and decided, written once the session has ended. */
  async setSummary(slug: string, id: string, summary: string | null): Promise<SessionDetailView> {
    await this.staffChange(slug, id, 'update', async (communeId, session) => {
      if (session.status !== 'ended') throw new ConflictError('council-session.not-ended', 'The summary is written once the session has ended.');
      await this.sessions.setSummary(communeId, id, summary);
      return { action: 'council-session.summary-changed', details: { length: summary?.length ?? 0 }, event: ['updated', {}] };
    });
    return this.get(slug, id);
  }

  // Questions

  /** A citizen's question, before or during the session (rate limited on the route). */
  async ask(slug: string, id: string, text: string): Promise<SessionQuestionView> {
    const commune = await this.access.findBySlug(slug);
    const authorId = this.requestContext.actor.userId;
    if (!authorId) throw new ForbiddenActionError('Log in to ask a question.');
    const staff = this.isStaff(commune);
    return this.runAs(commune, async () => {
      const session = await this.requireReadable(commune.id, id);
      this.access.authorize('create', 'SessionQuestion', { communeId: commune.id, hidden: false, authorId });
      if (session.status !== 'scheduled' && session.status !== 'live') {
        throw new ConflictError('council-session.questions-closed', 'Questions are asked before or during the session, not once it has ended or was cancelled.');
      }
      const questionId = await this.sessions.insertQuestion(commune.id, id, authorId, text);
      const question = await this.requireQuestion(commune.id, id, questionId);
      await this.audit.record({ communeId: commune.id, action: 'council-session.question-asked', targetType: 'council_session_question', targetId: questionId, details: { sessionId: id, length: text.length } });
      await this.sessions.appendEvent(commune.id, id, 'question', { question: this.questionView(question, false, true) });
      return this.questionView(question, staff);
    });
  }

  /** Marks a question answered, with an optional short written answer. */
  async answer(slug: string, id: string, questionId: string, answer: string | undefined): Promise<SessionQuestionView> {
    return this.moderate(slug, id, questionId, 'update', async (communeId, question) => {
      if (question.hiddenAt) throw new ConflictError('council-session.question-hidden', 'A hidden question is not answered.');
      await this.sessions.answerQuestion(communeId, questionId, answer ?? null, this.requestContext.actor.userId);
      return { action: 'council-session.question-answered', details: { sessionId: id, written: Boolean(answer) } };
    }, (updated) => ['answer', { questionId, answer: updated.answer, answeredAt: updated.answeredAt }]);
  }

  /** Hides a question with a reason: followers see it disappear; its author still sees it, with the reason. */
  async hide(slug: string, id: string, questionId: string, reason: string): Promise<SessionQuestionView> {
    return this.moderate(slug, id, questionId, 'change_status', async (communeId, question) => {
      if (question.hiddenAt) throw new ConflictError('council-session.question-already-hidden', 'This question is already hidden.');
      await this.sessions.hideQuestion(communeId, questionId, reason, this.requestContext.actor.userId);
      // Reports on it closed and its author emailed, as through the moderation queue.
      await this.moderation?.decided({ id: communeId, slug }, { kind: 'session_question', id: questionId, action: 'hide', reason });
      return { action: 'council-session.question-hidden', details: { sessionId: id, reason } };
    }, () => ['hidden', { questionId }]);
  }

  // Internals

  private async moderate(
    slug: string,
    id: string,
    questionId: string,
    action: 'update' | 'change_status',
    change: (communeId: string, question: SessionQuestionRecord) => Promise<{ action: string; details: Record<string, unknown> }>,
    event: (updated: SessionQuestionRecord) => [SessionEventType, Record<string, unknown>],
  ): Promise<SessionQuestionView> {
    const commune = await this.access.findBySlug(slug);
    const staff = this.isStaff(commune);
    return this.runAs(commune, async () => {
      await this.requireReadable(commune.id, id);
      const question = await this.requireQuestion(commune.id, id, questionId, true);
      this.access.authorize(action, 'SessionQuestion', { communeId: commune.id, hidden: question.hiddenAt !== null, authorId: question.authorId });
      const audit = await change(commune.id, question);
      const updated = await this.requireQuestion(commune.id, id, questionId);
      await this.audit.record({ communeId: commune.id, action: audit.action, targetType: 'council_session_question', targetId: questionId, details: audit.details });
      const [type, payload] = event(updated);
      await this.sessions.appendEvent(commune.id, id, type, payload);
      return this.questionView(updated, staff);
    });
  }

  private async staffChange(
    slug: string,
    id: string,
    action: 'update' | 'publish',
    change: (communeId: string, session: CouncilSessionRecord) => Promise<{ action: string; details: Record<string, unknown>; event: [SessionEventType, Record<string, unknown>] | null }>,
  ): Promise<void> {
    const commune = await this.access.findBySlug(slug);
    await this.access.runIn(commune, async () => {
      const session = await this.require(commune.id, id, true);
      this.access.authorize(action, 'CouncilSession', subjectOf(session));
      const outcome = await change(commune.id, session);
      const updated = await this.require(commune.id, id);
      if (updated.status !== 'draft') await this.sessions.enqueueSearchUpdate(commune.id, sessionSearchId(id));
      await this.audit.record({ communeId: commune.id, action: outcome.action, targetType: 'council_session', targetId: id, details: outcome.details });
      // Drafts have no followers; everything else is announced, last (the event lock is held until commit).
      if (outcome.event && session.status !== 'draft') await this.sessions.appendEvent(commune.id, id, outcome.event[0], outcome.event[1]);
    });
  }

  private async replaceAgenda(communeId: string, sessionId: string, agenda: NonNullable<SessionInput['agenda']>): Promise<void> {
    const items: AgendaItemInput[] = agenda.map((item) => ({ title: item.title, description: item.description || null, documentIds: item.documentIds ?? [] }));
    await this.requirePublishedDocuments(communeId, items.flatMap((item) => item.documentIds), 'agenda');
    await this.sessions.replaceAgenda(communeId, sessionId, items);
  }

  private async requirePublishedDocuments(communeId: string, ids: readonly string[], field: string): Promise<void> {
    if (ids.length === 0) return;
    const published = await this.sessions.publishedDocumentIds(communeId, ids);
    const missing = [...new Set(ids)].filter((documentId) => !published.has(documentId));
    if (missing.length > 0) {
      throw new UnprocessableError('council-session.document-not-published', `Only published documents of this commune can be linked to a session (${field}: ${missing.join(', ')}).`);
    }
  }

  private isStaff(commune: CommuneRecord): boolean {
    return this.access.scopeIn(commune.id) === 'staff';
  }

  /** Staff in the staff scope; everyone else in the public scope, where RLS shows public rows and the caller's own. */
  private runAs<T>(commune: CommuneRecord, work: () => Promise<T>): Promise<T> {
    return this.access.runIn(commune, work, this.isStaff(commune) ? 'staff' : 'public');
  }

  private async require(communeId: string, id: string, lock = false): Promise<CouncilSessionRecord> {
    const session = await this.sessions.find(communeId, id, { lock });
    if (!session) throw new NotFoundError('council-session.not-found', 'No such session in this commune.');
    return session;
  }

  private async requireReadable(communeId: string, id: string): Promise<CouncilSessionRecord> {
    const session = await this.require(communeId, id);
    this.access.authorize('read', 'CouncilSession', subjectOf(session));
    return session;
  }

  private async requireQuestion(communeId: string, sessionId: string, id: string, lock = false): Promise<SessionQuestionRecord> {
    const question = await this.sessions.findQuestion(communeId, sessionId, id, { lock });
    if (!question) throw new NotFoundError('council-session.question-not-found', 'No such question in this session.');
    return question;
  }

  /** `forEveryone`: the public view sent to every follower of the live stream. */
  private questionView(record: SessionQuestionRecord, staff: boolean, forEveryone = false): SessionQuestionView {
    const viewer = forEveryone ? null : this.requestContext.actor.userId;
    return {
      id: record.id,
      sessionId: record.sessionId,
      text: record.text,
      answer: record.answer,
      answeredAt: record.answeredAt,
      answered: record.answeredAt !== null,
      hidden: record.hiddenAt !== null,
      hiddenReason: record.hiddenReason,
      hiddenAt: record.hiddenAt,
      createdAt: record.createdAt,
      authorId: staff ? record.authorId : null,
      authorName: staff ? record.authorName : null,
      isMine: viewer !== null && record.authorId === viewer,
    };
  }
}

export function eventView(event: SessionEventRecord): SessionEventView {
  return { id: event.id, type: event.type, data: event.payload, createdAt: event.createdAt };
}

function subjectOf(session: CouncilSessionRecord) {
  return { communeId: session.communeId, status: session.status };
}

function toFields(kind: CouncilSessionKind, input: SessionInput): SessionFields {
  const problems: { field: string; messages: string[] }[] = [];
  const startsAt = new Date(input.startsAt);
  const endsAt = input.endsAt ? new Date(input.endsAt) : null;
  if (endsAt && endsAt < startsAt) problems.push({ field: 'endsAt', messages: ['endsAt must be after startsAt'] });
  if (kind === 'council' && !input.sessionType) problems.push({ field: 'sessionType', messages: ['sessionType (ordinary or extraordinary) is required for a council session'] });
  if (kind === 'accountability' && input.sessionType) problems.push({ field: 'sessionType', messages: ['sessionType is for council sessions only'] });
  let stream: SessionFields['stream'] = null;
  if (input.streamUrl) {
    const normalized = normalizeStreamUrl(input.streamUrl);
    if ('error' in normalized) problems.push({ field: 'streamUrl', messages: [normalized.error] });
    else stream = normalized;
  }
  if (problems.length > 0) throw new ValidationFailedError(problems);
  return {
    kind,
    sessionType: kind === 'council' ? (input.sessionType ?? null) : null,
    title: input.title,
    description: input.description || null,
    place: input.place || null,
    startsAt,
    endsAt,
    stream,
  };
}

function startOfToday(): Date {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}
