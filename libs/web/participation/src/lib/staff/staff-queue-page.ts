import { ChangeDetectionStrategy, Component, computed, inject, resource } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { FEEDBACK_CATEGORIES, FEEDBACK_STATUSES } from '@communes/shared-contracts';
import { DatePipe as CpDatePipe, LoadFailure, NumberPipe } from '@communes/web-ui';
import { Pager } from '@communes/web-ui/pager';
import { TranslocoPipe } from '@jsverse/transloco';
import { ParticipationApi } from '../participation-api';
import { injectSlug } from '../shared/commune';

const PAGE_SIZE = 20;

/** `/console/:slug/doleances`: the commune's whole feedback queue, filtered by status, category, assignee. */
@Component({
  selector: 'cp-staff-queue-page',
  imports: [TranslocoPipe, RouterLink, CpDatePipe, NumberPipe, LoadFailure, Pager],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: '../shared/participation.css',
  template: `
    <a class="back" [routerLink]="['/console', slug]">← {{ 'participation.staff.backToConsole' | transloco }}</a>
    <h1>{{ 'participation.staff.title' | transloco }}</h1>
    <form class="row" #filters (change)="filter(filters)" (submit)="$event.preventDefault(); filter(filters)">
      <div class="cp-field">
        <label for="queue-status">{{ 'participation.filters.status' | transloco }}</label>
        <select id="queue-status" name="status">
          <option value="">{{ 'common.all' | transloco }}</option>
          @for (s of statuses; track s) {
            <option [value]="s" [selected]="status() === s">{{ 'participation.status.' + s | transloco }}</option>
          }
        </select>
      </div>
      <div class="cp-field">
        <label for="queue-category">{{ 'participation.filters.category' | transloco }}</label>
        <select id="queue-category" name="category">
          <option value="">{{ 'common.all' | transloco }}</option>
          @for (c of categories; track c) {
            <option [value]="c" [selected]="category() === c">{{ 'participation.category.' + c | transloco }}</option>
          }
        </select>
      </div>
      <div class="cp-field">
        <label for="queue-assignee">{{ 'participation.filters.assignee' | transloco }}</label>
        <select id="queue-assignee" name="assignee">
          <option value="">{{ 'common.all' | transloco }}</option>
          <option value="none" [selected]="assignee() === 'none'">{{ 'participation.staff.unassigned' | transloco }}</option>
          @for (m of members.value() ?? []; track m.userId) {
            <option [value]="m.userId" [selected]="assignee() === m.userId">{{ m.displayName }}</option>
          }
        </select>
      </div>
    </form>

    @if (queue.error()) {
      <cp-load-failure [heading]="'participation.staff.loadError' | transloco" [error]="queue.error()" (retry)="queue.reload()" />
    } @else if (queue.hasValue()) {
      @let page = queue.value();
      <p role="status">{{ 'participation.staff.count' | transloco: { count: (page.total | cpNumber) } }}</p>
      <ul class="list">
        @for (f of page.items; track f.id) {
          <li class="cp-card">
            <p class="row">
              <a [routerLink]="f.id"><strong>{{ f.trackingNumber }}</strong></a>
              <span class="badge">{{ 'participation.status.' + f.status | transloco }}</span>
              <span class="badge">{{ 'participation.category.' + f.category | transloco }}</span>
              <span class="badge">{{ 'participation.visibility.' + f.visibility | transloco }}</span>
            </p>
            <p>{{ f.text.length > 200 ? f.text.slice(0, 200) + '…' : f.text }}</p>
            <p class="meta">
              {{ f.createdAt | cpDate: 'datetime' }} ·
              {{ f.assigneeName ? ('participation.staff.assignedTo' | transloco: { name: f.assigneeName }) : ('participation.staff.unassigned' | transloco) }} ·
              {{ 'participation.feedback.supports' | transloco: { count: (f.supportCount | cpNumber) } }}
            </p>
          </li>
        } @empty {
          <li>{{ 'participation.staff.empty' | transloco }}</li>
        }
      </ul>
      <cp-pager [page]="pageNumber()" [pages]="pages()" queryParam="page" />
    } @else {
      <p role="status">{{ 'common.loading' | transloco }}</p>
    }
  `,
})
export class StaffQueuePage {
  private readonly api = inject(ParticipationApi);
  protected readonly slug = injectSlug();
  protected readonly statuses = FEEDBACK_STATUSES;
  protected readonly categories = FEEDBACK_CATEGORIES;
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  // The filters live in the URL (?etat=&sujet=&agent=&page=): back from a feedback, the queue is as it was.
  private readonly query = toSignal(this.route.queryParamMap, { requireSync: true });
  protected readonly status = computed(() => oneOf(this.query().get('etat'), FEEDBACK_STATUSES));
  protected readonly category = computed(() => oneOf(this.query().get('sujet'), FEEDBACK_CATEGORIES));
  protected readonly assignee = computed(() => this.query().get('agent') ?? '');
  protected readonly pageNumber = computed(() => Math.max(1, Number(this.query().get('page')) || 1));

  protected readonly members = resource({ loader: () => this.api.members(this.slug) });
  protected readonly queue = resource({
    params: () => ({ status: this.status(), category: this.category(), assignee: this.assignee(), page: this.pageNumber() }),
    loader: ({ params }) =>
      this.api.feedbackList(this.slug, {
        status: params.status || undefined,
        category: params.category || undefined,
        assignee: params.assignee || undefined,
        page: params.page,
        pageSize: PAGE_SIZE,
      }),
  });
  protected readonly pages = computed(() => (this.queue.hasValue() ? Math.max(1, Math.ceil(this.queue.value().total / PAGE_SIZE)) : 1));

  protected filter(form: HTMLFormElement): void {
    const data = new FormData(form);
    const text = (name: string) => {
      const value = data.get(name);
      return typeof value === 'string' ? value : '';
    };
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: { etat: text('status') || null, sujet: text('category') || null, agent: text('assignee') || null, page: null },
      replaceUrl: true,
    });
  }
}

function oneOf<T extends string>(value: string | null, allowed: readonly T[]): T | '' {
  return allowed.find((a) => a === value) ?? '';
}
