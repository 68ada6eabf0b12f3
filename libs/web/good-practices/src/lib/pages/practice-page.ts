import { ChangeDetectionStrategy, Component, inject, resource } from '@angular/core';
import { ActivatedRoute, RouterLink } from '@angular/router';
import { LoadFailure } from '@communes/web-ui';
import { TranslocoPipe } from '@jsverse/transloco';
import { GoodPracticesApi } from '../good-practices-api';
import { PracticeView } from './practice-view';

/** `/bonnes-pratiques/:id`: one published practice, whichever commune it comes from. */
@Component({
  selector: 'cp-practice-page',
  imports: [TranslocoPipe, RouterLink, LoadFailure, PracticeView],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: '../shared/practices.css',
  template: `
    <a class="back" routerLink="/bonnes-pratiques">{{ 'practices.practice.back' | transloco }}</a>
    @if (practice.error()) {
      <cp-load-failure [heading]="'practices.practice.loadError' | transloco" [error]="practice.error()" (retry)="practice.reload()" />
    } @else if (practice.hasValue()) {
      <article>
        <h1>{{ practice.value().title }}</h1>
        <cp-practice-view [practice]="practice.value()" />
      </article>
    } @else {
      <p role="status">{{ 'common.loading' | transloco }}</p>
    }
  `,
})
export class PracticePage {
  private readonly api = inject(GoodPracticesApi);
  private readonly id = inject(ActivatedRoute).snapshot.paramMap.get('id') ?? '';
  protected readonly practice = resource({ loader: () => this.api.published(this.id) });
}
