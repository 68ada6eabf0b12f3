import { afterNextRender, ChangeDetectionStrategy, Component, ElementRef, inject, Injector, input, output, signal, viewChild } from '@angular/core';
import { REPORT_DETAILS_MAX, REPORT_REASONS, type ModeratedContentKind, type ReportReason } from '@communes/shared-contracts';
import type { ReportReceiptResponse } from '@communes/web-api-client';
import { ApiError } from '@communes/web-data-access';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { ModerationApi } from './moderation-api';
import { moderationI18n } from './moderation.i18n';

let nextId = 0;

/**
 * "Signaler": reports a citizen content (feedback, debate comment, session question) as
 * inappropriate, signed in or not. Opens a modal dialog (native `<dialog>`: focus kept inside,
 * Escape closes, focus back on the button) with the reasons and optional details, then thanks.
 * Brings its own texts (scope `moderation`), so it can sit on any page:
 *
 *   <cp-report-button [slug]="slug" kind="debate_comment" [contentId]="comment.id" [label]="'le commentaire de ' + name" />
 */
@Component({
  selector: 'cp-report-button',
  imports: [TranslocoPipe],
  providers: [moderationI18n],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    :host { display: inline-block; }
    .report { min-height: 44px; }
    dialog { max-width: min(34rem, calc(100vw - 2rem)); border: 1px solid #767676; border-radius: 8px; padding: 1rem 1.25rem; color: #1a1a1a; background: #fff; }
    dialog::backdrop { background: rgb(0 0 0 / 45%); }
    h2 { font-size: 1.2rem; margin: 0 0 0.5rem; }
    form { display: grid; gap: 0.75rem; }
    fieldset { border: 1px solid #767676; border-radius: 6px; padding: 0.5rem 0.75rem; margin: 0; }
    legend { font-weight: 600; padding-inline: 0.25rem; }
    .choice { display: flex; gap: 0.5rem; align-items: center; min-height: 44px; }
    .choice input { width: 1.25rem; height: 1.25rem; flex: none; margin: 0; }
    textarea { width: 100%; min-height: 5rem; font: inherit; box-sizing: border-box; }
    .hint, .count { margin: 0; color: #4a4a4a; font-size: 0.95rem; }
    .field-error { margin: 0; color: #8c1d18; font-weight: 600; }
    .row { display: flex; flex-wrap: wrap; gap: 0.5rem; }
  `,
  template: `
    <button
      #trigger
      type="button"
      class="cp-button cp-button--secondary report"
      aria-haspopup="dialog"
      [attr.aria-label]="label() ? ((done() ? 'moderation.report.doneLabel' : 'moderation.report.buttonLabel') | transloco: { what: label() }) : null"
      (click)="open()"
    >
      {{ (done() ? 'moderation.report.done' : 'moderation.report.button') | transloco }}
    </button>
    <dialog #dialog [attr.aria-labelledby]="ids.title" (close)="closed()">
      <!-- Its content is made on first opening: a list of 20 items stays light (and so does the server's HTML). -->
      @if (opened()) {
        <h2 [id]="ids.title">{{ 'moderation.report.title' | transloco }}</h2>
        @if (done()) {
          <p role="status">{{ (alreadyReported() ? 'moderation.report.alreadyReported' : 'moderation.report.thanks') | transloco }}</p>
          <div class="row">
            <button type="button" class="cp-button" (click)="close()">{{ 'moderation.report.close' | transloco }}</button>
          </div>
        } @else {
          <form novalidate (submit)="$event.preventDefault(); send()">
            <p class="hint">{{ 'moderation.report.intro' | transloco }}</p>
            <fieldset [attr.aria-describedby]="missingReason() ? ids.reasonError : null">
              <legend>{{ 'moderation.report.reasonLegend' | transloco }}</legend>
              @for (r of reasons; track r) {
                <label class="choice">
                  <input type="radio" [name]="ids.reasonName" [value]="r" [checked]="reason() === r" (change)="choose(r)" />
                  <span>{{ 'moderation.reason.' + r | transloco }}</span>
                </label>
              }
            </fieldset>
            @if (missingReason()) {
              <p class="field-error" [id]="ids.reasonError">{{ 'moderation.report.reasonRequired' | transloco }}</p>
            }
            <div>
              <label [for]="ids.details">{{ 'moderation.report.details' | transloco }}</label>
              <textarea #detailsField [id]="ids.details" [attr.maxlength]="max" [attr.aria-describedby]="ids.count" (input)="details.set(detailsField.value)"></textarea>
              <p class="count" [id]="ids.count">{{ 'moderation.report.count' | transloco: { count: details().length, max } }}</p>
            </div>
            @if (error()) {
              <p class="field-error" role="alert">{{ error() }}</p>
            }
            <div class="row">
              <button type="submit" class="cp-button" [disabled]="sending()">{{ (sending() ? 'moderation.report.sending' : 'moderation.report.send') | transloco }}</button>
              <button type="button" class="cp-button cp-button--secondary" (click)="close()">{{ 'moderation.report.cancel' | transloco }}</button>
            </div>
          </form>
        }
      }
    </dialog>
  `,
})
export class ReportButton {
  private readonly api = inject(ModerationApi);
  private readonly injector = inject(Injector);
  private readonly transloco = inject(TranslocoService);

  /** The commune of the content. */
  readonly slug = input.required<string>();
  readonly kind = input.required<ModeratedContentKind>();
  readonly contentId = input.required<string>();
  /** What is reported, for screen readers ("Signaler {label}"), e.g. "la doléance COT-2026-000123". */
  readonly label = input('');
  /** Emitted once the report is recorded (or was already). */
  readonly reported = output<ReportReceiptResponse>();

  protected readonly reasons = REPORT_REASONS;
  protected readonly max = REPORT_DETAILS_MAX;
  protected readonly ids = ((n) => ({ title: `report-title-${n}`, reasonName: `report-reason-${n}`, reasonError: `report-reason-error-${n}`, details: `report-details-${n}`, count: `report-count-${n}` }))(++nextId);

  protected readonly reason = signal<ReportReason | null>(null);
  protected readonly details = signal('');
  protected readonly missingReason = signal(false);
  protected readonly sending = signal(false);
  protected readonly error = signal('');
  protected readonly done = signal(false);
  protected readonly opened = signal(false);
  protected readonly alreadyReported = signal(false);

  private readonly dialog = viewChild.required<ElementRef<HTMLDialogElement>>('dialog');
  private readonly trigger = viewChild.required<ElementRef<HTMLButtonElement>>('trigger');

  protected open(): void {
    const dialog = this.dialog().nativeElement;
    if (dialog.open) return;
    this.error.set('');
    this.missingReason.set(false);
    this.opened.set(true);
    // Once its content is there, so that the first reason gets the focus.
    afterNextRender(
      {
        write: () => {
          if (dialog.open) return;
          // jsdom and very old browsers have no showModal: open it in place then.
          if (typeof dialog.showModal === 'function') dialog.showModal();
          else dialog.setAttribute('open', '');
        },
      },
      { injector: this.injector },
    );
  }

  protected close(): void {
    const dialog = this.dialog().nativeElement;
    if (typeof dialog.close === 'function') dialog.close();
    else {
      dialog.removeAttribute('open');
      this.closed();
    }
  }

  /** After any close (button, Escape): focus back on the button that opened it. */
  protected closed(): void {
    this.trigger().nativeElement.focus();
  }

  protected choose(reason: ReportReason): void {
    this.reason.set(reason);
    this.missingReason.set(false);
  }

  protected async send(): Promise<void> {
    const reason = this.reason();
    if (!reason) {
      this.missingReason.set(true);
      return;
    }
    this.sending.set(true);
    this.error.set('');
    try {
      const details = this.details().trim();
      const receipt = await this.api.report(this.slug(), { contentKind: this.kind(), contentId: this.contentId(), reason, ...(details ? { details } : {}) });
      this.alreadyReported.set(receipt.alreadyReported);
      this.done.set(true);
      this.reported.emit(receipt);
    } catch (error) {
      this.error.set(this.transloco.translate(`moderation.report.errors.${errorCase(error)}`));
    } finally {
      this.sending.set(false);
    }
  }
}

function errorCase(error: unknown): string {
  if (!(error instanceof ApiError)) return 'unexpected';
  if (error.isNetworkError) return 'network';
  if (error.status === 429) return 'rate-limit';
  if (error.status === 404) return 'not-found';
  if (error.code === 'moderation.already-hidden') return 'already-hidden';
  if (error.code === 'moderation.own-content') return 'own-content';
  return 'unexpected';
}
