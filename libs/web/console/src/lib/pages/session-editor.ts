import { ChangeDetectionStrategy, Component, computed, inject, input, linkedSignal, output, resource, signal } from '@angular/core';
import { COUNCIL_SESSION_KINDS, COUNCIL_SESSION_TYPES } from '@communes/shared-contracts';
import type { CouncilSessionDetailResponse } from '@communes/web-api-client';
import { ApiError } from '@communes/web-data-access';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { fieldErrorsOf, SessionsApi } from '../sessions-api';
import { bodyOf, draftOf, emptyDraft, moveItem, validateDraft, type AgendaItemDraft, type SessionDraft } from './session-form';

/**
 * The form to schedule or change a session: kind, type, date and time (Benin time), place, stream
 * link, and its agenda (items added, moved, removed, each with published documents of the commune).
 * Checks what it can before sending and shows the API's own messages beside the fields.
 */
@Component({
  selector: 'cp-session-editor',
  imports: [TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrls: ['./console.css', './sessions.css'],
  template: `
    <form novalidate (submit)="$event.preventDefault(); save()" [attr.aria-labelledby]="headingId()">
      @if (summary().length) {
        <div class="cp-notice error" role="alert">
          <p>{{ 'console.sessions.form.fix' | transloco }}</p>
          <ul>
            @for (problem of summary(); track problem.field) {
              <li><a [href]="'#' + problem.target" (click)="focus($event, problem.target)">{{ problem.message }}</a></li>
            }
          </ul>
        </div>
      }
      @if (!session()) {
        <fieldset>
          <legend>{{ 'console.sessions.form.kind' | transloco }}</legend>
          @for (k of kinds; track k) {
            <label class="choice"><input type="radio" name="kind" [value]="k" [checked]="draft().kind === k" (change)="patch({ kind: k })" /> {{ 'console.sessions.kinds.' + k | transloco }}</label>
          }
        </fieldset>
      }
      @if (draft().kind === 'council') {
        <fieldset>
          <legend>{{ 'console.sessions.form.sessionType' | transloco }}</legend>
          @for (t of types; track t) {
            <label class="choice"><input type="radio" name="sessionType" [value]="t" [checked]="draft().sessionType === t" (change)="patch({ sessionType: t })" /> {{ 'console.sessions.types.' + t | transloco }}</label>
          }
        </fieldset>
      }
      <div class="cp-field">
        <label for="session-title">{{ 'console.sessions.form.title' | transloco }}</label>
        <input id="session-title" name="title" required maxlength="200" [value]="draft().title" (input)="patch({ title: value($event) })"
          [attr.aria-invalid]="!!error('title')" [attr.aria-describedby]="error('title') ? 'session-title-error' : null" />
        @if (error('title')) { <p class="field-error" id="session-title-error">{{ error('title') }}</p> }
      </div>
      <div class="cp-field">
        <label for="session-description">{{ 'console.sessions.form.description' | transloco }}</label>
        <textarea id="session-description" name="description" rows="3" maxlength="4000" [value]="draft().description" (input)="patch({ description: value($event) })"></textarea>
      </div>
      <div class="row">
        <div class="cp-field">
          <label for="session-start">{{ 'console.sessions.form.startsAt' | transloco }}</label>
          <input id="session-start" name="startsAt" type="datetime-local" required [value]="draft().startsAt" (input)="patch({ startsAt: value($event) })"
            [attr.aria-invalid]="!!error('startsAt')" [attr.aria-describedby]="error('startsAt') ? 'session-start-error' : 'session-time-hint'" />
          @if (error('startsAt')) { <p class="field-error" id="session-start-error">{{ error('startsAt') }}</p> }
        </div>
        <div class="cp-field">
          <label for="session-end">{{ 'console.sessions.form.endsAt' | transloco }}</label>
          <input id="session-end" name="endsAt" type="datetime-local" [value]="draft().endsAt" (input)="patch({ endsAt: value($event) })"
            [attr.aria-invalid]="!!error('endsAt')" [attr.aria-describedby]="error('endsAt') ? 'session-end-error' : 'session-time-hint'" />
          @if (error('endsAt')) { <p class="field-error" id="session-end-error">{{ error('endsAt') }}</p> }
        </div>
      </div>
      <p class="hint" id="session-time-hint">{{ 'console.sessions.form.timeHint' | transloco }}</p>
      <div class="cp-field">
        <label for="session-place">{{ 'console.sessions.form.place' | transloco }}</label>
        <input id="session-place" name="place" maxlength="300" [value]="draft().place" (input)="patch({ place: value($event) })"
          [attr.aria-invalid]="!!error('place')" [attr.aria-describedby]="error('place') ? 'session-place-error' : null" />
        @if (error('place')) { <p class="field-error" id="session-place-error">{{ error('place') }}</p> }
      </div>
      <div class="cp-field">
        <label for="session-stream">{{ 'console.sessions.form.streamUrl' | transloco }}</label>
        <input id="session-stream" name="streamUrl" type="url" inputmode="url" maxlength="500" [value]="draft().streamUrl" (input)="patch({ streamUrl: value($event) })"
          [attr.aria-invalid]="!!error('streamUrl')" [attr.aria-describedby]="error('streamUrl') ? 'session-stream-error session-stream-hint' : 'session-stream-hint'" />
        <p class="hint" id="session-stream-hint">{{ 'console.sessions.form.streamHint' | transloco }}</p>
        @if (error('streamUrl')) { <p class="field-error" id="session-stream-error">{{ error('streamUrl') }}</p> }
      </div>

      <fieldset class="agenda">
        <legend>{{ 'console.sessions.form.agenda' | transloco }}</legend>
        @if (draft().agenda.length === 0) {
          <p>{{ 'console.sessions.form.agendaEmpty' | transloco }}</p>
        }
        <ol>
          @for (item of draft().agenda; track $index; let i = $index; let first = $first; let last = $last) {
            <li class="cp-card agenda-item">
              <div class="cp-field">
                <label [for]="'item-title-' + i">{{ 'console.sessions.form.itemTitle' | transloco: { n: i + 1 } }}</label>
                <input [id]="'item-title-' + i" required maxlength="300" [value]="item.title" (input)="patchItem(i, { title: value($event) })"
                  [attr.aria-invalid]="!!error('agenda.' + i + '.title')" [attr.aria-describedby]="error('agenda.' + i + '.title') ? 'item-title-error-' + i : null" />
                @if (error('agenda.' + i + '.title')) { <p class="field-error" [id]="'item-title-error-' + i">{{ error('agenda.' + i + '.title') }}</p> }
              </div>
              <div class="cp-field">
                <label [for]="'item-description-' + i">{{ 'console.sessions.form.itemDescription' | transloco }}</label>
                <textarea [id]="'item-description-' + i" rows="2" maxlength="2000" [value]="item.description" (input)="patchItem(i, { description: value($event) })"></textarea>
              </div>
              @if (item.documentIds.length) {
                <ul class="attached" [attr.aria-label]="'console.sessions.form.itemDocuments' | transloco: { n: i + 1 }">
                  @for (docId of item.documentIds; track docId) {
                    <li>
                      {{ documentTitle(docId) }}
                      <button class="cp-button cp-button--secondary small" type="button" (click)="detach(i, docId)">
                        {{ 'console.sessions.form.detach' | transloco }}<span class="visually-hidden"> — {{ documentTitle(docId) }}</span>
                      </button>
                    </li>
                  }
                </ul>
              }
              @if (documents.value()?.length) {
                <div class="row">
                  <div class="cp-field">
                    <label [for]="'item-doc-' + i">{{ 'console.sessions.form.attachDocument' | transloco }}</label>
                    <select #docSelect [id]="'item-doc-' + i">
                      @for (doc of documents.value(); track doc.id) {
                        <option [value]="doc.id">{{ doc.title }}</option>
                      }
                    </select>
                  </div>
                  <button class="cp-button cp-button--secondary" type="button" (click)="attach(i, docSelect.value)">
                    {{ 'console.sessions.form.attach' | transloco }}<span class="visually-hidden"> — {{ 'console.sessions.form.itemN' | transloco: { n: i + 1 } }}</span>
                  </button>
                </div>
              } @else if (documents.hasValue()) {
                <p class="hint">{{ 'console.sessions.form.noDocuments' | transloco }}</p>
              }
              <div class="row">
                <button class="cp-button cp-button--secondary" type="button" [disabled]="first" (click)="move(i, -1)">
                  {{ 'console.sessions.form.up' | transloco }}<span class="visually-hidden"> — {{ 'console.sessions.form.itemN' | transloco: { n: i + 1 } }}</span>
                </button>
                <button class="cp-button cp-button--secondary" type="button" [disabled]="last" (click)="move(i, 1)">
                  {{ 'console.sessions.form.down' | transloco }}<span class="visually-hidden"> — {{ 'console.sessions.form.itemN' | transloco: { n: i + 1 } }}</span>
                </button>
                <button class="cp-button cp-button--secondary" type="button" (click)="removeItem(i)">
                  {{ 'console.sessions.form.removeItem' | transloco }}<span class="visually-hidden"> — {{ 'console.sessions.form.itemN' | transloco: { n: i + 1 } }}</span>
                </button>
              </div>
            </li>
          }
        </ol>
        @if (error('agenda')) { <p class="field-error">{{ error('agenda') }}</p> }
        <button class="cp-button cp-button--secondary" type="button" (click)="addItem()">{{ 'console.sessions.form.addItem' | transloco }}</button>
      </fieldset>
      <p class="visually-hidden" aria-live="polite">{{ agendaAnnouncement() }}</p>

      @if (!session()) {
        <label class="choice"><input type="checkbox" name="publish" [checked]="publishNow()" (change)="publishNow.set(checked($event))" /> {{ 'console.sessions.form.publishNow' | transloco }}</label>
      }
      <div class="row">
        <button class="cp-button" type="submit" [disabled]="busy()">{{ (session() ? 'console.sessions.form.save' : 'console.sessions.form.create') | transloco }}</button>
        <button class="cp-button cp-button--secondary" type="button" (click)="cancelled.emit()">{{ 'console.sessions.form.cancel' | transloco }}</button>
      </div>
    </form>
  `,
})
export class SessionEditor {
  readonly slug = input.required<string>();
  /** The session to change; null to schedule a new one. */
  readonly session = input<CouncilSessionDetailResponse | null>(null);
  readonly headingId = input<string | null>(null);
  readonly saved = output<CouncilSessionDetailResponse>();
  readonly cancelled = output<void>();

  private readonly api = inject(SessionsApi);
  private readonly transloco = inject(TranslocoService);
  protected readonly kinds = COUNCIL_SESSION_KINDS;
  protected readonly types = COUNCIL_SESSION_TYPES;
  protected readonly draft = linkedSignal<SessionDraft>(() => {
    const session = this.session();
    return session ? draftOf(session) : emptyDraft();
  });
  protected readonly publishNow = signal(false);
  protected readonly busy = signal(false);
  /** Client-side problems (translation keys) and the API's messages, by field. */
  protected readonly clientErrors = signal<Record<string, string>>({});
  protected readonly apiErrors = signal<Record<string, string>>({});
  protected readonly agendaAnnouncement = signal('');
  protected readonly documents = resource({ params: () => this.slug(), loader: ({ params }) => this.api.publishedDocuments(params) });

  protected readonly summary = computed(() => {
    const fields = new Set([...Object.keys(this.clientErrors()), ...Object.keys(this.apiErrors())]);
    return [...fields].map((field) => ({ field, target: targetOf(field), message: this.error(field) ?? '' }));
  });

  protected error(field: string): string | null {
    const key = this.clientErrors()[field];
    if (key) return this.transloco.translate(key);
    return this.apiErrors()[field] ?? null;
  }

  protected value(event: Event): string {
    return (event.target as HTMLInputElement | HTMLTextAreaElement).value;
  }
  protected checked(event: Event): boolean {
    return (event.target as HTMLInputElement).checked;
  }

  protected patch(change: Partial<SessionDraft>): void {
    this.draft.update((d) => ({ ...d, ...change }));
  }
  protected patchItem(index: number, change: Partial<AgendaItemDraft>): void {
    this.draft.update((d) => ({ ...d, agenda: d.agenda.map((item, i) => (i === index ? { ...item, ...change } : item)) }));
  }
  protected addItem(): void {
    this.patch({ agenda: [...this.draft().agenda, { title: '', description: '', documentIds: [] }] });
    const n = this.draft().agenda.length;
    this.announce('console.sessions.form.itemAdded', n);
    // The new item's title is where the user types next.
    setTimeout(() => document.getElementById(`item-title-${n - 1}`)?.focus());
  }
  protected removeItem(index: number): void {
    this.patch({ agenda: this.draft().agenda.filter((_, i) => i !== index) });
    this.announce('console.sessions.form.itemRemoved', index + 1);
  }
  protected move(index: number, delta: number): void {
    this.patch({ agenda: moveItem(this.draft().agenda, index, delta) });
    this.announce('console.sessions.form.itemMoved', index + delta + 1);
  }
  protected attach(index: number, documentId: string): void {
    const item = this.draft().agenda[index];
    if (!documentId || !item || item.documentIds.includes(documentId)) return;
    this.patchItem(index, { documentIds: [...item.documentIds, documentId] });
  }
  protected detach(index: number, documentId: string): void {
    const item = this.draft().agenda[index];
    if (item) this.patchItem(index, { documentIds: item.documentIds.filter((id) => id !== documentId) });
  }
  protected documentTitle(id: string): string {
    const linked = this.session()?.agenda.flatMap((item) => item.documents).find((d) => d.documentId === id);
    return this.documents.value()?.find((d) => d.id === id)?.title ?? linked?.title ?? id;
  }
  protected focus(event: Event, id: string): void {
    event.preventDefault();
    document.getElementById(id)?.focus();
  }

  protected async save(): Promise<void> {
    const draft = this.draft();
    this.apiErrors.set({});
    this.clientErrors.set(validateDraft(draft));
    if (Object.keys(this.clientErrors()).length) return;
    this.busy.set(true);
    try {
      const existing = this.session();
      const saved = existing
        ? await this.api.updateSession(this.slug(), existing.id, bodyOf(draft))
        : await this.api.createSession(this.slug(), { ...bodyOf(draft), kind: draft.kind, publish: this.publishNow() });
      this.saved.emit(saved);
    } catch (error) {
      const fields = fieldErrorsOf(error);
      const detail = error instanceof ApiError ? (error.detail ?? this.transloco.translate('errors.server')) : this.transloco.translate('errors.unexpected');
      this.apiErrors.set(Object.keys(fields).length ? fields : { form: this.transloco.translate('console.error', { detail }) });
    } finally {
      this.busy.set(false);
    }
  }

  private announce(key: string, n: number): void {
    this.agendaAnnouncement.set(this.transloco.translate(key, { n }));
  }
}

/** The element a problem's link leads to. */
function targetOf(field: string): string {
  const item = /^agenda\.(\d+)\.title$/.exec(field);
  if (item) return `item-title-${item[1]}`;
  const ids: Record<string, string> = { title: 'session-title', startsAt: 'session-start', endsAt: 'session-end', place: 'session-place', streamUrl: 'session-stream' };
  return ids[field] ?? 'session-title';
}
