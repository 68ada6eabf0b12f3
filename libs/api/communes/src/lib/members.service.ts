import { Injectable } from '@nestjs/common';
import type { MembershipRole } from '@communes/shared-contracts';
import { ConflictError, NotFoundError } from '@communes/api-core';
import { AuditService } from '@communes/api-audit';
import { CommuneAccess } from './commune-access.service';
import { MemberRecord, MembersRepository } from './members.repository';

@Injectable()
export class MembersService {
  constructor(
    private readonly access: CommuneAccess,
    private readonly members: MembersRepository,
    private readonly audit: AuditService,
  ) {}

  async list(slug: string): Promise<MemberRecord[]> {
    const commune = await this.access.findBySlug(slug);
    this.access.authorize('read', 'Membership', { communeId: commune.id, userId: '' });
    return this.access.runIn(commune, () => this.members.list(commune.id));
  }

  async changeRole(slug: string, userId: string, role: MembershipRole): Promise<MemberRecord> {
    const commune = await this.access.findBySlug(slug);
    this.access.authorize('update', 'Membership', { communeId: commune.id, userId });
    return this.access.runIn(commune, async () => {
      const member = await this.requireMember(commune.id, userId);
      if (member.role === role) return member;
      if (member.role === 'admin') await this.keepOneAdmin(commune.id, userId);
      await this.members.updateRole(commune.id, userId, role);
      await this.audit.record({ communeId: commune.id, action: 'member.role-changed', targetType: 'membership', targetId: userId, details: { from: member.role, to: role } });
      return { ...member, role };
    });
  }

  async remove(slug: string, userId: string): Promise<void> {
    const commune = await this.access.findBySlug(slug);
    this.access.authorize('delete', 'Membership', { communeId: commune.id, userId });
    await this.access.runIn(commune, async () => {
      const member = await this.requireMember(commune.id, userId);
      if (member.role === 'admin') await this.keepOneAdmin(commune.id, userId);
      await this.members.delete(commune.id, userId);
      await this.audit.record({ communeId: commune.id, action: 'member.removed', targetType: 'membership', targetId: userId, details: { role: member.role } });
    });
  }

  private async requireMember(communeId: string, userId: string): Promise<MemberRecord> {
    const member = await this.members.find(communeId, userId);
    if (!member) throw new NotFoundError('member.not-found', 'This person is not a member of the commune.');
    return member;
  }

  private async keepOneAdmin(communeId: string, leavingAdminId: string): Promise<void> {
    const admins = await this.members.lockAdmins(communeId);
    if (admins.filter((id) => id !== leavingAdminId).length === 0) {
      throw new ConflictError('member.last-admin', 'A commune keeps at least one admin: name another admin first.');
    }
  }
}
