import { ChangeDetectionStrategy, Component, inject, resource, signal } from '@angular/core';
import { DOCUMENT_CATEGORIES, type DocumentCategory } from '@communes/shared-contracts';
import type { DocumentResponse } from '@communes/web-api-client';
import { ApiError } from '@communes/web-data-access';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { ConsoleApi } from '../console-api';
import { formValues } from '@communes/web-auth';
import { injectCommuneSlug } from './slug';

/**
 * Documents: create one (title, category, fiscal year) and drop its file (progress bar), then
 * publish; later a new version, or a withdrawal with a public reason.
 */
@Component({
  selector: 'cp-documents-page',
  imports: [TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './console.css',
  template: `
    <h1>{{ 'console.documents.title' | transloco }}</h1>
    @if (status()) {
      <p class="cp-notice" role="status">{{ status() }}</p>
    }
    @if (error()) {
      <p class="cp-notice error" role="alert">{{ error() }}</p>
    }

    <section aria-labelledby="new-doc">
      <h2 id="new-doc">{{ (versionOf() ? 'console.documents.versionFor' : 'console.documents.new') | transloco: { title: versionOf()?.title } }}</h2>
      <form #form (submit)="$event.preventDefault(); save(form)">
        @if (!versionOf()) {
          <div class="cp-field">
            <label for="doc-title">{{ 'console.documents.docTitle' | transloco }}</label>
            <input id="doc-title" name="title" required maxlength="300" />
          </div>
          <div class="row">
            <div class="cp-field">
              <label for="doc-category">{{ 'console.documents.category' | transloco }}</label>
              <select id="doc-category" name="category" required>
                @for (c of categories; track c) {
                  <option [value]="c">{{ 'console.categories.' + c | transloco }}</option>
                }
              </select>
            </div>
            <div class="cp-field">
              <label for="doc-year">{{ 'console.documents.fiscalYear' | transloco }}</label>
              <input id="doc-year" name="fiscalYear" type="number" min="2000" max="2100" [value]="currentYear" />
            </div>
          </div>
        }
        <div
          class="dropzone"
          [class.over]="dragging()"
          (dragover)="$event.preventDefault(); dragging.set(true)"
          (dragleave)="dragging.set(false)"
          (drop)="dropped($event)"
        >
          <span>{{ 'console.documents.drop' | transloco }}</span>
          <label class="cp-button cp-button--secondary" for="doc-file">{{ 'console.documents.choose' | transloco }}</label>
          <input id="doc-file" class="visually-hidden" type="file" (change)="picked($event)" [attr.aria-label]="'console.documents.file' | transloco" />
          @if (file()) {
            <strong>{{ file()!.name }}</strong>
          }
        </div>
        @if (progress() !== null) {
          <label for="doc-progress">{{ 'console.documents.uploading' | transloco }} ({{ percent() }} %)</label>
          <progress id="doc-progress" max="100" [value]="percent()"></progress>
        }
        <div class="row">
          <button class="cp-button" type="submit" [disabled]="busy()">{{ 'console.documents.create' | transloco }}</button>
          @if (versionOf()) {
            <button class="cp-button cp-button--secondary" type="button" (click)="versionOf.set(null)">{{ 'common.close' | transloco }}</button>
          }
        </div>
      </form>
    </section>

    <section aria-labelledby="doc-list">
      <h2 id="doc-list">{{ 'console.documents.list' | transloco }}</h2>
      @if (documents.value(); as docs) {
        @if (docs.length === 0) {
          <p>{{ 'console.documents.empty' | transloco }}</p>
        } @else {
          <div class="table-wrap" tabindex="0" role="region" [attr.aria-label]="tableLabel | transloco">
            <table class="stack">
              <thead>
                <tr>
                  <th scope="col">{{ 'console.documents.docTitle' | transloco }}</th>
                  <th scope="col">{{ 'console.documents.category' | transloco }}</th>
                  <th scope="col">{{ 'console.documents.fiscalYear' | transloco }}</th>
                  <th scope="col">{{ 'console.documents.actions' | transloco }}</th>
                </tr>
              </thead>
              <tbody>
                @for (doc of docs; track doc.id) {
                  <tr>
                    <td><strong>{{ doc.title }}</strong> <span class="status">{{ 'console.documents.state.' + doc.state | transloco }}</span></td>
                    <td [attr.data-label]="'console.documents.category' | transloco">{{ 'console.categories.' + doc.category | transloco }}</td>
                    <td [attr.data-label]="'console.documents.fiscalYear' | transloco">{{ doc.fiscalYear }}</td>
                    <td>
                      <div class="row">
                        @if (doc.state === 'draft') {
                          <button class="cp-button" type="button" (click)="publish(doc)">{{ 'console.documents.publish' | transloco }}<span class="visually-hidden"> — {{ doc.title }}</span></button>
                        }
                        @if (doc.state !== 'withdrawn') {
                          <button class="cp-button cp-button--secondary" type="button" (click)="versionOf.set(doc)">{{ 'console.documents.newVersion' | transloco }}<span class="visually-hidden"> — {{ doc.title }}</span></button>
                        }
                        @if (doc.state === 'published') {
                          <button class="cp-button cp-button--secondary" type="button" (click)="withdrawing.set(doc.id)">{{ 'console.documents.withdraw' | transloco }}<span class="visually-hidden"> — {{ doc.title }}</span></button>
                        }
                      </div>
                      @if (withdrawing() === doc.id) {
                        <form class="row" #reasonForm (submit)="$event.preventDefault(); withdraw(doc, reasonForm)">
                          <div class="cp-field">
                            <label [for]="'reason-' + doc.id">{{ 'console.documents.withdrawReason' | transloco }}</label>
                            <input [id]="'reason-' + doc.id" name="reason" required minlength="3" />
                          </div>
                          <button class="cp-button" type="submit" [disabled]="busy()">{{ 'console.documents.confirmWithdraw' | transloco }}</button>
                        </form>
                      }
                    </td>
                  </tr>
                }
              </tbody>
            </table>
          </div>
        }
      } @else if (documents.isLoading()) {
        <p>{{ 'common.loading' | transloco }}</p>
      }
    </section>
  `,
})
export class DocumentsPage {
  /** Names the table's scrolling region (keyboard users scroll it on a phone). */
  protected readonly tableLabel = 'console.documents.list';
  private readonly api = inject(ConsoleApi);
  private readonly transloco = inject(TranslocoService);
  protected readonly slug = injectCommuneSlug();
  protected readonly categories = DOCUMENT_CATEGORIES;
  protected readonly currentYear = new Date().getFullYear();
  protected readonly file = signal<File | null>(null);
  protected readonly dragging = signal(false);
  protected readonly progress = signal<number | null>(null);
  protected readonly busy = signal(false);
  protected readonly status = signal('');
  protected readonly error = signal('');
  protected readonly versionOf = signal<DocumentResponse | null>(null);
  protected readonly withdrawing = signal<string | null>(null);
  protected readonly documents = resource({ loader: () => this.api.documents(this.slug) });

  protected percent(): number {
    return Math.round((this.progress() ?? 0) * 100);
  }

  protected dropped(event: DragEvent): void {
    event.preventDefault();
    this.dragging.set(false);
    const file = event.dataTransfer?.files.item(0);
    if (file) this.file.set(file);
  }

  protected picked(event: Event): void {
    this.file.set((event.target as HTMLInputElement).files?.item(0) ?? null);
  }

  protected async save(form: HTMLFormElement): Promise<void> {
    const values = formValues(form);
    const file = this.file();
    if (!file) {
      this.error.set(this.transloco.translate('console.documents.needFile'));
      return;
    }
    await this.run(async () => {
      const target = this.versionOf();
      const id = target
        ? target.id
        : (
            await this.api.createDocument(this.slug, {
              title: values['title'],
              category: values['category'] as DocumentCategory,
              fiscalYear: values['fiscalYear'] ? Number(values['fiscalYear']) : undefined,
            })
          ).id;
      this.progress.set(0);
      await this.api.uploadVersion(this.slug, id, file, (ratio) => this.progress.set(ratio));
      this.status.set(
        target ? this.transloco.translate('console.documents.versionAdded') : this.transloco.translate('console.documents.created', { title: values['title'] }),
      );
      form.reset();
      this.file.set(null);
      this.versionOf.set(null);
    });
  }

  protected publish(doc: DocumentResponse): Promise<void> {
    return this.run(async () => {
      await this.api.publishDocument(this.slug, doc.id);
      this.status.set(this.transloco.translate('console.documents.published'));
    });
  }

  protected withdraw(doc: DocumentResponse, form: HTMLFormElement): Promise<void> {
    return this.run(async () => {
      await this.api.withdrawDocument(this.slug, doc.id, formValues(form)['reason']);
      this.withdrawing.set(null);
      this.status.set(this.transloco.translate('console.documents.withdrawn'));
    });
  }

  private async run(task: () => Promise<void>): Promise<void> {
    this.busy.set(true);
    this.error.set('');
    this.status.set('');
    try {
      await task();
      this.documents.reload();
    } catch (error) {
      const detail = error instanceof ApiError ? (error.detail ?? this.transloco.translate('errors.server')) : this.transloco.translate('errors.unexpected');
      this.error.set(this.transloco.translate('console.error', { detail }));
    } finally {
      this.busy.set(false);
      this.progress.set(null);
    }
  }
}
