import { createHash, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { BRANDING_LIMITS, contrastWithWhite, type CommuneBranding, type CommuneStatus } from '@communes/shared-contracts';
import { DomainError, NotFoundError, RequestContext, UnprocessableError, ValidationFailedError } from '@communes/api-core';
import { AuditService } from '@communes/api-audit';
import { UploadIntentsRepository } from '@communes/api-database';
import { DocumentStorage, objectKeyFor, parseObjectKey } from '@communes/api-storage';
import { CommuneAccess } from './commune-access.service';
import { CommuneProfilePatch, CommuneProfileRecord, CommuneProfilesRepository } from './commune-profiles.repository';
import type { CommuneRecord } from './communes.repository';
import { detectLogoType, imageSize, isSvg } from './logo-image';

export interface LogoDownload {
  stream: Readable;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
}

const EMPTY: Omit<CommuneBranding, 'logoUrl' | 'updatedAt'> = {
  primaryColor: null,
  secondaryColor: null,
  presentation: null,
  mayorName: null,
  contactEmail: null,
  contactPhone: null,
  address: null,
  website: null,
};

/** The logo URL carries a short hash of the bytes: a new logo is a new URL, so caches never serve an old one. */
export function logoUrl(slug: string, sha256: string): string {
  return `/api/v1/communes/${slug}/logo?v=${sha256.slice(0, 12)}`;
}

export function toBranding(slug: string, profile: CommuneProfileRecord | null): CommuneBranding {
  if (!profile) return { ...EMPTY, logoUrl: null, updatedAt: null };
  return {
    primaryColor: profile.primaryColor,
    secondaryColor: profile.secondaryColor,
    logoUrl: profile.logoSha256 ? logoUrl(slug, profile.logoSha256) : null,
    presentation: profile.presentation,
    mayorName: profile.mayorName,
    contactEmail: profile.contactEmail,
    contactPhone: profile.contactPhone,
    address: profile.address,
    website: profile.website,
    updatedAt: profile.updatedAt.toISOString(),
  };
}

/**
 * A commune's public presentation. Its admins change it; ANCB too while onboarding the commune
 * (CASL, and the database policy behind it). Colours must keep white text readable (WCAG AA),
 * since the public page writes white on them. Every change is audited.
 */
@Injectable()
export class BrandingService {
  private readonly logger = new Logger(BrandingService.name);

  constructor(
    private readonly access: CommuneAccess,
    private readonly profiles: CommuneProfilesRepository,
    private readonly uploadIntents: UploadIntentsRepository,
    private readonly audit: AuditService,
    private readonly requestContext: RequestContext,
    @Inject(DocumentStorage) private readonly storage: DocumentStorage,
  ) {}

  /** The public presentation of a commune already loaded (used by the commune's page). */
  async brandingOf(commune: CommuneRecord): Promise<CommuneBranding> {
    return toBranding(commune.slug, await this.access.runIn(commune, () => this.profiles.find(commune.id), 'public'));
  }

  async update(slug: string, patch: CommuneProfilePatch): Promise<CommuneBranding> {
    const commune = await this.authorizedCommune(slug);
    const normalized: CommuneProfilePatch = { ...patch };
    for (const field of ['primaryColor', 'secondaryColor'] as const) {
      const color = patch[field];
      if (typeof color !== 'string') continue;
      normalized[field] = color.toLowerCase();
      const ratio = contrastWithWhite(color.toLowerCase());
      if (ratio < BRANDING_LIMITS.minContrastWithWhite) {
        throw new UnprocessableError(
          'branding.insufficient-contrast',
          `White text on ${field} ${color} has a contrast of ${ratio.toFixed(2)}:1; the public page needs at least ` +
            `${BRANDING_LIMITS.minContrastWithWhite}:1 (WCAG 2.1 AA). Choose a darker colour.`,
        );
      }
    }
    const fields = Object.keys(normalized).filter((key) => normalized[key as keyof CommuneProfilePatch] !== undefined);
    if (fields.length === 0) {
      throw new ValidationFailedError([{ field: 'body', messages: ['send at least one field to change (null clears one)'] }]);
    }
    const clean = Object.fromEntries(fields.map((key) => [key, normalized[key as keyof CommuneProfilePatch]])) as CommuneProfilePatch;
    const updated = await this.access.runIn(commune, async () => {
      const row = await this.profiles.update(commune.id, clean, this.requestContext.actor.userId);
      await this.audit.record({ communeId: commune.id, action: 'commune.branding-updated', targetType: 'commune', targetId: commune.id, details: clean as Record<string, unknown> });
      return row;
    }, this.writeScope(commune));
    return toBranding(commune.slug, updated);
  }

  /**
   * Reads the upload whole (it is small), checks its type from the bytes, stores it under a new
   * key, then points the commune at it. Like every upload, the key is an upload intent from
   * before the object is written until the transaction that sets the logo, so an interrupted
   * upload leaves nothing the sweeper does not remove; a failure leaves the old logo in place.
   */
  async replaceLogo(slug: string, upload: { stream: Readable & { truncated?: boolean } }): Promise<CommuneBranding> {
    const commune = await this.authorizedCommune(slug);
    const bytes = await readSmallUpload(upload.stream, BRANDING_LIMITS.logoMaxBytes);
    if (bytes.length === 0) throw new DomainError(400, 'branding.logo-empty', 'The logo file is empty.');
    if (isSvg(bytes)) {
      throw new DomainError(415, 'branding.logo-svg-refused', 'SVG logos are not accepted (they can carry scripts): send a PNG, JPEG or WebP image.');
    }
    const type = detectLogoType(bytes);
    if (!type) {
      throw new DomainError(415, 'branding.logo-type', 'The logo must be a PNG, JPEG or WebP image (checked from its content, not its name).');
    }
    const size = imageSize(bytes, type);
    if (!size) throw new DomainError(415, 'branding.logo-type', 'The logo must be a PNG, JPEG or WebP image (checked from its content, not its name).');
    const max = BRANDING_LIMITS.logoMaxPixels;
    if (size.width < 1 || size.height < 1 || size.width > max || size.height > max) {
      throw new UnprocessableError('branding.logo-dimensions', `The logo is ${size.width} × ${size.height} pixels; it must be at most ${max} × ${max}.`);
    }
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    // A key of its own per upload (not named by the hash): an intent never names an object in use.
    const key = objectKeyFor(commune.id, 'branding', `logo-${randomUUID()}.${type.extension}`);
    const scope = this.writeScope(commune);
    await this.access.runIn(commune, () => this.uploadIntents.record(commune.id, key), scope);
    let result: { row: CommuneProfileRecord; previous: string | null };
    try {
      const stored = await this.storage.put(key, Readable.from([bytes]), { size: bytes.length, contentType: type.mediaType, maxBytes: BRANDING_LIMITS.logoMaxBytes });
      if (stored.sha256 !== sha256) throw new Error(`Stored bytes of ${key} differ from the logo (sha256 mismatch).`);
      result = await this.access.runIn(commune, async () => {
        const previous = await this.retireLogo(commune.id);
        const saved = await this.profiles.setLogo(commune.id, { objectKey: key, mediaType: type.mediaType, sizeBytes: bytes.length, sha256 }, this.requestContext.actor.userId);
        await this.uploadIntents.forget(commune.id, key);
        await this.audit.record({ communeId: commune.id, action: 'commune.logo-updated', targetType: 'commune', targetId: commune.id, details: { sha256, sizeBytes: bytes.length, mediaType: type.mediaType } });
        return { row: saved, previous };
      }, scope);
    } catch (error) {
      await this.removeObject(commune, key);
      throw error;
    }
    if (result.previous) await this.removeObject(commune, result.previous);
    return toBranding(commune.slug, result.row);
  }

  async removeLogo(slug: string): Promise<CommuneBranding> {
    const commune = await this.authorizedCommune(slug);
    const scope = this.writeScope(commune);
    const { row, previous } = await this.access.runIn(commune, async () => {
      const before = await this.retireLogo(commune.id);
      const saved = await this.profiles.setLogo(commune.id, null, this.requestContext.actor.userId);
      if (before) await this.audit.record({ communeId: commune.id, action: 'commune.logo-removed', targetType: 'commune', targetId: commune.id });
      return { row: saved, previous: before };
    }, scope);
    if (previous) await this.removeObject(commune, previous);
    return toBranding(commune.slug, row);
  }

  async logo(slug: string): Promise<LogoDownload> {
    const commune = await this.access.findBySlug(slug);
    const profile = await this.access.runIn(commune, () => this.profiles.find(commune.id), 'public');
    if (!profile?.logoObjectKey || !profile.logoMediaType || !profile.logoSha256 || profile.logoSizeBytes === null) {
      throw new NotFoundError('branding.no-logo', `${commune.name} has no logo.`);
    }
    const stream = await this.storage.get(parseObjectKey(profile.logoObjectKey));
    return { stream, mediaType: profile.logoMediaType, sizeBytes: profile.logoSizeBytes, sha256: profile.logoSha256 };
  }

  private async authorizedCommune(slug: string): Promise<CommuneRecord> {
    const commune = await this.access.findBySlug(slug);
    this.access.authorize('update', 'CommuneBranding', { communeId: commune.id, communeStatus: commune.status as CommuneStatus });
    return commune;
  }

  /** A member works as staff; ANCB (allowed only during onboarding) as the platform. */
  private writeScope(commune: CommuneRecord): 'staff' | 'platform' {
    return this.access.scopeIn(commune.id) === 'staff' ? 'staff' : 'platform';
  }

  /**
   * In the transaction that changes the logo: the current logo's key (locked against a concurrent
   * change), recorded as an intent, since its object is about to be named by no row. Removed just
   * after the commit, or by the sweeper if that fails (the same as an interrupted upload's).
   */
  private async retireLogo(communeId: string): Promise<string | null> {
    const previous = await this.profiles.lockLogoKey(communeId);
    if (previous) await this.uploadIntents.record(communeId, previous);
    return previous;
  }

  /** Removes an object no row names, then its intent; what fails is left to the sweeper. */
  private async removeObject(commune: CommuneRecord, key: string): Promise<void> {
    try {
      await this.storage.delete(parseObjectKey(key));
      await this.access.runIn(commune, () => this.uploadIntents.forget(commune.id, key), this.writeScope(commune));
    } catch (error) {
      this.logger.warn(`Could not remove logo object ${key}; left to the upload intent sweeper: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

/** The whole upload, refused with a clear 413 as soon as it passes `maxBytes`. */
async function readSmallUpload(stream: Readable & { truncated?: boolean }, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string);
    size += bytes.length;
    if (size > maxBytes) {
      stream.destroy();
      throw tooLarge(maxBytes);
    }
    chunks.push(bytes);
  }
  if (stream.truncated) throw tooLarge(maxBytes);
  return Buffer.concat(chunks);
}

function tooLarge(maxBytes: number): DomainError {
  return new DomainError(413, 'branding.logo-too-large', `The logo is larger than the limit of ${Math.round(maxBytes / 1024)} KB.`);
}
