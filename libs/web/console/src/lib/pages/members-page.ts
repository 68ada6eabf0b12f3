import { ChangeDetectionStrategy, Component, inject, resource, signal } from '@angular/core';
import { MEMBERSHIP_ROLES, type MembershipRole } from '@communes/shared-contracts';
import { ApiError } from '@communes/web-data-access';
import { DatePipe as CpDatePipe } from '@communes/web-ui';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { ConsoleApi } from '../console-api';
import { formValues } from '@communes/web-auth';
import { injectCommuneSlug } from './slug';

/** Members and invitations (commune admins only). */
@Component({
  selector: 'cp-members-page',
  imports: [TranslocoPipe, CpDatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './console.css',
  template: `
    <h1>{{ 'console.members.title' | transloco }}</h1>
    @if (error()) {
      <p class="cp-notice error" role="alert">{{ error() }}</p>
    }
    <section aria-labelledby="invite-title">
      <h2 id="invite-title">{{ 'console.members.invite' | transloco }}</h2>
      <form class="row" #form (submit)="$event.preventDefault(); invite(form)">
        <div class="cp-field">
          <label for="invite-email">{{ 'console.members.email' | transloco }}</label>
          <input id="invite-email" name="email" type="email" required />
        </div>
        <div class="cp-field">
          <label for="invite-role">{{ 'console.members.role' | transloco }}</label>
          <select id="invite-role" name="role">
            @for (r of roles; track r) {
              <!-- An attribute, not the property: form.reset() after an invitation goes back to it (not to admin, the first option). -->
              <option [value]="r" [attr.selected]="r === 'editor' ? '' : null">{{ 'console.members.roles.' + r | transloco }}</option>
            }
          </select>
        </div>
        <button class="cp-button" type="submit" [disabled]="busy()">{{ 'console.members.send' | transloco }}</button>
      </form>
      @if (link()) {
        <p class="cp-notice" role="status">{{ 'console.members.link' | transloco }} <code class="invite-link">{{ link() }}</code></p>
      }
    </section>
    <section aria-labelledby="members-title">
      <h2 id="members-title">{{ 'console.members.members' | transloco }}</h2>
      <div class="table-wrap" tabindex="0" role="region" [attr.aria-label]="tableLabel | transloco">
        <table>
          <thead>
            <tr>
              <th scope="col">{{ 'console.members.name' | transloco }}</th>
              <th scope="col">{{ 'console.members.contact' | transloco }}</th>
              <th scope="col">{{ 'console.members.role' | transloco }}</th>
              <th scope="col">{{ 'console.members.actions' | transloco }}</th>
            </tr>
          </thead>
          <tbody>
            @for (m of members.value() ?? []; track m.userId) {
              <tr>
                <td>{{ m.displayName }}</td>
                <td>{{ m.email ?? m.phone }}</td>
                <td>
                  <label class="visually-hidden" [for]="'role-' + m.userId">{{ 'console.members.roleOf' | transloco: { name: m.displayName } }}</label>
                  <select [id]="'role-' + m.userId" [disabled]="busy()" (change)="changeRole(m.userId, $any($event.target).value)">
                    @for (r of roles; track r) {
                      <option [value]="r" [selected]="r === m.role">{{ 'console.members.roles.' + r | transloco }}</option>
                    }
                  </select>
                </td>
                <td>
                  <button class="cp-button cp-button--secondary" type="button" [disabled]="busy()" (click)="remove(m.userId)">
                    {{ 'console.members.remove' | transloco }}<span class="visually-hidden"> {{ m.displayName }}</span>
                  </button>
                </td>
              </tr>
            }
          </tbody>
        </table>
      </div>
    </section>
    <section aria-labelledby="invitations-title">
      <h2 id="invitations-title">{{ 'console.members.invitations' | transloco }}</h2>
      @for (i of pending(); track i.id) {
        <div class="cp-card row">
          <span>{{ i.email }} · {{ 'console.members.roles.' + i.role | transloco }} · {{ 'console.members.expires' | transloco }} {{ i.expiresAt | cpDate }}</span>
          <button class="cp-button cp-button--secondary" type="button" (click)="revoke(i.id)">{{ 'console.members.revoke' | transloco }}</button>
        </div>
      } @empty {
        <p>{{ 'console.members.none' | transloco }}</p>
      }
    </section>
  `,
})
export class MembersPage {
  /** Names the table's scrolling region (keyboard users scroll it on a phone). */
  protected readonly tableLabel = 'console.members.members';
  private readonly api = inject(ConsoleApi);
  private readonly transloco = inject(TranslocoService);
  private readonly slug = injectCommuneSlug();
  protected readonly roles = MEMBERSHIP_ROLES;
  protected readonly busy = signal(false);
  protected readonly error = signal('');
  protected readonly link = signal('');
  protected readonly members = resource({ loader: () => this.api.members(this.slug) });
  protected readonly invitations = resource({ loader: () => this.api.invitations(this.slug) });

  protected pending() {
    return (this.invitations.value() ?? []).filter((i) => !i.acceptedAt && !i.revokedAt);
  }

  protected invite(form: HTMLFormElement): Promise<void> {
    const values = formValues(form);
    return this.run(async () => {
      const created = await this.api.invite(this.slug, values['email'], values['role'] as MembershipRole);
      this.link.set(created.acceptUrl);
      form.reset();
    });
  }

  protected changeRole(userId: string, role: MembershipRole): Promise<void> {
    return this.run(() => this.api.changeRole(this.slug, userId, role));
  }

  protected remove(userId: string): Promise<void> {
    return this.run(() => this.api.removeMember(this.slug, userId));
  }

  protected revoke(id: string): Promise<void> {
    return this.run(() => this.api.revokeInvitation(this.slug, id));
  }

  private async run(task: () => Promise<unknown>): Promise<void> {
    this.busy.set(true);
    this.error.set('');
    try {
      await task();
      this.invitations.reload();
      this.members.reload();
    } catch (error) {
      const detail = error instanceof ApiError ? (error.detail ?? this.transloco.translate('errors.server')) : this.transloco.translate('errors.unexpected');
      this.error.set(this.transloco.translate('console.error', { detail }));
    } finally {
      this.busy.set(false);
    }
  }
}
