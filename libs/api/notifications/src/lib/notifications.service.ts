import { Injectable } from '@nestjs/common';
import { DomainError, RequestContext, UnauthenticatedError } from '@communes/api-core';
import { TenantTransaction } from '@communes/api-database';
import { CommuneAccess } from '@communes/api-communes';
import { FailedDeliveryRecord, FollowRecord, FollowsRepository, NotificationPreferencesRecord } from './follows.repository';
import { UnsubscribeTarget, UnsubscribeTokens } from './unsubscribe-token';

export interface UnsubscribeView {
  /** `commune`: that commune's emails stop; `all`: every email stops. */
  scope: 'commune' | 'all';
  communeSlug: string | null;
  communeName: string | null;
  language: 'fr' | 'en';
}

export class InvalidUnsubscribeLinkError extends DomainError {
  constructor() {
    super(403, 'unsubscribe.invalid-link', 'This unsubscribe link is not valid (it was changed or cut). Use the link of the email as it is, or sign in to manage your follows.');
  }
}

@Injectable()
export class NotificationsService {
  constructor(
    private readonly access: CommuneAccess,
    private readonly tx: TenantTransaction,
    private readonly follows: FollowsRepository,
    private readonly requestContext: RequestContext,
    private readonly tokens: UnsubscribeTokens,
  ) {}

  /** Following is explicit consent: it also turns emails back on if the account had stopped them all. */
  async follow(slug: string): Promise<FollowRecord> {
    const userId = this.userId();
    const commune = await this.access.findBySlug(slug);
    this.access.authorize('create', 'Follow', { communeId: commune.id, userId });
    return this.tx.run({ communeId: commune.id, userId, scope: 'self' }, async () => {
      await this.follows.follow(commune.id, userId);
      await this.follows.savePreferences(userId, { emailsEnabled: true });
      const follow = (await this.follows.list(userId)).find((f) => f.communeSlug === commune.slug);
      if (!follow) throw new Error('The follow just written is not visible to its account.');
      return follow;
    });
  }

  async unfollow(slug: string): Promise<void> {
    const userId = this.userId();
    const commune = await this.access.findBySlug(slug);
    this.access.authorize('delete', 'Follow', { communeId: commune.id, userId });
    await this.tx.run({ communeId: commune.id, userId, scope: 'self' }, () => this.follows.unfollow(commune.id, userId));
  }

  myFollows(): Promise<FollowRecord[]> {
    const userId = this.userId();
    return this.tx.run({ communeId: null, userId, scope: 'self' }, () => this.follows.list(userId));
  }

  myPreferences(): Promise<NotificationPreferencesRecord> {
    const userId = this.userId();
    return this.tx.run({ communeId: null, userId, scope: 'self' }, () => this.follows.preferences(userId));
  }

  updateMyPreferences(change: Partial<NotificationPreferencesRecord>): Promise<NotificationPreferencesRecord> {
    const userId = this.userId();
    return this.tx.run({ communeId: null, userId, scope: 'self' }, () => this.follows.savePreferences(userId, change));
  }

  /** What a link would stop, without changing anything (link checkers fetch links with GET). */
  async describeUnsubscribe(token: string): Promise<UnsubscribeView> {
    const target = this.verify(token);
    return this.tx.run({ communeId: target.communeId, userId: target.userId, scope: 'self' }, () => this.viewOf(target));
  }

  /** No login: the signed link is the proof. Idempotent: a second click changes nothing. */
  async unsubscribe(token: string): Promise<UnsubscribeView> {
    const target = this.verify(token);
    return this.tx.run({ communeId: target.communeId, userId: target.userId, scope: 'self' }, async () => {
      if (target.communeId) {
        await this.follows.unfollow(target.communeId, target.userId);
      } else {
        await this.follows.unfollowAll(target.userId);
        await this.follows.savePreferences(target.userId, { emailsEnabled: false });
      }
      return this.viewOf(target);
    });
  }

  /** The other link of the same email: stop everything. */
  unsubscribeAllToken(token: string): string {
    const target = this.verify(token);
    return this.tokens.sign({ userId: target.userId, communeId: null });
  }

  failedDeliveries(limit: number): Promise<FailedDeliveryRecord[]> {
    this.access.authorize('read', 'NotificationDelivery', { scope: 'platform' });
    return this.tx.run({ communeId: null, userId: this.requestContext.actor.userId, scope: 'mailer' }, async () =>
      (await this.follows.failedDeliveries(limit)).map((row) => ({ ...row, recipientEmail: maskEmail(row.recipientEmail) })),
    );
  }

  private verify(token: string): UnsubscribeTarget {
    const target = this.tokens.verify(token);
    if (!target) throw new InvalidUnsubscribeLinkError();
    return target;
  }

  private async viewOf(target: UnsubscribeTarget): Promise<UnsubscribeView> {
    const { language } = await this.follows.preferences(target.userId);
    if (!target.communeId) return { scope: 'all', communeSlug: null, communeName: null, language };
    const [commune] = await this.tx.query<{ slug: string; name: string }>(`select slug, name from communes where id = $1`, [target.communeId]);
    if (!commune) throw new InvalidUnsubscribeLinkError();
    return { scope: 'commune', communeSlug: commune.slug, communeName: commune.name, language };
  }

  private userId(): string {
    const userId = this.requestContext.actor.userId;
    if (!userId) throw new UnauthenticatedError();
    return userId;
  }
}

/** ANCB needs the domain to fix a delivery problem, not the person: `ci***@demo.communes.bj`. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at < 0) return '***';
  return `${email.slice(0, Math.min(2, at))}***${email.slice(at)}`;
}
