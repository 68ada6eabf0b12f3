import { afterNextRender, ChangeDetectionStrategy, Component, DestroyRef, effect, ElementRef, inject, Injector, resource, signal } from '@angular/core';
import { NEWS_BODY_MAX, NEWS_REASON_MIN, NEWS_SUMMARY_MAX, NEWS_TITLE_MAX, NEWS_TITLE_MIN } from '@communes/shared-contracts';
import { ApiError, type NewsArticle, NewsApi } from '@communes/web-data-access';
import { DatePipe as CpDatePipe } from '@communes/web-ui';
import { formValues } from '@communes/web-auth';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import { injectCommuneSlug } from './slug';
import { injectStaffRights } from './staff-role';

type Field = 'title' | 'summary' | 'body';
export type NewsErrors = Partial<Record<Field, string>>;

/** The limits the API checks, checked before sending (keys of the texts to show). */
export function validateNews(values: { title: string; summary: string; body: string }): NewsErrors {
  const errors: NewsErrors = {};
  const title = values.title.trim().length;
  if (title < NEWS_TITLE_MIN || title > NEWS_TITLE_MAX) errors.title = 'console.news.errors.title';
  if (values.summary.trim().length > NEWS_SUMMARY_MAX) errors.summary = 'console.news.errors.summary';
  const body = values.body.trim().length;
  if (body === 0 || body > NEWS_BODY_MAX) errors.body = 'console.news.errors.body';
  return errors;
}

/**
 * `/console/:slug/actualites`: the commune's news. Write an article (a draft), correct it, add,
 * replace or remove a cover image, publish it (today, or at the date it happened), withdraw it with a reason.
 */
@Component({
  selector: 'cp-news-page',
  imports: [TranslocoPipe, CpDatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './console.css',
  template: `
    <h1>{{ 'console.news.title' | transloco }}</h1>
    <p>{{ 'console.news.intro' | transloco }}</p>
    @if (error()) {
      <p class="cp-notice error" id="news-error" role="alert" tabindex="-1">{{ error() }}</p>
    }
    @if (done()) {
      <p class="cp-notice" role="status">{{ done() }}</p>
    }

    @if (!rights().manage) {
      <p class="cp-notice">{{ 'console.news.readOnly' | transloco }}</p>
    } @else {
    <form #form novalidate (submit)="$event.preventDefault(); save(form)" aria-labelledby="news-form-title">
      <h2 id="news-form-title">{{ (editing() ? 'console.news.editTitle' : 'console.news.newTitle') | transloco }}</h2>
      <div class="cp-field">
        <label for="news-title">{{ 'console.news.fields.title' | transloco }}</label>
        <input id="news-title" name="title" required [attr.maxlength]="titleMax" [value]="editing()?.title ?? ''"
          [attr.aria-invalid]="errors().title ? true : null" [attr.aria-describedby]="errors().title ? 'news-title-error' : null" />
        @if (errors().title; as key) {
          <p class="field-error" id="news-title-error">{{ key | transloco: { min: titleMin, max: titleMax } }}</p>
        }
      </div>
      <div class="cp-field">
        <label for="news-summary">{{ 'console.news.fields.summary' | transloco }}</label>
        <p class="hint" id="news-summary-hint">{{ 'console.news.fields.summaryHint' | transloco: { max: summaryMax } }}</p>
        <input id="news-summary" name="summary" [attr.maxlength]="summaryMax" [value]="editing()?.summary ?? ''"
          [attr.aria-invalid]="errors().summary ? true : null" [attr.aria-describedby]="errors().summary ? 'news-summary-hint news-summary-error' : 'news-summary-hint'" />
        @if (errors().summary; as key) {
          <p class="field-error" id="news-summary-error">{{ key | transloco: { max: summaryMax } }}</p>
        }
      </div>
      <div class="cp-field">
        <label for="news-body">{{ 'console.news.fields.body' | transloco }}</label>
        <p class="hint" id="news-body-hint">{{ 'console.news.fields.bodyHint' | transloco }}</p>
        <textarea id="news-body" name="body" rows="10" required [value]="editing()?.body ?? ''"
          [attr.aria-invalid]="errors().body ? true : null" [attr.aria-describedby]="errors().body ? 'news-body-hint news-body-error' : 'news-body-hint'"></textarea>
        @if (errors().body; as key) {
          <p class="field-error" id="news-body-error">{{ key | transloco: { max: bodyMax } }}</p>
        }
      </div>
      @if (editing()?.cover; as cover) {
        <div class="cp-field current-cover">
          <p id="news-current-cover">{{ 'console.news.currentCover' | transloco }}</p>
          @if (coverPreview.hasValue()) {
            <img [src]="coverPreview.value()" width="160" [attr.height]="coverHeight(cover)" [alt]="cover.alt || ('console.news.currentCoverAlt' | transloco)" />
          }
          <button class="cp-button cp-button--secondary" type="button" id="news-remove-cover" [disabled]="busy()" (click)="removeCover()">
            {{ 'console.news.removeCover' | transloco }}
          </button>
        </div>
      }
      <div class="cp-field">
        <label for="news-cover">{{ (editing()?.cover ? 'console.news.fields.replaceCover' : 'console.news.fields.cover') | transloco }}</label>
        <p class="hint" id="news-cover-hint">{{ 'console.news.fields.coverHint' | transloco }}</p>
        <input id="news-cover" name="cover" type="file" accept="image/jpeg,image/png,image/webp" aria-describedby="news-cover-hint" />
      </div>
      <div class="cp-field">
        <label for="news-cover-alt">{{ 'console.news.fields.coverAlt' | transloco }}</label>
        <input id="news-cover-alt" name="alt" maxlength="300" [value]="editing()?.cover?.alt ?? ''" />
      </div>
      <div class="row">
        <button class="cp-button" type="submit" [disabled]="busy()" [attr.aria-busy]="busy()">
          {{ (editing() ? 'console.news.saveChanges' : 'console.news.saveDraft') | transloco }}
        </button>
        @if (editing()) {
          <button class="cp-button cp-button--secondary" type="button" (click)="stopEditing(form)">{{ 'console.news.cancelEdit' | transloco }}</button>
        }
      </div>
    </form>
    }

    <h2>{{ 'console.news.listTitle' | transloco }}</h2>
    @if (articles.error()) {
      <p class="cp-notice error" role="alert">{{ 'console.news.loadError' | transloco }}</p>
    } @else if (articles.value(); as page) {
      @if (page.items.length === 0) {
        <p>{{ 'console.news.empty' | transloco }}</p>
      }
      <ul class="news-list">
        @for (article of page.items; track article.id) {
          <li class="cp-card">
            <h3 class="news-item-title">{{ article.title }}</h3>
            <p>
              <span class="status">{{ 'console.news.state.' + article.state | transloco }}</span>
              @if (article.publishedAt) {
                {{ 'console.news.publishedOn' | transloco: { date: (article.publishedAt | cpDate) } }}
              }
            </p>
            @if (article.withdrawalReason) {
              <p>{{ 'console.news.withdrawnBecause' | transloco: { reason: article.withdrawalReason } }}</p>
            }
            <div class="row">
              @if (article.state === 'published') {
                <a class="cp-button cp-button--secondary" [href]="'/communes/' + slug + '/actualites/' + article.id">{{ 'console.news.view' | transloco }}</a>
              }
              @if (rights().manage && article.state !== 'withdrawn') {
                <button class="cp-button cp-button--secondary" type="button" (click)="edit(article)">
                  {{ 'console.news.edit' | transloco }}<span class="visually-hidden"> « {{ article.title }} »</span>
                </button>
              }
              @if (rights().manage && article.state === 'draft') {
                <button class="cp-button" type="button" (click)="acting.set({ id: article.id, action: 'publish' })">
                  {{ 'console.news.publish' | transloco }}<span class="visually-hidden"> « {{ article.title }} »</span>
                </button>
              }
              @if (rights().manage && article.state === 'published') {
                <button class="cp-button cp-button--secondary" type="button" (click)="acting.set({ id: article.id, action: 'withdraw' })">
                  {{ 'console.news.withdraw' | transloco }}<span class="visually-hidden"> « {{ article.title }} »</span>
                </button>
              }
            </div>
            @if (acting()?.id === article.id && acting()?.action === 'publish') {
              <form class="row" #publishForm (submit)="$event.preventDefault(); publish(article, publishForm)">
                <div class="cp-field">
                  <label [for]="'publish-date-' + article.id">{{ 'console.news.publishDate' | transloco }}</label>
                  <p class="hint" [id]="'publish-date-hint-' + article.id">{{ 'console.news.publishDateHint' | transloco }}</p>
                  <input [id]="'publish-date-' + article.id" name="publishedAt" type="date" [attr.max]="today" [attr.aria-describedby]="'publish-date-hint-' + article.id" />
                </div>
                <button class="cp-button" type="submit" [disabled]="busy()">{{ 'console.news.confirmPublish' | transloco }}</button>
              </form>
            }
            @if (acting()?.id === article.id && acting()?.action === 'withdraw') {
              <form class="row" #withdrawForm novalidate (submit)="$event.preventDefault(); withdraw(article, withdrawForm)">
                <div class="cp-field">
                  <label [for]="'withdraw-reason-' + article.id">{{ 'console.news.withdrawReason' | transloco }}</label>
                  <input [id]="'withdraw-reason-' + article.id" name="reason" required [attr.minlength]="reasonMin" maxlength="500" />
                </div>
                <button class="cp-button" type="submit" [disabled]="busy()">{{ 'console.news.confirmWithdraw' | transloco }}</button>
              </form>
            }
          </li>
        }
      </ul>
    } @else {
      <p role="status">{{ 'common.loading' | transloco }}</p>
    }
  `,
  styles: `
    .news-list { display: grid; gap: 0.75rem; padding: 0; list-style: none; }
    .news-item-title { margin: 0 0 0.25rem; font-size: 1.125rem; }
    .current-cover img { display: block; max-width: 160px; height: auto; margin: 0.25rem 0 0.5rem; border: 1px solid #767676; border-radius: 4px; }
  `,
})
export class NewsPage {
  private readonly api = inject(NewsApi);
  private readonly transloco = inject(TranslocoService);
  private readonly injector = inject(Injector);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef).nativeElement;
  protected readonly slug = injectCommuneSlug();
  /** Editors and admins write; moderators read the list (the API refuses them the rest). */
  protected readonly rights = injectStaffRights(this.slug);
  protected readonly titleMin = NEWS_TITLE_MIN;
  protected readonly titleMax = NEWS_TITLE_MAX;
  protected readonly summaryMax = NEWS_SUMMARY_MAX;
  protected readonly bodyMax = NEWS_BODY_MAX;
  protected readonly reasonMin = NEWS_REASON_MIN;
  protected readonly today = new Date().toISOString().slice(0, 10);

  protected readonly busy = signal(false);
  protected readonly error = signal('');
  protected readonly done = signal('');
  protected readonly errors = signal<NewsErrors>({});
  protected readonly editing = signal<NewsArticle | null>(null);
  protected readonly acting = signal<{ id: string; action: 'publish' | 'withdraw' } | null>(null);
  constructor() {
    let shown: string | undefined;
    effect(() => {
      const url = this.coverPreview.hasValue() ? this.coverPreview.value() : undefined;
      if (shown && shown !== url) URL.revokeObjectURL(shown);
      shown = url;
    });
    inject(DestroyRef).onDestroy(() => shown && URL.revokeObjectURL(shown));
  }

  protected readonly articles = resource({ loader: () => firstValueFrom(this.api.list(this.slug, { pageSize: 50 })) });

  protected async save(form: HTMLFormElement): Promise<void> {
    const values = formValues(form);
    const input = { title: values['title'] ?? '', summary: values['summary'] ?? '', body: values['body'] ?? '' };
    const errors = validateNews(input);
    this.errors.set(errors);
    const first = (['title', 'summary', 'body'] as const).find((field) => errors[field]);
    if (first) {
      this.host.querySelector<HTMLElement>(`#news-${first}`)?.focus();
      return;
    }
    const cover = form.querySelector<HTMLInputElement>('#news-cover')?.files?.[0];
    const editing = this.editing();
    await this.run('console.news.saved', async () => {
      const body = { title: input.title.trim(), summary: input.summary.trim() || null, body: input.body.trim() };
      const saved = await firstValueFrom(editing ? this.api.update(this.slug, editing.id, body) : this.api.create(this.slug, body));
      if (cover) await firstValueFrom(this.api.setCover(this.slug, saved.id, cover, values['alt']?.trim() || undefined));
      this.editing.set(null);
      form.reset();
    });
  }

  protected edit(article: NewsArticle): void {
    this.editing.set(article);
    this.errors.set({});
    this.done.set('');
    afterNextRender(() => this.host.querySelector<HTMLElement>('#news-title')?.focus(), { injector: this.injector });
  }

  /**
   * The cover of the article being edited, fetched with the staff's credentials (a draft's cover is
   * not public) and shown from a blob: URL, revoked when it changes.
   */
  protected readonly coverPreview = resource({
    params: () => this.editing()?.cover?.url,
    loader: async ({ params }) => URL.createObjectURL(await firstValueFrom(this.api.coverBlob(params))),
  });

  protected coverHeight(cover: { width: number; height: number }): number {
    return Math.round((160 * cover.height) / cover.width);
  }

  /** « Retirer l'image », once confirmed: the article keeps everything else. */
  protected removeCover(): Promise<void> {
    const article = this.editing();
    if (!article?.cover || !confirm(this.transloco.translate('console.news.confirmRemoveCover', { title: article.title }))) return Promise.resolve();
    return this.run('console.news.coverRemoved', async () => {
      const updated = await firstValueFrom(this.api.removeCover(this.slug, article.id));
      this.editing.set(updated);
      afterNextRender(() => this.host.querySelector<HTMLElement>('#news-cover')?.focus(), { injector: this.injector });
    });
  }

  protected stopEditing(form: HTMLFormElement): void {
    this.editing.set(null);
    this.errors.set({});
    form.reset();
  }

  protected publish(article: NewsArticle, form: HTMLFormElement): Promise<void> {
    const date = formValues(form)['publishedAt'];
    // A date alone means that day at noon in Benin (UTC+1): never "in the future" on that day.
    const publishedAt = date && date < this.today ? `${date}T12:00:00+01:00` : undefined;
    return this.run('console.news.published', async () => {
      await firstValueFrom(this.api.publish(this.slug, article.id, publishedAt));
      this.acting.set(null);
    });
  }

  protected withdraw(article: NewsArticle, form: HTMLFormElement): Promise<void> {
    const reason = (formValues(form)['reason'] ?? '').trim();
    if (reason.length < NEWS_REASON_MIN) {
      this.error.set(this.transloco.translate('console.news.errors.reason', { min: NEWS_REASON_MIN }));
      form.querySelector<HTMLElement>('input')?.focus();
      return Promise.resolve();
    }
    return this.run('console.news.withdrawn', async () => {
      await firstValueFrom(this.api.withdraw(this.slug, article.id, reason));
      this.acting.set(null);
    });
  }

  private async run(doneKey: string, task: () => Promise<unknown>): Promise<void> {
    this.busy.set(true);
    this.error.set('');
    this.done.set('');
    try {
      await task();
      this.done.set(this.transloco.translate(doneKey));
      this.articles.reload();
    } catch (error) {
      const detail = error instanceof ApiError ? (error.detail ?? this.transloco.translate('errors.server')) : this.transloco.translate('errors.unexpected');
      this.error.set(this.transloco.translate('console.error', { detail }));
      afterNextRender(() => this.host.querySelector<HTMLElement>('#news-error')?.focus(), { injector: this.injector });
    } finally {
      this.busy.set(false);
    }
  }
}
