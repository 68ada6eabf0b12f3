import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  ElementRef,
  inject,
  Injector,
  input,
  output,
  signal,
} from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import { AuthSession, LOGIN_PATH } from '@communes/web-auth';
import { TranslocoPipe } from '@jsverse/transloco';
import { type SendFailure, sendFailure } from './send-failure';
import { textDrafts } from './text-drafts';

/**
 * A text to send to the commune (a question, a comment, a reply). Login required: signed out,
 * the form still takes the text and sends to the login page, which brings the citizen back. The
 * text is kept as a draft on the device at each keystroke and dropped only once sent; a failed
 * send (offline, 429 with its Retry-After, refused) says why, with the text still there.
 */
@Component({
  selector: 'cp-message-form',
  imports: [TranslocoPipe, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (session.status() === 'anonymous') {
      <p class="cp-notice signin">
        {{ 'civic.form.signInFirst' | transloco }}
        <a [routerLink]="loginPath" [queryParams]="{ retour: router.url }">{{ 'civic.form.signIn' | transloco }}</a>
      </p>
    }
    <form novalidate (submit)="$event.preventDefault(); submit()">
      <label [for]="prefix() + '-text'">{{ label() }}</label>
      <p class="hint" [id]="prefix() + '-hint'">{{ hint() }}</p>
      @if (restored()) {
        <p class="hint">{{ 'civic.form.restored' | transloco }}</p>
      }
      <textarea
        [id]="prefix() + '-text'"
        name="text"
        [rows]="rows()"
        [value]="text()"
        (input)="edit($any($event.target).value)"
        [attr.aria-invalid]="invalid() ? true : null"
        [attr.aria-describedby]="describedBy()"
      ></textarea>
      <p class="count" [id]="prefix() + '-count'" [class.over]="length() > max()">
        @if (length() > max()) {
          {{ 'civic.form.countOver' | transloco: { count: length() - max() } }}
        } @else {
          {{ 'civic.form.count' | transloco: { count: length(), max: max() } }}
        }
      </p>
      @if (invalid()) {
        <p class="field-error" [id]="prefix() + '-error'">
          {{ (length() > max() ? 'civic.form.tooLong' : 'civic.form.tooShort') | transloco: { min: min(), max: max() } }}
        </p>
      }
      @if (failure(); as failure) {
        <div class="cp-notice error" [id]="prefix() + '-failure'" role="alert" tabindex="-1">
          <p>{{ 'civic.failed.' + failure.key | transloco: failure.params }}</p>
          <p>{{ 'civic.form.kept' | transloco }}</p>
        </div>
      }
      <div class="row">
        <button class="cp-button" type="submit" [disabled]="sending()" [attr.aria-busy]="sending()">
          {{ sending() ? ('civic.form.sending' | transloco) : submitLabel() }}
        </button>
        <ng-content />
      </div>
      <p class="visually-hidden" role="status">{{ done() ? ('civic.form.sent' | transloco) : '' }}</p>
    </form>
  `,
  styles: `
    :host {
      display: block;
    }
    form {
      display: grid;
      gap: 0.25rem;
    }
    label {
      font-weight: 600;
    }
    textarea {
      width: 100%;
      min-height: 6rem;
      padding: 0.5rem 0.75rem;
      border: 1px solid var(--cp-color-border-strong);
      border-radius: 0.375rem;
      font: inherit;
    }
    [aria-invalid='true'] {
      border-color: #b3261e;
      outline: 2px solid #b3261e;
    }
    .hint,
    .count {
      margin: 0;
      color: var(--cp-color-muted);
      font-size: 0.875rem;
    }
    .count.over,
    .field-error {
      margin: 0;
      color: #8c1d18;
      font-weight: 600;
    }
    .error {
      border-color: #b3261e;
      color: #8c1d18;
    }
    .error p {
      margin: 0;
    }
    .row {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      margin-top: 0.5rem;
    }
    .signin {
      margin: 0 0 0.5rem;
    }
  `,
})
export class MessageForm {
  protected readonly session = inject(AuthSession);
  protected readonly router = inject(Router);
  private readonly injector = inject(Injector);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef).nativeElement;
  protected readonly loginPath = LOGIN_PATH;

  /** Where the draft is kept (one per question form, comment form, reply). */
  readonly draftKey = input.required<string>();
  /** Prefix of the element ids (unique in the page). */
  readonly prefix = input.required<string>();
  readonly label = input.required<string>();
  readonly hint = input('');
  readonly submitLabel = input.required<string>();
  readonly min = input.required<number>();
  readonly max = input.required<number>();
  readonly rows = input(4);
  /** Sends the text; rejects with the API's error. */
  readonly send = input.required<(text: string) => Promise<unknown>>();
  readonly sent = output<void>();

  protected readonly text = signal('');
  /** A draft found on the device (read after the first render: the server has none). */
  protected readonly restored = signal(false);
  protected readonly checked = signal(false);
  protected readonly sending = signal(false);
  protected readonly done = signal(false);
  protected readonly failure = signal<SendFailure | null>(null);

  protected readonly length = computed(() => this.text().trim().length);
  protected readonly invalid = computed(
    () => (this.checked() && this.length() < this.min()) || this.length() > this.max(),
  );
  protected readonly describedBy = computed(() =>
    [
      `${this.prefix()}-hint`,
      `${this.prefix()}-count`,
      this.invalid() ? `${this.prefix()}-error` : null,
      this.failure() ? `${this.prefix()}-failure` : null,
    ]
      .filter(Boolean)
      .join(' '),
  );

  constructor() {
    afterNextRender(() => {
      const saved = textDrafts.read(this.draftKey());
      if (saved.trim() !== '' && this.text() === '') {
        this.text.set(saved);
        this.restored.set(true);
      }
    });
  }

  protected edit(value: string): void {
    this.restored.set(false);
    this.done.set(false);
    this.text.set(value);
    textDrafts.write(this.draftKey(), value);
  }

  protected async submit(): Promise<void> {
    if (this.sending()) return;
    this.checked.set(true);
    this.failure.set(null);
    if (this.invalid()) {
      this.focus('textarea');
      return;
    }
    await this.session.whenReady();
    if (!this.session.signedIn()) {
      // The draft is saved: it is here again after signing in.
      await this.router.navigate([LOGIN_PATH], { queryParams: { retour: this.router.url } });
      return;
    }
    this.sending.set(true);
    try {
      await this.send()(this.text().trim());
      textDrafts.clear(this.draftKey());
      this.text.set('');
      this.checked.set(false);
      this.done.set(true);
      this.sent.emit();
    } catch (error) {
      this.failure.set(sendFailure(error));
      this.focus(`#${this.prefix()}-failure`);
    } finally {
      this.sending.set(false);
    }
  }

  private focus(selector: string): void {
    afterNextRender(() => this.host.querySelector<HTMLElement>(selector)?.focus(), { injector: this.injector });
  }
}
