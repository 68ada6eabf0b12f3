import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { NewsApi } from '@communes/web-data-access';
import { DatePipe, LoadFailure } from '@communes/web-ui';
import { TranslocoPipe } from '@jsverse/transloco';
import { CommuneContext } from '../commune-context';

const PAGE_SIZE = 10;

/** `/communes/:slug/actualites`: the commune's news, newest first, ten at a time. */
@Component({
  selector: 'cp-commune-news',
  imports: [RouterLink, TranslocoPipe, DatePipe, LoadFailure],
  template: `
    <h2>{{ 'portal.commune.news.title' | transloco }}</h2>
    <p class="intro">{{ 'portal.commune.news.intro' | transloco }}</p>
    @if (news.error()) {
      <cp-load-failure [heading]="'portal.commune.news.loadError' | transloco" [error]="news.error()" (retry)="news.reload()" />
    } @else if (news.hasValue()) {
      @let page = news.value();
      @if (page.total === 0) {
        <p>{{ 'portal.commune.news.empty' | transloco }}</p>
      } @else {
        <ul class="items" aria-live="polite">
          @for (article of page.items; track article.id) {
            <li class="cp-card">
              @if (article.publishedAt) {
                <p class="item__date">
                  <time [attr.datetime]="article.publishedAt">{{ article.publishedAt | cpDate }}</time>
                </p>
              }
              <h3 class="item__title"><a [routerLink]="[article.id]" lang="fr">{{ article.title }}</a></h3>
              @if (article.summary) {
                <p lang="fr">{{ article.summary }}</p>
              }
            </li>
          }
        </ul>
        @if (page.items.length < page.total) {
          <button class="cp-button cp-button--secondary" type="button" (click)="more()">
            {{ 'portal.commune.news.more' | transloco: { shown: page.items.length, total: page.total } }}
          </button>
        }
      }
    } @else {
      <p role="status">{{ 'common.loading' | transloco }}</p>
    }
  `,
  styleUrl: '../commune-section.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CommuneNews {
  private readonly api = inject(NewsApi);
  private readonly context = inject(CommuneContext);
  /** "See more" asks for a longer first page: one request, the list keeps its place. */
  private readonly shown = signal(PAGE_SIZE);

  protected readonly news = rxResource({
    params: () => ({ slug: this.context.slug(), pageSize: this.shown() }),
    stream: ({ params }) => this.api.list(params.slug, { pageSize: params.pageSize }),
  });

  protected more(): void {
    this.shown.update((count) => Math.min(50, count + PAGE_SIZE));
  }
}
