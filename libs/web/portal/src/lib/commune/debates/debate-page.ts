import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  linkedSignal,
  resource,
  signal,
} from '@angular/core';
import { NgTemplateOutlet } from '@angular/common';
import { Router, RouterLink } from '@angular/router';
import { AuthSession, LOGIN_PATH } from '@communes/web-auth';
import { ReportButton } from '@communes/web-participation';
import { DatePipe, LoadFailure } from '@communes/web-ui';
import { TranslocoPipe } from '@jsverse/transloco';
import { routeParam } from '../../shared/route-param';
import { CivicApi, type DebateComment, type Reaction } from '../civic/civic-api';
import { MessageForm } from '../civic/message-form';
import { CommuneContext } from '../commune-context';

/** Comment length accepted by the API (DebateCommentDto). */
export const COMMENT_MIN = 2;
export const COMMENT_MAX = 2000;

interface ThreadNode {
  comment: DebateComment;
  replies: ThreadNode[];
}

/**
 * One debate: its topic, the comments in threads (replies under what they answer), reactions,
 * the commune's official answers marked as such, hidden comments left in place as hidden, and
 * the form to comment or reply (login required; text kept until sent).
 */
@Component({
  selector: 'cp-debate-page',
  imports: [NgTemplateOutlet, RouterLink, TranslocoPipe, DatePipe, LoadFailure, MessageForm, ReportButton],
  templateUrl: './debate-page.html',
  styleUrls: ['../commune-section.css', './debates.css'],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DebatePage {
  private readonly api = inject(CivicApi);
  protected readonly auth = inject(AuthSession);
  protected readonly router = inject(Router);
  protected readonly slug = inject(CommuneContext).slug;
  private readonly id = routeParam('id');
  protected readonly commentMin = COMMENT_MIN;
  protected readonly commentMax = COMMENT_MAX;
  protected readonly loginPath = LOGIN_PATH;

  protected readonly topic = resource({
    params: () => ({ slug: this.slug(), id: this.id() }),
    loader: ({ params }) => this.api.debate(params.slug, params.id),
  });
  private readonly loaded = resource({
    params: () => ({ slug: this.slug(), id: this.id() }),
    loader: ({ params }) => this.api.comments(params.slug, params.id),
  });
  /** The comments as loaded, then with what the citizen adds or changes here. */
  protected readonly comments = linkedSignal<DebateComment[]>(() => (this.loaded.hasValue() ? this.loaded.value() : []));
  protected readonly commentsError = computed(() => this.loaded.error());

  protected readonly thread = computed(() => buildThread(this.comments()));
  protected readonly visibleCount = computed(() => this.comments().filter((c) => !c.hidden).length);

  protected readonly replyingTo = signal<string | null>(null);
  /** The comment whose reaction needs a login, or failed. */
  protected readonly reactionNotice = signal<{ id: string; key: 'reactSignIn' | 'reactFailed' } | null>(null);
  protected readonly reacting = signal<string | null>(null);

  protected readonly post = (text: string): Promise<unknown> => this.send(text, null);
  protected readonly reply = (text: string): Promise<unknown> => this.send(text, this.replyingTo());

  protected async react(comment: DebateComment, kind: Reaction): Promise<void> {
    this.reactionNotice.set(null);
    await this.auth.whenReady();
    if (!this.auth.signedIn()) {
      this.reactionNotice.set({ id: comment.id, key: 'reactSignIn' });
      return;
    }
    if (this.reacting()) return;
    this.reacting.set(comment.id);
    try {
      const updated = await this.api.react(this.slug(), this.id(), comment.id, comment.myReaction === kind ? null : kind);
      this.replace(updated);
    } catch {
      this.reactionNotice.set({ id: comment.id, key: 'reactFailed' });
    } finally {
      this.reacting.set(null);
    }
  }

  protected reloadComments(): void {
    this.loaded.reload();
  }

  protected toggleReply(id: string): void {
    this.replyingTo.update((current) => (current === id ? null : id));
  }

  private async send(text: string, parentId: string | null): Promise<void> {
    const created = await this.api.comment(this.slug(), this.id(), text, parentId);
    this.comments.update((all) => [...all, created]);
    if (parentId) this.replyingTo.set(null);
  }

  private replace(updated: DebateComment): void {
    this.comments.update((all) => all.map((c) => (c.id === updated.id ? updated : c)));
  }
}

/** Comments (oldest first) as threads: each reply under the comment it answers. */
export function buildThread(comments: DebateComment[]): ThreadNode[] {
  const nodes = new Map(comments.map((comment) => [comment.id, { comment, replies: [] as ThreadNode[] }]));
  const roots: ThreadNode[] = [];
  for (const comment of comments) {
    const node = nodes.get(comment.id) as ThreadNode;
    const parent = comment.parentId ? nodes.get(comment.parentId) : undefined;
    (parent ? parent.replies : roots).push(node);
  }
  return roots;
}
