import { NgTemplateOutlet } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  input,
  output,
} from '@angular/core';
import { type Params, RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';

/**
 * "Précédent · Page 2 sur 5 · Suivant" under a paged list; nothing when there is one page.
 *
 * Two ways to move, chosen by the page:
 * - `queryParam` set: previous and next are links to the current address with that query
 *   parameter changed (page 1 drops it, the other parameters are kept). For pages whose state is
 *   in the URL: a page can be shared, opened in a new tab, and the server renders real links.
 *     `<cp-pager [page]="state().page" [pages]="pages()" queryParam="page" />`
 * - otherwise: buttons that emit `pageChange` with the page to show.
 *     `<cp-pager [page]="page()" [pages]="pages()" (pageChange)="page.set($event)" />`
 *
 * There is no previous on the first page and no next on the last (no dead control to tab to).
 * The nav is named `label` (default "Pagination"); the page text is marked current and read
 * out again when it changes while the pager stays on screen.
 */
@Component({
  selector: 'cp-pager',
  imports: [NgTemplateOutlet, RouterLink, TranslocoPipe],
  template: `
    @if (pages() > 1) {
      <nav
        class="pager"
        [attr.aria-label]="label() ?? ('pager.label' | transloco)"
      >
        @if (previous(); as target) {
          <ng-container
            *ngTemplateOutlet="
              move;
              context: { target, rel: 'prev', text: 'common.previous' }
            "
          />
        }
        <span
          class="pager__status"
          aria-current="page"
          aria-live="polite"
          aria-atomic="true"
          >{{
            'common.pageOf' | transloco: { page: page(), pages: pages() }
          }}</span
        >
        @if (next(); as target) {
          <ng-container
            *ngTemplateOutlet="
              move;
              context: { target, rel: 'next', text: 'common.next' }
            "
          />
        }
      </nav>
    }
    <ng-template #move let-target="target" let-rel="rel" let-text="text">
      @if (queryParam()) {
        <a
          class="cp-button cp-button--secondary pager__{{ rel }}"
          routerLink="."
          [queryParams]="paramsFor(target)"
          queryParamsHandling="merge"
          [attr.rel]="rel"
          >{{ text | transloco }}</a
        >
      } @else {
        <button
          class="cp-button cp-button--secondary pager__{{ rel }}"
          type="button"
          (click)="pageChange.emit(target)"
        >
          {{ text | transloco }}
        </button>
      }
    </ng-template>
  `,
  styles: `
    :host {
      display: block;
      container-type: inline-size;
    }
    /* The page text stays in the middle whichever controls there are. */
    .pager {
      display: grid;
      grid-template-columns: 1fr auto 1fr;
      align-items: center;
      gap: 0.5rem 1rem;
      margin-block: 1rem;
    }
    .pager__prev {
      grid-column: 1;
      justify-self: end;
    }
    .pager__status {
      grid-column: 2;
      font-variant-numeric: tabular-nums;
      text-align: center;
    }
    .pager__next {
      grid-column: 3;
      justify-self: start;
    }
    /* Too narrow for one line (a phone): where we are on top, previous left and next right
       below it. Only the text moves; the controls keep their order for the keyboard. */
    @container (max-width: 24rem) {
      .pager {
        grid-template-columns: 1fr 1fr;
      }
      .pager__status {
        grid-area: 1 / 1 / 2 / -1;
      }
      .pager__prev {
        justify-self: start;
      }
      .pager__next {
        grid-column: 2;
        justify-self: end;
      }
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Pager {
  /** The page shown, from 1. */
  readonly page = input.required<number>();
  /** How many pages there are. */
  readonly pages = input.required<number>();
  /** The nav's accessible name, already translated; "Pagination" when not given. */
  readonly label = input<string>();
  /** The query parameter holding the page: previous and next are then links. */
  readonly queryParam = input<string>();
  /** The page asked for, when previous and next are buttons (no `queryParam`). */
  readonly pageChange = output<number>();

  /** The page before, or null on the first; past the end (a stale link), the last page. */
  protected readonly previous = computed(() =>
    this.page() > 1 ? Math.min(this.page() - 1, this.pages()) : null,
  );
  protected readonly next = computed(() =>
    this.page() < this.pages() ? this.page() + 1 : null,
  );

  protected paramsFor(page: number): Params {
    return { [this.queryParam() ?? 'page']: page > 1 ? page : null };
  }
}
