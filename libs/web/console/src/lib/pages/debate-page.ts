import { ChangeDetectionStrategy, Component, computed, inject, resource, signal } from '@angular/core';
import { NgTemplateOutlet } from '@angular/common';
import { ActivatedRoute, RouterLink } from '@angular/router';
import type { DebateCommentResponse } from '@communes/web-api-client';
import { ApiError } from '@communes/web-data-access';
import { DatePipe as CpDatePipe } from '@communes/web-ui';
import { formValues } from '@communes/web-auth';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { fieldErrorsOf, SessionsApi } from '../sessions-api';
import { injectCommuneSlug } from './slug';
import { injectStaffRights } from './staff-role';

export interface CommentThread {
  comment: DebateCommentResponse;
  replies: DebateCommentResponse[];
}

/**
 * Top-level comments in order, each with its replies (a reply to a reply joins its thread's
 * root, so the page stays two levels deep on a phone). A reply whose parent is missing shows
 * as a top-level comment rather than disappearing.
 */
export function threadsOf(comments: readonly DebateCommentResponse[]): CommentThread[] {
  const byId = new Map(comments.map((c) => [c.id, c]));
  const rootOf = (comment: DebateCommentResponse): DebateCommentResponse => {
    let current = comment;
    const seen = new Set<string>();
    while (current.parentId && byId.has(current.parentId) && !seen.has(current.id)) {
      seen.add(current.id);
      current = byId.get(current.parentId) as DebateCommentResponse;
    }
    return current;
  };
  const threads = new Map<string, CommentThread>();
  for (const comment of comments) {
    const root = rootOf(comment);
    if (root.id === comment.id) threads.set(comment.id, { comment, replies: threads.get(comment.id)?.replies ?? [] });
    else {
      const thread = threads.get(root.id) ?? { comment: root, replies: [] };
      thread.replies.push(comment);
      threads.set(root.id, thread);
    }
  }
  return [...threads.values()];
}

/**
 * `/console/:slug/debats/:id`: a debate's thread for the staff: post the commune's official
 * answer (or reply to a comment), hide a comment with the reason its author will see, restore one.
 */
@Component({
  selector: 'cp-debate-page',
  imports: [TranslocoPipe, CpDatePipe, RouterLink, NgTemplateOutlet],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrls: ['./console.css', './sessions.css'],
  template: `
    <p><a routerLink="..">{{ 'console.debates.back' | transloco }}</a></p>
    @if (status()) {
      <p class="cp-notice" role="status">{{ status() }}</p>
    }
    @if (error()) {
      <p class="cp-notice error" role="alert">{{ error() }}</p>
    }
    @if (topic.value(); as t) {
      <h1>{{ t.title }}</h1>
      <p class="meta"><span class="status" [class]="t.state">{{ 'console.debates.state.' + t.state | transloco }}</span> {{ 'console.debates.commentCount' | transloco: { count: t.commentCount } }}</p>
      <p class="body">{{ t.body }}</p>
      <div class="row">
        @if (rights().manage && t.state === 'draft') {
          <button class="cp-button" type="button" [disabled]="busy()" (click)="setState('open')">{{ 'console.debates.open' | transloco }}</button>
        }
        @if (rights().manage && t.state === 'open') {
          <button class="cp-button cp-button--secondary" type="button" [disabled]="busy()" (click)="setState('closed')">{{ 'console.debates.close' | transloco }}</button>
        }
      </div>

      @if (rights().manage && t.state === 'open') {
        <section aria-labelledby="answer-title">
          <h2 id="answer-title">{{ (replyTo() ? 'console.debates.replyTo' : 'console.debates.officialAnswer') | transloco: { name: replyTo()?.authorName ?? '' } }}</h2>
          <form #answerForm (submit)="$event.preventDefault(); post(answerForm)">
            <div class="cp-field">
              <label for="official-answer">{{ 'console.debates.answerLabel' | transloco }}</label>
              <textarea id="official-answer" name="body" rows="4" required minlength="2" maxlength="2000" aria-describedby="official-answer-hint"></textarea>
              <p class="hint" id="official-answer-hint">{{ 'console.debates.answerHint' | transloco }}</p>
            </div>
            <div class="row">
              <button class="cp-button" type="submit" [disabled]="busy()">{{ 'console.debates.post' | transloco }}</button>
              @if (replyTo()) {
                <button class="cp-button cp-button--secondary" type="button" (click)="replyTo.set(null)">{{ 'console.debates.notReply' | transloco }}</button>
              }
            </div>
          </form>
        </section>
      }

      <section aria-labelledby="comments-title">
        <h2 id="comments-title">{{ 'console.debates.comments' | transloco }}</h2>
        @if (threads().length === 0 && comments.hasValue()) {
          <p>{{ 'console.debates.noComments' | transloco }}</p>
        }
        <ul class="comments">
          @for (thread of threads(); track thread.comment.id) {
            <li>
              <article class="cp-card" [class.hidden-item]="thread.comment.hidden" [class.official]="thread.comment.isOfficial">
                <ng-template [ngTemplateOutlet]="commentBody" [ngTemplateOutletContext]="{ $implicit: thread.comment, open: t.state === 'open' }" />
              </article>
              @if (thread.replies.length) {
                <ul class="comments reply">
                  @for (reply of thread.replies; track reply.id) {
                    <li>
                      <article class="cp-card" [class.hidden-item]="reply.hidden" [class.official]="reply.isOfficial">
                        <ng-template [ngTemplateOutlet]="commentBody" [ngTemplateOutletContext]="{ $implicit: reply, open: t.state === 'open' }" />
                      </article>
                    </li>
                  }
                </ul>
              }
            </li>
          }
        </ul>
      </section>
    } @else if (topic.isLoading()) {
      <p>{{ 'common.loading' | transloco }}</p>
    }

    <ng-template #commentBody let-c let-open="open">
      <p class="meta">
        <strong>{{ c.authorName ?? ('console.debates.anonymous' | transloco) }}</strong>
        @if (c.isOfficial) { <span class="status">{{ 'console.debates.official' | transloco }}</span> }
        — {{ c.createdAt | cpDate: 'datetime' }}
      </p>
      <p>{{ c.body }}</p>
      @if (c.hidden) {
        <p><span class="status">{{ 'console.debates.hidden' | transloco }}</span> {{ c.hiddenReason }}</p>
      }
      <p class="meta">{{ 'console.debates.reactions' | transloco: { agree: c.agreeCount, disagree: c.disagreeCount } }}</p>
      <div class="row">
        @if (rights().manage && open && !c.hidden) {
          <button class="cp-button cp-button--secondary" type="button" (click)="reply(c)">{{ 'console.debates.reply' | transloco }}<span class="visually-hidden"> — {{ c.authorName }}</span></button>
        }
        @if (rights().moderateComments) {
          <button class="cp-button cp-button--secondary" type="button" [attr.aria-expanded]="moderating() === c.id" (click)="moderating.set(moderating() === c.id ? null : c.id)">
            {{ (c.hidden ? 'console.debates.restore' : 'console.debates.hide') | transloco }}<span class="visually-hidden"> — {{ c.authorName }}</span>
          </button>
        }
      </div>
      @if (moderating() === c.id) {
        <form #moderationForm (submit)="$event.preventDefault(); moderate(c, moderationForm)">
          <div class="cp-field">
            <label [for]="'reason-' + c.id">{{ (c.hidden ? 'console.debates.restoreReason' : 'console.debates.hideReason') | transloco }}</label>
            <input [id]="'reason-' + c.id" name="reason" required minlength="3" maxlength="500" />
          </div>
          <button class="cp-button" type="submit" [disabled]="busy()">{{ (c.hidden ? 'console.debates.confirmRestore' : 'console.debates.confirmHide') | transloco }}</button>
        </form>
      }
    </ng-template>
  `,
  styles: `.body { white-space: pre-line; }`,
})
export class DebatePage {
  private readonly api = inject(SessionsApi);
  private readonly transloco = inject(TranslocoService);
  protected readonly slug = injectCommuneSlug();
  protected readonly rights = injectStaffRights(this.slug);
  private readonly id = inject(ActivatedRoute).snapshot.paramMap.get('id') ?? '';
  protected readonly busy = signal(false);
  protected readonly status = signal('');
  protected readonly error = signal('');
  protected readonly moderating = signal<string | null>(null);
  protected readonly replyTo = signal<DebateCommentResponse | null>(null);
  protected readonly topic = resource({ loader: () => this.api.debate(this.slug, this.id) });
  protected readonly comments = resource({ loader: () => this.api.comments(this.slug, this.id) });
  protected readonly threads = computed(() => threadsOf(this.comments.value() ?? []));

  protected reply(comment: DebateCommentResponse): void {
    this.replyTo.set(comment);
    setTimeout(() => document.getElementById('official-answer')?.focus());
  }

  protected setState(state: 'open' | 'closed'): Promise<void> {
    if (state === 'closed' && !confirm(this.transloco.translate('console.debates.confirmClose', { title: this.topic.value()?.title ?? '' }))) return Promise.resolve();
    return this.run(async () => {
      this.topic.set(state === 'open' ? await this.api.openDebate(this.slug, this.id) : await this.api.closeDebate(this.slug, this.id));
      this.status.set(this.transloco.translate(state === 'open' ? 'console.debates.opened' : 'console.debates.closed', { title: this.topic.value()?.title ?? '' }));
    });
  }

  protected post(form: HTMLFormElement): Promise<void> {
    const text = formValues(form)['body'] ?? '';
    return this.run(async () => {
      await this.api.comment(this.slug, this.id, text, this.replyTo()?.id);
      form.reset();
      this.replyTo.set(null);
      this.status.set(this.transloco.translate('console.debates.posted'));
      this.comments.reload();
      this.topic.reload();
    });
  }

  protected moderate(comment: DebateCommentResponse, form: HTMLFormElement): Promise<void> {
    const reason = formValues(form)['reason'] ?? '';
    return this.run(async () => {
      if (comment.hidden) await this.api.restoreComment(this.slug, this.id, comment.id, reason);
      else await this.api.hideComment(this.slug, this.id, comment.id, reason);
      this.moderating.set(null);
      this.status.set(this.transloco.translate(comment.hidden ? 'console.debates.restored' : 'console.debates.wasHidden'));
      this.comments.reload();
      this.topic.reload();
    });
  }

  private async run(task: () => Promise<void>): Promise<void> {
    this.busy.set(true);
    this.error.set('');
    this.status.set('');
    try {
      await task();
    } catch (error) {
      const fields = fieldErrorsOf(error);
      const detail = error instanceof ApiError ? (error.detail ?? this.transloco.translate('errors.server')) : this.transloco.translate('errors.unexpected');
      this.error.set(this.transloco.translate('console.error', { detail: Object.values(fields).join(' ') || detail }));
    } finally {
      this.busy.set(false);
    }
  }
}
