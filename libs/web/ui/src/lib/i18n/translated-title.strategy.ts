import { DOCUMENT } from '@angular/common';
import { DestroyRef, inject, Injectable } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { type RouterStateSnapshot, TitleStrategy } from '@angular/router';
import { TranslocoService } from '@jsverse/transloco';
import {
  BehaviorSubject,
  combineLatest,
  filter,
  map,
  merge,
  startWith,
  Subject,
  switchMap,
} from 'rxjs';

/**
 * Route `title`s are translation keys with their scope, e.g. `portal.directory.title`. The
 * document title follows the language and is set again once the page's scope has loaded (the
 * scope is loaded by the page itself, so the first try may only find the key).
 */
@Injectable()
export class TranslatedTitleStrategy extends TitleStrategy {
  private readonly transloco = inject(TranslocoService);
  private readonly document = inject(DOCUMENT);
  private readonly key$ = new Subject<string | undefined>();
  private readonly detail$ = new BehaviorSubject<string | null>(null);

  constructor() {
    super();
    const translations$ = merge(
      this.transloco.langChanges$,
      this.transloco.events$.pipe(
        filter((event) => event.type === 'translationLoadSuccess'),
      ),
    ).pipe(startWith(null));
    this.key$
      .pipe(
        switchMap((key) =>
          combineLatest([translations$, this.detail$]).pipe(
            map(([, detail]) => this.titleFor(key, detail)),
          ),
        ),
        takeUntilDestroyed(inject(DestroyRef)),
      )
      .subscribe((title) => {
        if (title !== null) {
          this.document.title = title;
        }
      });
  }

  /**
   * Adds a name to the title of the current pages, e.g. the commune's:
   * "Budget · Cotonou · Communes+". Null removes it.
   */
  setDetail(detail: string | null): void {
    this.detail$.next(detail);
  }

  override updateTitle(snapshot: RouterStateSnapshot): void {
    this.key$.next(this.buildTitle(snapshot));
  }

  private titleFor(
    key: string | undefined,
    detail: string | null,
  ): string | null {
    const app = this.transloco.translate('app.titleSuffix');
    const suffix = detail ? `${detail} · ${app}` : app;
    if (!key) {
      return suffix;
    }
    const title = this.transloco.translate(key);
    // Not loaded yet: keep the previous title rather than show a key.
    return title === key ? null : `${title} · ${suffix}`;
  }
}
