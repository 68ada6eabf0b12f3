import { Injectable } from '@nestjs/common';
import type { CommuneStatus, OnboardingChecklistItem } from '@communes/shared-contracts';
import { TenantTransaction } from '@communes/api-database';

export interface CommuneLastSessions {
  lastCouncilSessionAt: Date | null;
  lastAccountabilitySessionAt: Date | null;
}

export interface CommuneRecord {
  id: string;
  slug: string;
  name: string;
  department: string;
  country: string;
  status: CommuneStatus;
  isPilot: boolean;
  population: number | null;
  onboardingStartedAt: Date | null;
  activatedAt: Date | null;
  suspendedAt: Date | null;
  suspensionReason: string | null;
  focalPointNamedAt: Date | null;
  staffTrainedAt: Date | null;
  firstDocumentsPublishedAt: Date | null;
}

const COLUMNS = `id, slug, name, department, country, status, is_pilot as "isPilot", population,
  onboarding_started_at as "onboardingStartedAt", activated_at as "activatedAt", suspended_at as "suspendedAt",
  suspension_reason as "suspensionReason", focal_point_named_at as "focalPointNamedAt",
  staff_trained_at as "staffTrainedAt", first_documents_published_at as "firstDocumentsPublishedAt"`;


/** The tenant registry. Readable by everyone; RLS lets only the platform scope insert. */
@Injectable()
export class CommunesRepository {
  constructor(private readonly tx: TenantTransaction) {}

  /**
   * When the commune's last council and accountability sessions took place (ended), for its public
   * page: the law expects them regularly. Runs in the commune's public scope (published sessions).
   */
  async lastSessions(communeId: string): Promise<CommuneLastSessions> {
    this.tx.assertCommune(communeId);
    const [row] = await this.tx.query<CommuneLastSessions>(
      `select max(coalesce(ended_at, starts_at)) filter (where kind = 'council') as "lastCouncilSessionAt",
              max(coalesce(ended_at, starts_at)) filter (where kind = 'accountability') as "lastAccountabilitySessionAt"
       from council_sessions where commune_id = $1 and status = 'ended'`,
      [communeId],
    );
    return row;
  }

  list(filter: { department?: string; status?: CommuneStatus }): Promise<CommuneRecord[]> {
    return this.tx.query<CommuneRecord>(
      `select ${COLUMNS} from communes
       where ($1::text is null or department = $1) and ($2::commune_status is null or status = $2)
       order by department, name`,
      [filter.department ?? null, filter.status ?? null],
    );
  }

  async findBySlug(slug: string): Promise<CommuneRecord | null> {
    const rows = await this.tx.query<CommuneRecord>(`select ${COLUMNS} from communes where slug = $1`, [slug]);
    return rows[0] ?? null;
  }

  async insertOnboarding(input: { id: string; slug: string; name: string; department: string; country: string; population: number | null }): Promise<CommuneRecord | null> {
    this.tx.assertCommune(input.id);
    const rows = await this.tx.query<CommuneRecord>(
      `insert into communes (id, slug, name, department, country, population, status, onboarding_started_at)
       values ($1, $2, $3, $4, $5, $6, 'onboarding', now())
       on conflict (slug) do nothing
       returning ${COLUMNS}`,
      [input.id, input.slug, input.name, input.department, input.country, input.population],
    );
    return rows[0] ?? null;
  }

  /**
   * Moves a commune from `from` to `to`, only if it is still in `from` (two concurrent changes
   * cannot both win). Returns null when the commune was not in `from`.
   */
  async changeStatus(communeId: string, from: CommuneStatus, to: CommuneStatus, reason: string | null): Promise<CommuneRecord | null> {
    this.tx.assertCommune(communeId);
    const rows = await this.tx.query<CommuneRecord>(
      `update communes set
         status = $3::commune_status,
         onboarding_started_at = case when $3::commune_status = 'onboarding' then now() else onboarding_started_at end,
         activated_at = case when $3::commune_status = 'active' and activated_at is null then now() else activated_at end,
         suspended_at = case when $3::commune_status = 'suspended' then now() else null end,
         suspension_reason = case when $3::commune_status = 'suspended' then $4::text else null end,
         updated_at = now()
       where id = $1 and status = $2::commune_status
       returning ${COLUMNS}`,
      [communeId, from, to, reason],
    );
    return rows[0] ?? null;
  }

  async setChecklist(communeId: string, items: Partial<Record<OnboardingChecklistItem, boolean>>): Promise<CommuneRecord> {
    this.tx.assertCommune(communeId);
    const value = (item: OnboardingChecklistItem) => (items[item] === undefined ? null : items[item]);
    // For each item: true keeps the first date it was ticked, false clears it, null leaves it.
    const rows = await this.tx.query<CommuneRecord>(
      `update communes set
         focal_point_named_at = case $2::boolean when true then coalesce(focal_point_named_at, now()) when false then null else focal_point_named_at end,
         staff_trained_at = case $3::boolean when true then coalesce(staff_trained_at, now()) when false then null else staff_trained_at end,
         first_documents_published_at = case $4::boolean when true then coalesce(first_documents_published_at, now()) when false then null else first_documents_published_at end,
         updated_at = now()
       where id = $1
       returning ${COLUMNS}`,
      [communeId, value('focal_point_named'), value('staff_trained'), value('first_documents_published')],
    );
    return rows[0];
  }
}
