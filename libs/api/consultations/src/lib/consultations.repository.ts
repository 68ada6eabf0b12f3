import { Injectable } from '@nestjs/common';
import { TenantTransaction } from '@communes/api-database';
import type { ConsultationResultsVisibility } from '@communes/shared-contracts';

export interface ConsultationOption {
  id: string;
  label: string;
}

export interface ConsultationQuestion {
  id: string;
  text: string;
  multiple: boolean;
  options: ConsultationOption[];
}

export interface ConsultationRecord {
  id: string;
  communeId: string;
  title: string;
  description: string | null;
  questions: ConsultationQuestion[];
  documentIds: string[];
  opensAt: Date;
  closesAt: Date;
  resultsVisibility: ConsultationResultsVisibility;
  state: 'draft' | 'published';
  publishedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface ConsultationFields {
  title: string;
  description: string | null;
  questions: ConsultationQuestion[];
  documentIds: string[];
  opensAt: Date;
  closesAt: Date;
  resultsVisibility: ConsultationResultsVisibility;
}

/** question id → option id → votes; the row with empty ids counts the participants. */
export interface Tally {
  questionId: string;
  optionId: string;
  votes: number;
}

const COLUMNS = `c.id, c.commune_id as "communeId", c.title, c.description, c.questions, c.document_ids as "documentIds",
  c.opens_at as "opensAt", c.closes_at as "closesAt", c.results_visibility as "resultsVisibility", c.state,
  c.published_at as "publishedAt", c.created_at as "createdAt", c.updated_at as "updatedAt"`;

/** Consultations of one commune; RLS hides drafts from all but staff, and each response from all but its author. */
@Injectable()
export class ConsultationsRepository {
  constructor(private readonly tx: TenantTransaction) {}

  list(communeId: string, includeDrafts: boolean): Promise<ConsultationRecord[]> {
    this.tx.assertCommune(communeId);
    return this.tx.query<ConsultationRecord>(
      `select ${COLUMNS} from consultations c
       where c.commune_id = $1 and ($2::boolean or c.state = 'published')
       order by c.closes_at desc, c.id limit 200`,
      [communeId, includeDrafts],
    );
  }

  async find(communeId: string, id: string, options: { lock?: boolean } = {}): Promise<ConsultationRecord | null> {
    this.tx.assertCommune(communeId);
    const rows = await this.tx.query<ConsultationRecord>(
      `select ${COLUMNS} from consultations c where c.commune_id = $1 and c.id = $2 ${options.lock ? 'for update' : ''}`,
      [communeId, id],
    );
    return rows[0] ?? null;
  }

  async insert(communeId: string, fields: ConsultationFields, createdBy: string | null): Promise<string> {
    this.tx.assertCommune(communeId);
    const [row] = await this.tx.query<{ id: string }>(
      `insert into consultations (commune_id, title, description, questions, document_ids, opens_at, closes_at, results_visibility, created_by)
       values ($1, $2, $3, $4::jsonb, $5::uuid[], $6, $7, $8::consultation_results_visibility, $9) returning id`,
      [communeId, fields.title, fields.description, JSON.stringify(fields.questions), fields.documentIds, fields.opensAt, fields.closesAt, fields.resultsVisibility, createdBy],
    );
    return row.id;
  }

  async update(communeId: string, id: string, fields: ConsultationFields): Promise<void> {
    this.tx.assertCommune(communeId);
    await this.tx.query(
      `update consultations set title = $3, description = $4, questions = $5::jsonb, document_ids = $6::uuid[], opens_at = $7,
         closes_at = $8, results_visibility = $9::consultation_results_visibility, updated_at = now()
       where commune_id = $1 and id = $2`,
      [communeId, id, fields.title, fields.description, JSON.stringify(fields.questions), fields.documentIds, fields.opensAt, fields.closesAt, fields.resultsVisibility],
    );
  }

  /** Publishes and creates the tallies at zero: one row per option, one for the participants. */
  async publish(communeId: string, consultation: ConsultationRecord): Promise<void> {
    this.tx.assertCommune(communeId);
    await this.tx.query(`update consultations set state = 'published', published_at = now(), updated_at = now() where commune_id = $1 and id = $2`, [communeId, consultation.id]);
    const questionIds = [''];
    const optionIds = [''];
    for (const question of consultation.questions) {
      for (const option of question.options) {
        questionIds.push(question.id);
        optionIds.push(option.id);
      }
    }
    await this.tx.query(
      `insert into consultation_tallies (commune_id, consultation_id, question_id, option_id)
       select $1, $2, q, o from unnest($3::text[], $4::text[]) as t(q, o)`,
      [communeId, consultation.id, questionIds, optionIds],
    );
  }

  /** Closes now (a published consultation that should end early). */
  async closeNow(communeId: string, id: string): Promise<void> {
    this.tx.assertCommune(communeId);
    await this.tx.query(`update consultations set closes_at = greatest(now(), opens_at + interval '1 second'), updated_at = now() where commune_id = $1 and id = $2`, [communeId, id]);
  }

  async deleteDraft(communeId: string, id: string): Promise<boolean> {
    this.tx.assertCommune(communeId);
    const rows = await this.tx.query(`delete from consultations where commune_id = $1 and id = $2 and state = 'draft' returning id`, [communeId, id]);
    return rows.length === 1;
  }

  /** Published documents among these ids (what visitors will be able to open). */
  async documents(communeId: string, ids: readonly string[], options: { publishedOnly: boolean }): Promise<{ id: string; title: string }[]> {
    this.tx.assertCommune(communeId);
    if (ids.length === 0) return [];
    return this.tx.query<{ id: string; title: string }>(
      `select d.id, d.title from documents d
       where d.commune_id = $1 and d.id = any($2::uuid[]) and (not $3::boolean or d.state = 'published')
       order by array_position($2::uuid[], d.id)`,
      [communeId, ids, options.publishedOnly],
    );
  }

  /**
   * The caller's one response. False when this account has already answered: the primary key
   * decides, so concurrent requests cannot both succeed.
   */
  async insertResponse(communeId: string, consultationId: string, userId: string, answers: Record<string, string[]>): Promise<boolean> {
    this.tx.assertCommune(communeId);
    const rows = await this.tx.query(
      `insert into consultation_responses (commune_id, consultation_id, user_id, answers) values ($1, $2, $3, $4::jsonb)
       on conflict (commune_id, consultation_id, user_id) do nothing returning user_id`,
      [communeId, consultationId, userId, JSON.stringify(answers)],
    );
    return rows.length === 1;
  }

  async addVotes(communeId: string, consultationId: string, choices: readonly { questionId: string; optionId: string }[]): Promise<number> {
    this.tx.assertCommune(communeId);
    const rows = await this.tx.query(
      `update consultation_tallies t set votes = votes + 1
       from unnest($3::text[], $4::text[]) as c(q, o)
       where t.commune_id = $1 and t.consultation_id = $2 and t.question_id = c.q and t.option_id = c.o
       returning t.question_id`,
      [communeId, consultationId, ['', ...choices.map((c) => c.questionId)], ['', ...choices.map((c) => c.optionId)]],
    );
    return rows.length;
  }

  async myAnswers(communeId: string, consultationId: string, userId: string): Promise<Record<string, string[]> | null> {
    this.tx.assertCommune(communeId);
    const rows = await this.tx.query<{ answers: Record<string, string[]> }>(
      `select answers from consultation_responses where commune_id = $1 and consultation_id = $2 and user_id = $3`,
      [communeId, consultationId, userId],
    );
    return rows[0]?.answers ?? null;
  }

  tallies(communeId: string, consultationId: string): Promise<Tally[]> {
    this.tx.assertCommune(communeId);
    return this.tx.query<Tally>(
      `select question_id as "questionId", option_id as "optionId", votes from consultation_tallies
       where commune_id = $1 and consultation_id = $2`,
      [communeId, consultationId],
    );
  }

  /** Published consultations, for the search index. */
  searchable(communeId: string, ids: readonly string[] | null): Promise<ConsultationRecord[]> {
    this.tx.assertCommune(communeId);
    return this.tx.query<ConsultationRecord>(
      `select ${COLUMNS} from consultations c
       where c.commune_id = $1 and c.state = 'published' and ($2::uuid[] is null or c.id = any($2::uuid[]))`,
      [communeId, ids],
    );
  }

  async enqueueSearchUpdate(communeId: string, recordId: string): Promise<void> {
    this.tx.assertCommune(communeId);
    await this.tx.query(`insert into search_outbox (commune_id, record_id) values ($1, $2)`, [communeId, recordId]);
  }
}
