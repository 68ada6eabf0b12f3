import { Injectable } from '@nestjs/common';
import { TenantTransaction } from '@communes/api-database';

export interface CommuneProfileRecord {
  communeId: string;
  primaryColor: string | null;
  secondaryColor: string | null;
  presentation: string | null;
  mayorName: string | null;
  contactEmail: string | null;
  contactPhone: string | null;
  address: string | null;
  website: string | null;
  logoObjectKey: string | null;
  logoMediaType: string | null;
  logoSizeBytes: number | null;
  logoSha256: string | null;
  logoUpdatedAt: Date | null;
  updatedAt: Date;
}

/** The text fields a PATCH may set (`null` clears one; a missing key leaves it). */
export interface CommuneProfilePatch {
  primaryColor?: string | null;
  secondaryColor?: string | null;
  presentation?: string | null;
  mayorName?: string | null;
  contactEmail?: string | null;
  contactPhone?: string | null;
  address?: string | null;
  website?: string | null;
}

export interface CommuneLogo {
  objectKey: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
}

const COLUMNS = `commune_id as "communeId", primary_color as "primaryColor", secondary_color as "secondaryColor",
  presentation, mayor_name as "mayorName", contact_email as "contactEmail", contact_phone as "contactPhone",
  address, website, logo_object_key as "logoObjectKey", logo_media_type as "logoMediaType",
  logo_size_bytes as "logoSizeBytes", logo_sha256 as "logoSha256", logo_updated_at as "logoUpdatedAt",
  updated_at as "updatedAt"`;

/**
 * A commune's public presentation: one row per commune, created on the first change. Readable
 * by everyone; RLS lets the commune's staff write it, and ANCB only while onboarding.
 */
@Injectable()
export class CommuneProfilesRepository {
  constructor(private readonly tx: TenantTransaction) {}

  async find(communeId: string): Promise<CommuneProfileRecord | null> {
    const rows = await this.tx.query<CommuneProfileRecord>(`select ${COLUMNS} from commune_profiles where commune_id = $1`, [communeId]);
    return rows[0] ?? null;
  }

  /** Sets the keys present in `patch`, in one statement (creating the row the first time). */
  async update(communeId: string, patch: CommuneProfilePatch, userId: string | null): Promise<CommuneProfileRecord> {
    this.tx.assertCommune(communeId);
    const rows = await this.tx.query<CommuneProfileRecord>(
      `insert into commune_profiles as p (commune_id, primary_color, secondary_color, presentation, mayor_name,
         contact_email, contact_phone, address, website, updated_by)
       values ($1, $2::jsonb->>'primaryColor', $2::jsonb->>'secondaryColor', $2::jsonb->>'presentation', $2::jsonb->>'mayorName',
         $2::jsonb->>'contactEmail', $2::jsonb->>'contactPhone', $2::jsonb->>'address', $2::jsonb->>'website', $3)
       on conflict (commune_id) do update set
         primary_color = case when $2::jsonb ? 'primaryColor' then excluded.primary_color else p.primary_color end,
         secondary_color = case when $2::jsonb ? 'secondaryColor' then excluded.secondary_color else p.secondary_color end,
         presentation = case when $2::jsonb ? 'presentation' then excluded.presentation else p.presentation end,
         mayor_name = case when $2::jsonb ? 'mayorName' then excluded.mayor_name else p.mayor_name end,
         contact_email = case when $2::jsonb ? 'contactEmail' then excluded.contact_email else p.contact_email end,
         contact_phone = case when $2::jsonb ? 'contactPhone' then excluded.contact_phone else p.contact_phone end,
         address = case when $2::jsonb ? 'address' then excluded.address else p.address end,
         website = case when $2::jsonb ? 'website' then excluded.website else p.website end,
         updated_by = excluded.updated_by,
         updated_at = now()
       returning ${COLUMNS}`,
      [communeId, JSON.stringify(patch), userId],
    );
    return rows[0];
  }

  /**
   * Locks the commune's profile until the transaction ends (creating it empty the first time) and
   * returns its logo's key: of two logo changes at once, the second sees the logo the first set,
   * so every replaced logo object is accounted for.
   */
  async lockLogoKey(communeId: string): Promise<string | null> {
    this.tx.assertCommune(communeId);
    await this.tx.query(`insert into commune_profiles (commune_id) values ($1) on conflict (commune_id) do nothing`, [communeId]);
    const rows = await this.tx.query<{ objectKey: string | null }>(
      `select logo_object_key as "objectKey" from commune_profiles where commune_id = $1 for update`,
      [communeId],
    );
    return rows[0]?.objectKey ?? null;
  }

  /** Replaces (or, with null, removes) the logo; returns the row as it is now. */
  async setLogo(communeId: string, logo: CommuneLogo | null, userId: string | null): Promise<CommuneProfileRecord> {
    this.tx.assertCommune(communeId);
    const rows = await this.tx.query<CommuneProfileRecord>(
      `insert into commune_profiles as p (commune_id, logo_object_key, logo_media_type, logo_size_bytes, logo_sha256, logo_updated_at, updated_by)
       values ($1, $2, $3, $4, $5, case when $2::text is null then null else now() end, $6)
       on conflict (commune_id) do update set
         logo_object_key = excluded.logo_object_key, logo_media_type = excluded.logo_media_type,
         logo_size_bytes = excluded.logo_size_bytes, logo_sha256 = excluded.logo_sha256,
         logo_updated_at = excluded.logo_updated_at, updated_by = excluded.updated_by, updated_at = now()
       returning ${COLUMNS}`,
      [communeId, logo?.objectKey ?? null, logo?.mediaType ?? null, logo?.sizeBytes ?? null, logo?.sha256 ?? null, userId],
    );
    return rows[0];
  }
}
