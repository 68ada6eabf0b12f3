import { Injectable } from '@nestjs/common';
import type { AdoptionByDepartment, AdoptionMonth, CommuneStatus, DocumentCategory } from '@communes/shared-contracts';
import { TenantTransaction } from '@communes/api-database';

export interface AdoptionRow {
  byStatus: { status: CommuneStatus; count: number }[];
  byDepartment: AdoptionByDepartment[];
  byMonth: AdoptionMonth[];
}

export interface PublicationRow {
  communeId: string;
  slug: string;
  name: string;
  department: string;
  status: CommuneStatus;
  isPilot: boolean;
  /** `<category>:<fiscal year>` → when the first published document of that kind went public. */
  firstPublished: Record<string, string>;
  contractsCurrent: number;
  contractsPrevious: number;
  lastPublishedAt: Date | null;
}

/** Benin's time zone: months and years are counted as people there live them. */
const TIME_ZONE = 'Africa/Porto-Novo';

/**
 * National figures, each in one statement over every commune (never one query per commune).
 * Runs in the `monitoring` scope: communes are public, and the policies of that scope let it read
 * published documents and contracts only.
 */
@Injectable()
export class MonitoringRepository {
  constructor(private readonly tx: TenantTransaction) {}

  async adoption(): Promise<AdoptionRow> {
    const rows = await this.tx.query<AdoptionRow>(
      `with months as (
         select m::date as month
         from generate_series(
           date_trunc('month', coalesce((select min(onboarding_started_at) from communes), now()) at time zone $1),
           date_trunc('month', now() at time zone $1),
           interval '1 month') m
       ),
       per_month as (
         select months.month,
           (select count(*) from communes c where date_trunc('month', c.onboarding_started_at at time zone $1) = months.month)::int as onboarded,
           (select count(*) from communes c where date_trunc('month', c.activated_at at time zone $1) = months.month)::int as activated
         from months
       ),
       counted as (
         select month, onboarded, activated,
                (sum(onboarded) over (order by month))::int as onboarded_total,
                (sum(activated) over (order by month))::int as activated_total
         from per_month
       )
       select
         (select coalesce(json_agg(json_build_object('status', status, 'count', n) order by status), '[]'::json)
            from (select status, count(*)::int as n from communes group by status) s) as "byStatus",
         (select coalesce(json_agg(json_build_object(
              'department', department, 'total', total, 'notOnboarded', not_onboarded,
              'onboarding', onboarding, 'active', active, 'suspended', suspended) order by department), '[]'::json)
            from (select department, count(*)::int as total,
                         count(*) filter (where status = 'not_onboarded')::int as not_onboarded,
                         count(*) filter (where status = 'onboarding')::int as onboarding,
                         count(*) filter (where status = 'active')::int as active,
                         count(*) filter (where status = 'suspended')::int as suspended
                  from communes group by department) d) as "byDepartment",
         (select coalesce(json_agg(json_build_object(
              'month', to_char(month, 'YYYY-MM'), 'onboarded', onboarded, 'activated', activated,
              'onboardedTotal', onboarded_total, 'activatedTotal', activated_total) order by month), '[]'::json)
            from counted) as "byMonth"`,
      [TIME_ZONE],
    );
    return rows[0];
  }

  /**
   * Per commune: when each expected publication (category × fiscal year) was first published,
   * published contracts awarded in each of the two years, and the latest publication date.
   * One statement; per commune, each figure is an index probe (see the monitoring indexes), so
   * the cost grows with the number of communes, not with everything they ever published.
   */
  async publications(fiscalYear: number, categories: readonly DocumentCategory[]): Promise<PublicationRow[]> {
    return this.tx.query<PublicationRow>(
      `select c.id as "communeId", c.slug, c.name, c.department, c.status, c.is_pilot as "isPilot",
              coalesce((
                select jsonb_object_agg(kind.category || ':' || kind.fiscal_year, kind.first_at)
                from (select d.category::text as category, d.fiscal_year, min(d.published_at) as first_at
                      from documents d
                      where d.commune_id = c.id and d.state = 'published'
                        and d.category = any($2::document_category[]) and d.fiscal_year in ($1::int, $1::int - 1)
                      group by d.category, d.fiscal_year) kind
              ), '{}'::jsonb) as "firstPublished",
              (select count(*) from contracts k
                where k.commune_id = c.id and k.state = 'published'
                  and k.award_date >= make_date($1::int, 1, 1) and k.award_date < make_date($1::int + 1, 1, 1))::int as "contractsCurrent",
              (select count(*) from contracts k
                where k.commune_id = c.id and k.state = 'published'
                  and k.award_date >= make_date($1::int - 1, 1, 1) and k.award_date < make_date($1::int, 1, 1))::int as "contractsPrevious",
              greatest(
                (select max(d.published_at) from documents d where d.commune_id = c.id and d.state = 'published'),
                (select max(k.published_at) from contracts k where k.commune_id = c.id and k.state = 'published')
              ) as "lastPublishedAt"
       from communes c
       order by c.department, c.name`,
      [fiscalYear, categories],
    );
  }
}
