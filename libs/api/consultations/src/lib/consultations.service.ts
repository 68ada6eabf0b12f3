import { Injectable } from '@nestjs/common';
import { ConflictError, ForbiddenActionError, NotFoundError, RequestContext, UnprocessableError, ValidationFailedError } from '@communes/api-core';
import { AuditService } from '@communes/api-audit';
import { NotificationOutbox } from '@communes/api-notifications';
import { CommuneAccess, CommuneRecord } from '@communes/api-communes';
import { toCsv } from '@communes/api-open-data';
import type { ConsultationPhase, ConsultationResultsVisibility } from '@communes/shared-contracts';
import { ConsultationFields, ConsultationQuestion, ConsultationRecord, ConsultationsRepository } from './consultations.repository';

export const consultationSearchId = (id: string) => `consultation:${id}`;

export interface ConsultationInput {
  title: string;
  description?: string;
  questions: { text: string; multiple?: boolean; options: { label: string }[] }[];
  opensAt: string;
  closesAt: string;
  resultsVisibility?: ConsultationResultsVisibility;
  documentIds?: string[];
}

export interface ConsultationView extends ConsultationRecord {
  phase: ConsultationPhase;
  documents: { id: string; title: string }[];
  /** Whether the caller may see the results now (always for staff). */
  resultsAvailable: boolean;
  /** The caller's own answers (question id → option ids), null if not answered or anonymous. */
  myAnswers: Record<string, string[]> | null;
}

export interface ConsultationResults {
  consultationId: string;
  phase: ConsultationPhase;
  participants: number;
  questions: { id: string; text: string; multiple: boolean; options: { id: string; label: string; votes: number; percent: number }[] }[];
}

export function phaseOf(consultation: Pick<ConsultationRecord, 'state' | 'opensAt' | 'closesAt'>, now = new Date()): ConsultationPhase {
  if (consultation.state === 'draft') return 'draft';
  if (now < consultation.opensAt) return 'upcoming';
  if (now < consultation.closesAt) return 'open';
  return 'closed';
}

/** Gives the questions and options their stable ids (q1, q2…; o1, o2… within each question). */
export function withIds(questions: ConsultationInput['questions']): ConsultationQuestion[] {
  return questions.map((question, q) => ({
    id: `q${q + 1}`,
    text: question.text,
    multiple: question.multiple ?? false,
    options: question.options.map((option, o) => ({ id: `o${o + 1}`, label: option.label })),
  }));
}

/** Checks one response against the questions: every question answered, known options, one choice unless multiple. */
export function checkAnswers(questions: readonly ConsultationQuestion[], answers: readonly { questionId: string; optionIds: string[] }[]): Record<string, string[]> {
  const problems: string[] = [];
  const byQuestion: Record<string, string[]> = {};
  for (const answer of answers) {
    const question = questions.find((q) => q.id === answer.questionId);
    if (!question) problems.push(`${answer.questionId} is not a question of this consultation`);
    else if (byQuestion[answer.questionId]) problems.push(`${answer.questionId} is answered twice`);
    else {
      const unknown = answer.optionIds.filter((id) => !question.options.some((o) => o.id === id));
      if (unknown.length > 0) problems.push(`${unknown.join(', ')} is not an option of ${question.id}`);
      if (!question.multiple && answer.optionIds.length !== 1) problems.push(`${question.id} takes exactly one option`);
      byQuestion[answer.questionId] = [...answer.optionIds];
    }
  }
  for (const question of questions) if (!answers.some((a) => a.questionId === question.id)) problems.push(`${question.id} is not answered`);
  if (problems.length > 0) throw new ValidationFailedError([{ field: 'answers', messages: problems }]);
  return byQuestion;
}

@Injectable()
export class ConsultationsService {
  constructor(
    private readonly access: CommuneAccess,
    private readonly consultations: ConsultationsRepository,
    private readonly audit: AuditService,
    private readonly requestContext: RequestContext,
    private readonly notifications: NotificationOutbox,
  ) {}

  async list(slug: string): Promise<ConsultationView[]> {
    const commune = await this.access.findBySlug(slug);
    const staff = this.isStaff(commune);
    return this.runAs(commune, async () => {
      const records = await this.consultations.list(commune.id, staff);
      return Promise.all(records.map((record) => this.view(commune.id, record, staff, { withDetails: false })));
    });
  }

  async get(slug: string, id: string): Promise<ConsultationView> {
    const commune = await this.access.findBySlug(slug);
    const staff = this.isStaff(commune);
    return this.runAs(commune, async () => {
      const record = await this.require(commune.id, id);
      this.access.authorize('read', 'Consultation', { communeId: commune.id, state: record.state });
      return this.view(commune.id, record, staff, { withDetails: true });
    });
  }

  async create(slug: string, input: ConsultationInput): Promise<ConsultationView> {
    const commune = await this.access.findBySlug(slug);
    this.access.authorize('create', 'Consultation', { communeId: commune.id, state: 'draft' });
    const fields = toFields(input);
    return this.runAs(commune, async () => {
      await this.checkDocuments(commune.id, fields.documentIds, false);
      const id = await this.consultations.insert(commune.id, fields, this.requestContext.actor.userId);
      await this.audit.record({ communeId: commune.id, action: 'consultation.created', targetType: 'consultation', targetId: id, details: { title: fields.title } });
      return this.view(commune.id, await this.require(commune.id, id), true, { withDetails: true });
    });
  }

  /** Drafts only: once published, the questions are what citizens answered. */
  async update(slug: string, id: string, input: ConsultationInput): Promise<ConsultationView> {
    const commune = await this.access.findBySlug(slug);
    const fields = toFields(input);
    return this.runAs(commune, async () => {
      const record = await this.require(commune.id, id, true);
      this.access.authorize('update', 'Consultation', { communeId: commune.id, state: record.state });
      if (record.state !== 'draft') throw new ConflictError('consultation.published', 'A published consultation cannot be changed; close it instead.');
      await this.checkDocuments(commune.id, fields.documentIds, false);
      await this.consultations.update(commune.id, id, fields);
      await this.audit.record({ communeId: commune.id, action: 'consultation.updated', targetType: 'consultation', targetId: id, details: { title: fields.title } });
      return this.view(commune.id, await this.require(commune.id, id), true, { withDetails: true });
    });
  }

  async publish(slug: string, id: string): Promise<ConsultationView> {
    const commune = await this.access.findBySlug(slug);
    return this.runAs(commune, async () => {
      const record = await this.require(commune.id, id, true);
      this.access.authorize('publish', 'Consultation', { communeId: commune.id, state: record.state });
      if (record.state !== 'draft') throw new ConflictError('consultation.not-draft', 'Only a draft consultation can be published.');
      if (record.closesAt <= new Date()) throw new UnprocessableError('consultation.already-over', 'Its closing date has passed: change the dates before publishing.');
      await this.checkDocuments(commune.id, record.documentIds, true);
      await this.consultations.publish(commune.id, record);
      await this.consultations.enqueueSearchUpdate(commune.id, consultationSearchId(id));
      await this.notifications.toFollowers(commune.id, 'consultation.opened', { consultationId: id, title: record.title });
      await this.audit.record({ communeId: commune.id, action: 'consultation.published', targetType: 'consultation', targetId: id, details: { title: record.title } });
      return this.view(commune.id, await this.require(commune.id, id), true, { withDetails: true });
    });
  }

  /** Ends a published consultation now (its results then show, whatever was chosen). */
  async close(slug: string, id: string): Promise<ConsultationView> {
    const commune = await this.access.findBySlug(slug);
    return this.runAs(commune, async () => {
      const record = await this.require(commune.id, id, true);
      this.access.authorize('update', 'Consultation', { communeId: commune.id, state: record.state });
      const phase = phaseOf(record);
      if (phase === 'draft' || phase === 'closed') throw new ConflictError('consultation.not-open', 'Only a published consultation that has not closed yet can be closed.');
      await this.consultations.closeNow(commune.id, id);
      await this.consultations.enqueueSearchUpdate(commune.id, consultationSearchId(id));
      await this.audit.record({ communeId: commune.id, action: 'consultation.closed', targetType: 'consultation', targetId: id, details: { plannedClose: record.closesAt.toISOString() } });
      return this.view(commune.id, await this.require(commune.id, id), true, { withDetails: true });
    });
  }

  async deleteDraft(slug: string, id: string): Promise<void> {
    const commune = await this.access.findBySlug(slug);
    await this.runAs(commune, async () => {
      const record = await this.require(commune.id, id, true);
      this.access.authorize('delete', 'Consultation', { communeId: commune.id, state: record.state });
      if (!(await this.consultations.deleteDraft(commune.id, id))) {
        throw new ConflictError('consultation.not-draft', 'A published consultation is never deleted: close it instead.');
      }
      await this.audit.record({ communeId: commune.id, action: 'consultation.deleted', targetType: 'consultation', targetId: id, details: { title: record.title } });
    });
  }

  /**
   * The caller's answer, once. Votes are not audited: the audit trail is read by the staff, and
   * who took part in a consultation is nobody's business but the citizen's.
   */
  async respond(slug: string, id: string, answers: { questionId: string; optionIds: string[] }[]): Promise<ConsultationView> {
    const commune = await this.access.findBySlug(slug);
    const userId = this.requestContext.actor.userId;
    if (!userId) throw new ForbiddenActionError('Log in to answer.');
    const staff = this.isStaff(commune);
    return this.runAs(commune, async () => {
      const record = await this.require(commune.id, id);
      this.access.authorize('vote', 'Consultation', { communeId: commune.id, state: record.state });
      const phase = phaseOf(record);
      if (phase !== 'open') {
        throw new ConflictError('consultation.not-open', phase === 'upcoming' ? 'This consultation is not open yet.' : 'This consultation is closed.');
      }
      const byQuestion = checkAnswers(record.questions, answers);
      if (!(await this.consultations.insertResponse(commune.id, id, userId, byQuestion))) {
        throw new ConflictError('consultation.already-answered', 'You have already answered this consultation.');
      }
      const choices = Object.entries(byQuestion).flatMap(([questionId, optionIds]) => optionIds.map((optionId) => ({ questionId, optionId })));
      const counted = await this.consultations.addVotes(commune.id, id, choices);
      // Every choice and the participant count must land, or nothing is kept.
      if (counted !== choices.length + 1) throw new Error(`Consultation ${id}: counted ${counted} of ${choices.length + 1} tallies`);
      return this.view(commune.id, record, staff, { withDetails: true });
    });
  }

  async results(slug: string, id: string): Promise<ConsultationResults> {
    const commune = await this.access.findBySlug(slug);
    const staff = this.isStaff(commune);
    return this.runAs(commune, async () => {
      const record = await this.require(commune.id, id);
      this.access.authorize('read', 'Consultation', { communeId: commune.id, state: record.state });
      if (!resultsAvailable(record, staff)) {
        throw new ConflictError('consultation.results-not-yet', `The results are shown when the consultation closes (${record.closesAt.toISOString()}).`);
      }
      const tallies = await this.consultations.tallies(commune.id, id);
      const votes = (questionId: string, optionId: string) => tallies.find((t) => t.questionId === questionId && t.optionId === optionId)?.votes ?? 0;
      const participants = votes('', '');
      return {
        consultationId: id,
        phase: phaseOf(record),
        participants,
        questions: record.questions.map((question) => ({
          id: question.id,
          text: question.text,
          multiple: question.multiple,
          options: question.options.map((option) => {
            const count = votes(question.id, option.id);
            return { id: option.id, label: option.label, votes: count, percent: participants > 0 ? Math.round((count * 1000) / participants) / 10 : 0 };
          }),
        })),
      };
    });
  }

  /** RFC 4180 CSV, one line per option: what the results page shows. */
  async resultsCsv(slug: string, id: string): Promise<string> {
    const results = await this.results(slug, id);
    const rows = results.questions.flatMap((question) =>
      question.options.map((option) => [question.id, question.text, option.id, option.label, option.votes, option.percent, results.participants]),
    );
    return toCsv(['question_id', 'question', 'option_id', 'option', 'votes', 'percent_of_participants', 'participants'], rows);
  }

  private async checkDocuments(communeId: string, ids: readonly string[], publishedOnly: boolean): Promise<void> {
    const found = await this.consultations.documents(communeId, ids, { publishedOnly });
    const missing = ids.filter((id) => !found.some((d) => d.id === id));
    if (missing.length > 0) {
      throw new UnprocessableError(
        publishedOnly ? 'consultation.documents-not-published' : 'consultation.documents-unknown',
        publishedOnly ? `Publish the linked documents first: ${missing.join(', ')}.` : `These are not documents of the commune: ${missing.join(', ')}.`,
      );
    }
  }

  private isStaff(commune: CommuneRecord): boolean {
    return this.access.scopeIn(commune.id) === 'staff';
  }

  /** Staff work in the staff scope; everyone else in the public scope (published only, own response). */
  private runAs<T>(commune: CommuneRecord, work: () => Promise<T>): Promise<T> {
    return this.access.runIn(commune, work, this.isStaff(commune) ? 'staff' : 'public');
  }

  private async require(communeId: string, id: string, lock = false): Promise<ConsultationRecord> {
    const record = await this.consultations.find(communeId, id, { lock });
    if (!record) throw new NotFoundError('consultation.not-found', 'No such consultation in this commune.');
    return record;
  }

  private async view(communeId: string, record: ConsultationRecord, staff: boolean, options: { withDetails: boolean }): Promise<ConsultationView> {
    const userId = this.requestContext.actor.userId;
    return {
      ...record,
      phase: phaseOf(record),
      resultsAvailable: resultsAvailable(record, staff),
      documents: options.withDetails ? await this.consultations.documents(communeId, record.documentIds, { publishedOnly: !staff }) : [],
      myAnswers: options.withDetails && userId ? await this.consultations.myAnswers(communeId, record.id, userId) : null,
    };
  }
}

function resultsAvailable(record: ConsultationRecord, staff: boolean): boolean {
  if (staff) return true;
  const phase = phaseOf(record);
  return phase === 'closed' || (phase === 'open' && record.resultsVisibility === 'live');
}

function toFields(input: ConsultationInput): ConsultationFields {
  const opensAt = new Date(input.opensAt);
  const closesAt = new Date(input.closesAt);
  if (closesAt <= opensAt) throw new ValidationFailedError([{ field: 'closesAt', messages: ['closesAt must be after opensAt'] }]);
  return {
    title: input.title,
    description: input.description || null,
    questions: withIds(input.questions),
    documentIds: input.documentIds ?? [],
    opensAt,
    closesAt,
    resultsVisibility: input.resultsVisibility ?? 'after_close',
  };
}
