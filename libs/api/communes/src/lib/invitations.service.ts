import { Injectable } from '@nestjs/common';
import type { MembershipRole } from '@communes/shared-contracts';
import {
  AppConfig,
  ConflictError,
  DomainError,
  hashOpaqueToken,
  hashPassword,
  newOpaqueToken,
  NotFoundError,
  RequestContext,
  ValidationFailedError,
} from '@communes/api-core';
import { TenantTransaction } from '@communes/api-database';
import { AuditService } from '@communes/api-audit';
import { AuthService, TokenPair, UsersRepository } from '@communes/api-auth';
import { CommuneAccess } from './commune-access.service';
import { InvitationRecord, InvitationsRepository } from './invitations.repository';
import { MembersRepository } from './members.repository';

export interface CreatedInvitation {
  invitation: InvitationRecord;
  /** Shown once to the inviter (and, once mail is wired, sent by email); only its hash is kept. */
  token: string;
  acceptUrl: string;
}

export interface AcceptedInvitation {
  communeId: string;
  communeSlug: string;
  role: MembershipRole;
  /** When the invitation created the account, the new member is logged in straight away. */
  tokens: TokenPair | null;
}

@Injectable()
export class InvitationsService {
  constructor(
    private readonly tx: TenantTransaction,
    private readonly access: CommuneAccess,
    private readonly invitations: InvitationsRepository,
    private readonly members: MembersRepository,
    private readonly users: UsersRepository,
    private readonly auth: AuthService,
    private readonly audit: AuditService,
    private readonly requestContext: RequestContext,
    private readonly config: AppConfig,
  ) {}

  async create(slug: string, email: string, role: MembershipRole): Promise<CreatedInvitation> {
    const commune = await this.access.findBySlug(slug);
    this.access.authorize('invite', 'Invitation', { communeId: commune.id });
    if (commune.status === 'not_onboarded' || commune.status === 'suspended') {
      throw new ConflictError('invitation.commune-not-open', `${commune.name} is ${commune.status.replace('_', ' ')}: onboard or reactivate it before inviting members.`);
    }
    const token = newOpaqueToken();
    const normalizedEmail = email.trim().toLowerCase();
    const invitation = await this.access.runIn(commune, async () => {
      await this.invitations.revokePendingFor(commune.id, normalizedEmail);
      const created = await this.invitations.insert(commune.id, {
        email: normalizedEmail,
        role,
        tokenHash: hashOpaqueToken(token),
        invitedBy: this.requestContext.actor.userId,
        expiresAt: new Date(Date.now() + this.config.INVITATION_TTL_DAYS * 86_400_000),
      });
      await this.audit.record({ communeId: commune.id, action: 'invitation.created', targetType: 'invitation', targetId: created.id, details: { email: normalizedEmail, role } });
      return created;
    });
    return { invitation, token, acceptUrl: `${this.config.PUBLIC_URL}/invitations/${token}` };
  }

  async list(slug: string): Promise<InvitationRecord[]> {
    const commune = await this.access.findBySlug(slug);
    this.access.authorize('read', 'Invitation', { communeId: commune.id });
    return this.access.runIn(commune, () => this.invitations.list(commune.id));
  }

  async revoke(slug: string, id: string): Promise<void> {
    const commune = await this.access.findBySlug(slug);
    this.access.authorize('delete', 'Invitation', { communeId: commune.id });
    await this.access.runIn(commune, async () => {
      const revoked = await this.invitations.revoke(commune.id, id);
      if (!revoked) throw new NotFoundError('invitation.not-found', 'No pending invitation has this id.');
      await this.audit.record({ communeId: commune.id, action: 'invitation.revoked', targetType: 'invitation', targetId: id, details: { email: revoked.email } });
    });
  }

  /**
   * The invitee follows the link. A signed-in caller is linked as they are; otherwise an account
   * is created for the invited address (a password and a name are then required). An existing
   * account must log in first, so nobody can take over an account through an invitation.
   */
  async accept(token: string, newAccount: { displayName?: string; password?: string }): Promise<AcceptedInvitation> {
    const tokenHash = hashOpaqueToken(token);
    const actor = this.requestContext.actor;
    const invitation = await this.tx.run({ communeId: null, userId: actor.userId, scope: 'self', invitationTokenHash: tokenHash }, () =>
      this.invitations.findByTokenHash(tokenHash),
    );
    if (!invitation) throw new NotFoundError('invitation.not-found', 'This invitation link is not valid. Ask for a new one.');
    if (invitation.acceptedAt) throw new ConflictError('invitation.already-accepted', 'This invitation has already been used.');
    if (invitation.revokedAt) throw new ConflictError('invitation.revoked', 'This invitation was withdrawn. Ask for a new one.');
    if (invitation.expiresAt.getTime() <= Date.now()) {
      throw new DomainError(410, 'invitation.expired', 'This invitation has expired. Ask the commune for a new one.');
    }

    const passwordHash = !actor.userId && newAccount.password ? await hashPassword(newAccount.password) : null;
    const context = { communeId: invitation.communeId, userId: actor.userId, scope: 'self' as const, invitationTokenHash: tokenHash };
    const result = await this.tx.run(context, async () => {
      let userId = actor.userId;
      let created = false;
      if (!userId) {
        if (await this.users.findByEmail(invitation.email)) {
          throw new ConflictError('invitation.login-required', `An account already exists for ${invitation.email}: log in, then open the invitation again.`);
        }
        if (!passwordHash || !newAccount.displayName) {
          throw new ValidationFailedError([
            ...(newAccount.displayName ? [] : [{ field: 'displayName', messages: ['displayName is required to create your account'] }]),
            ...(passwordHash ? [] : [{ field: 'password', messages: ['password is required to create your account'] }]),
          ]);
        }
        const user = await this.users.create({ email: invitation.email, phone: null, passwordHash, displayName: newAccount.displayName });
        if (!user) throw new ConflictError('invitation.login-required', 'An account already exists for this address: log in first.');
        userId = user.id;
        created = true;
      }
      await this.tx.bindUser(userId);
      if (await this.members.find(invitation.communeId, userId)) {
        throw new ConflictError('invitation.already-member', 'You are already a member of this commune.');
      }
      await this.members.insert(invitation.communeId, userId, invitation.role);
      const accepted = await this.invitations.markAccepted(invitation.communeId, invitation.id, userId);
      if (!accepted) throw new ConflictError('invitation.already-accepted', 'This invitation has already been used.');
      await this.audit.record({ communeId: invitation.communeId, action: 'invitation.accepted', targetType: 'invitation', targetId: invitation.id, details: { userId, role: invitation.role, accountCreated: created } });
      const commune = await this.tx.query<{ slug: string }>('select slug from communes where id = $1', [invitation.communeId]);
      return { userId, created, communeSlug: commune[0].slug };
    });
    return {
      communeId: invitation.communeId,
      communeSlug: result.communeSlug,
      role: invitation.role,
      tokens: result.created ? await this.auth.login(result.userId) : null,
    };
  }
}
