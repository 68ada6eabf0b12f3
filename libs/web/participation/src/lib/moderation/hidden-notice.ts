import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { moderationI18n } from './moderation.i18n';

/**
 * "Masqué par la modération", where a hidden content is opened: to others, without the content;
 * to its author (who still sees it), with the reason the commune gave.
 *
 *   <cp-hidden-notice [mine]="item.isMine" [reason]="item.hiddenReason" />
 */
@Component({
  selector: 'cp-hidden-notice',
  imports: [TranslocoPipe],
  providers: [moderationI18n],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    :host { display: block; margin-block: 0.5rem; }
    .notice { border: 1px solid #8c1d18; border-left-width: 4px; border-radius: 4px; padding: 0.5rem 0.75rem; background: #fbeaea; color: #1a1a1a; }
    p { margin: 0.25rem 0; }
  `,
  template: `
    <div class="notice" role="note">
      <p><strong>{{ 'moderation.hidden.title' | transloco }}</strong></p>
      <p>{{ (mine() ? 'moderation.hidden.mine' : 'moderation.hidden.others') | transloco }}</p>
      @if (reason()) {
        <p>{{ 'moderation.hidden.reason' | transloco: { reason: reason() } }}</p>
      }
    </div>
  `,
})
export class HiddenNotice {
  /** The viewer wrote it. */
  readonly mine = input(false);
  /** Why it was hidden: given to its author and the staff only. */
  readonly reason = input<string | null>(null);
}
