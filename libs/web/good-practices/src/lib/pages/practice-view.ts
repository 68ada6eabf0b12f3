import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { GoodPracticeResponse } from '@communes/web-api-client';
import { DatePipe as CpDatePipe } from '@communes/web-ui';
import { TranslocoPipe } from '@jsverse/transloco';
import { paragraphs } from '../shared/practice-text';

/** A practice's text as the public reads it (also the preview in the console and for ANCB). */
@Component({
  selector: 'cp-practice-view',
  imports: [TranslocoPipe, RouterLink, CpDatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: '../shared/practices.css',
  template: `
    @let p = practice();
    <p class="meta">
      <span class="badge">{{ 'practices.theme.' + p.theme | transloco }}</span>
      · <a [routerLink]="['/communes', p.communeSlug]">{{ 'practices.practice.by' | transloco: { commune: p.communeName, department: p.department } }}</a>
      @if (p.publishedAt && p.status === 'published') {
        · {{ 'practices.library.publishedOn' | transloco: { date: (p.publishedAt | cpDate) } }}
      }
    </p>
    @if (p.summary) {
      <h2 [id]="idPrefix() + 'summary'">{{ 'practices.practice.summary' | transloco }}</h2>
      <p class="lead">{{ p.summary }}</p>
    }
    @if (body().length) {
      <h2>{{ 'practices.practice.body' | transloco }}</h2>
      @for (paragraph of body(); track $index) {
        <p>{{ paragraph }}</p>
      }
    }
    @if (results().length) {
      <h2>{{ 'practices.practice.results' | transloco }}</h2>
      @for (paragraph of results(); track $index) {
        <p>{{ paragraph }}</p>
      }
    }
    @if (p.contactRole) {
      <h2>{{ 'practices.practice.contact' | transloco }}</h2>
      <p>{{ p.contactRole }}@if (p.contactDetails) {<br />{{ p.contactDetails }}}</p>
    }
    @if (p.documents.length) {
      <h2>{{ 'practices.practice.documents' | transloco }}</h2>
      <ul>
        @for (d of p.documents; track d.id) {
          <li>
            <a [routerLink]="['/communes', p.communeSlug, 'documents', d.id]">{{ d.title }}</a>
            <span class="meta"> — {{ 'practices.category.' + d.category | transloco }}@if (d.fiscalYear) { {{ d.fiscalYear }}}@if (d.state === 'withdrawn') { ({{ 'practices.practice.withdrawn' | transloco }})}</span>
          </li>
        }
      </ul>
    }
  `,
  styles: `.lead { font-size: 1.1rem; }`,
})
export class PracticeView {
  readonly practice = input.required<GoodPracticeResponse>();
  readonly idPrefix = input('practice-');
  protected readonly body = computed(() => paragraphs(this.practice().body));
  protected readonly results = computed(() => paragraphs(this.practice().results));
}
