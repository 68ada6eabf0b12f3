import { ApiProperty } from '@nestjs/swagger';
import { COMMUNE_STATUSES, MEMBERSHIP_ROLES, ONBOARDING_CHECKLIST_ITEMS } from '@communes/shared-contracts';
import type {
  CommuneDetail,
  CommuneList,
  CommuneStatus,
  CommuneSummary,
  MembershipRole,
  OnboardingChecklistEntry,
  OnboardingChecklistItem,
} from '@communes/shared-contracts';
import type { AuditEventRecord } from '@communes/api-audit';
import { AccessTokenDto } from '@communes/api-auth';
import type { InvitationRecord } from '../invitations.repository';
import type { AcceptedInvitation, CreatedInvitation } from '../invitations.service';
import type { MemberRecord } from '../members.repository';

/**
 * Response shapes, for the OpenAPI document (the web client is generated from it). They describe
 * what the services return (the shared contracts and the records); schema names are global to
 * the document.
 */
export class CommuneSummaryResponse implements CommuneSummary {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'abomey-calavi' })
  slug!: string;

  @ApiProperty({ example: 'Abomey-Calavi' })
  name!: string;

  @ApiProperty({ example: 'Atlantique' })
  department!: string;

  @ApiProperty({ example: 'BJ', description: 'ISO 3166-1 alpha-2' })
  country!: string;

  @ApiProperty({ enum: COMMUNE_STATUSES })
  status!: CommuneStatus;

  @ApiProperty({ description: 'One of the pilot communes' })
  isPilot!: boolean;
}

export class CommuneListResponse implements CommuneList {
  @ApiProperty({ type: [CommuneSummaryResponse], description: 'By department, then name' })
  items!: CommuneSummaryResponse[];

  @ApiProperty({ description: 'Communes matching the filters (all of them are in items)' })
  total!: number;
}

export class OnboardingChecklistEntryResponse implements OnboardingChecklistEntry {
  @ApiProperty({ enum: ONBOARDING_CHECKLIST_ITEMS })
  item!: OnboardingChecklistItem;

  @ApiProperty()
  done!: boolean;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When the item was ticked; null while open' })
  doneAt!: string | null;
}

export class CommuneDetailResponse extends CommuneSummaryResponse implements CommuneDetail {
  @ApiProperty({ type: 'integer', nullable: true })
  population!: number | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  onboardingStartedAt!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  activatedAt!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  suspendedAt!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'Why ANCB suspended the commune, while suspended' })
  suspensionReason!: string | null;

  @ApiProperty({ type: [OnboardingChecklistEntryResponse], description: 'Every checklist item, in onboarding order' })
  checklist!: OnboardingChecklistEntryResponse[];
}

export class MemberResponse implements MemberRecord {
  @ApiProperty({ format: 'uuid' })
  userId!: string;

  @ApiProperty({ type: String, nullable: true })
  email!: string | null;

  @ApiProperty({ type: String, nullable: true })
  phone!: string | null;

  @ApiProperty({ example: 'Awa Dossou' })
  displayName!: string;

  @ApiProperty({ enum: MEMBERSHIP_ROLES })
  role!: MembershipRole;

  @ApiProperty({ type: Date, description: 'When the membership was created' })
  joinedAt!: Date;
}

export class InvitationResponse implements InvitationRecord {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  communeId!: string;

  @ApiProperty({ example: 'awa@example.bj', description: 'Normalized to lower case' })
  email!: string;

  @ApiProperty({ enum: MEMBERSHIP_ROLES })
  role!: MembershipRole;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The user who invited' })
  invitedBy!: string | null;

  @ApiProperty({ type: Date })
  expiresAt!: Date;

  @ApiProperty({ type: Date, nullable: true })
  acceptedAt!: Date | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The user who accepted' })
  acceptedBy!: string | null;

  @ApiProperty({ type: Date, nullable: true, description: 'Revoked by hand, or replaced by a newer invitation to the same address' })
  revokedAt!: Date | null;

  @ApiProperty({ type: Date })
  createdAt!: Date;
}

export class CreatedInvitationResponse implements CreatedInvitation {
  @ApiProperty({ type: InvitationResponse })
  invitation!: InvitationResponse;

  @ApiProperty({ description: 'Shown once to the inviter; only its hash is kept' })
  token!: string;

  @ApiProperty({ format: 'uri', description: 'The link the invitee follows (it carries the token)' })
  acceptUrl!: string;
}

/** The accepted invitation as answered: the refresh token of `tokens` is in the cookie, not here. */
export class AcceptedInvitationResponse implements Omit<AcceptedInvitation, 'tokens'> {
  @ApiProperty({ format: 'uuid' })
  communeId!: string;

  @ApiProperty({ example: 'cotonou' })
  communeSlug!: string;

  @ApiProperty({ enum: MEMBERSHIP_ROLES })
  role!: MembershipRole;

  @ApiProperty({
    type: AccessTokenDto,
    nullable: true,
    description: 'When the invitation created the account, the new member is logged in straight away (the refresh token in its cookie); null for a signed-in caller',
  })
  tokens!: AccessTokenDto | null;
}

export class AuditEventResponse implements AuditEventRecord {
  @ApiProperty({ example: '1042', description: 'Increasing per commune; a bigint as a string (pass it as `before` for the next page)' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  communeId!: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Null for an anonymous caller or a deleted account' })
  actorUserId!: string | null;

  @ApiProperty({ example: 'admin', description: 'platform role, membership role in the commune, citizen or anonymous, at the time' })
  actorRole!: string;

  @ApiProperty({ example: 'invitation.created' })
  action!: string;

  @ApiProperty({ example: 'invitation' })
  targetType!: string;

  @ApiProperty({ type: String, nullable: true })
  targetId!: string | null;

  @ApiProperty({ type: 'object', additionalProperties: true, description: 'Free-form details of the action' })
  details!: Record<string, unknown>;

  @ApiProperty({ type: String, nullable: true, description: 'The request that did it (x-request-id)' })
  requestId!: string | null;

  @ApiProperty({ type: Date })
  occurredAt!: Date;
}
