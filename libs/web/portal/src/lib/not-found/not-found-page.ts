import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';

@Component({
  selector: 'cp-not-found-page',
  imports: [RouterLink, TranslocoPipe],
  template: `
    <h1>{{ 'portal.notFound.title' | transloco }}</h1>
    <p>{{ 'portal.notFound.text' | transloco }}</p>
    <p>
      <a routerLink="/">{{ 'portal.notFound.back' | transloco }}</a>
    </p>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NotFoundPage {}
