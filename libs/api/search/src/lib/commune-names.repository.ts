import { Injectable } from '@nestjs/common';
import { TenantTransaction } from '@communes/api-database';

/** Communes' names from the public registry, for the search's commune facet. */
@Injectable()
export class CommuneNamesRepository {
  constructor(private readonly tx: TenantTransaction) {}

  /** The name of each of these slugs that is a commune (unknown slugs are left out). */
  async namesOf(slugs: readonly string[]): Promise<Map<string, string>> {
    if (slugs.length === 0) return new Map();
    const rows = await this.tx.query<{ slug: string; name: string }>(`select slug, name from communes where slug = any($1::text[])`, [slugs]);
    return new Map(rows.map((row) => [row.slug, row.name]));
  }
}
