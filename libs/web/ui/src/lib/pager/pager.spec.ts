import { Component, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { TestBed } from '@angular/core/testing';
import { ActivatedRoute, provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { provideCommunesI18nTesting } from '../i18n/testing';
import { Pager } from './pager';

/** A list whose page is in the URL (`?p=`), as the search or the contracts pages do. */
@Component({
  imports: [Pager],
  template: `<cp-pager [page]="page()" [pages]="3" queryParam="p" />`,
})
class LinkedList {
  private readonly query = toSignal(inject(ActivatedRoute).queryParamMap, {
    requireSync: true,
  });
  protected readonly page = computed(() => Number(this.query().get('p')) || 1);
}

function names(root: HTMLElement, selector: string): string[] {
  return Array.from(root.querySelectorAll(selector), (e) =>
    (e.textContent ?? '').trim(),
  );
}

describe('Pager', () => {
  describe('with buttons', () => {
    async function render(page: number, pages: number, lang?: 'en') {
      TestBed.configureTestingModule({
        providers: [provideRouter([]), provideCommunesI18nTesting({}, lang)],
      });
      const fixture = TestBed.createComponent(Pager);
      fixture.componentRef.setInput('page', page);
      fixture.componentRef.setInput('pages', pages);
      const asked: number[] = [];
      fixture.componentInstance.pageChange.subscribe((p) => asked.push(p));
      await fixture.whenStable();
      return { fixture, root: fixture.nativeElement as HTMLElement, asked };
    }

    it('shows nothing when there is one page', async () => {
      const { root } = await render(1, 1);
      expect(root.querySelector('nav')).toBeNull();
    });

    it('names the nav, marks the current page and asks for the page before or after', async () => {
      const { root, asked } = await render(2, 3);
      const nav = root.querySelector('nav')!;
      expect(nav.getAttribute('aria-label')).toBe('Pagination');
      expect(names(nav, 'button')).toEqual(['Précédent', 'Suivant']);
      const status = nav.querySelector('[aria-current="page"]')!;
      expect(status.textContent?.trim()).toBe('Page 2 sur 3');
      expect(status.getAttribute('aria-live')).toBe('polite');
      expect(nav.querySelector('a')).toBeNull();

      const [previous, next] = Array.from(nav.querySelectorAll('button'));
      expect(previous.type).toBe('button');
      previous.click();
      next.click();
      expect(asked).toEqual([1, 3]);
    });

    it('has no previous on the first page and no next on the last', async () => {
      const first = await render(1, 3);
      expect(names(first.root, 'button')).toEqual(['Suivant']);
      first.fixture.componentRef.setInput('page', 3);
      await first.fixture.whenStable();
      expect(names(first.root, 'button')).toEqual(['Précédent']);
      expect(
        first.root.querySelector('[aria-current]')?.textContent?.trim(),
      ).toBe('Page 3 sur 3');
    });

    it('takes a stale page past the end back to the last one', async () => {
      const { root, asked } = await render(9, 3);
      expect(names(root, 'button')).toEqual(['Précédent']);
      root.querySelector('button')!.click();
      expect(asked).toEqual([3]);
    });

    it('uses the label given, and speaks English', async () => {
      const { fixture, root } = await render(2, 4, 'en');
      expect(root.querySelector('nav')?.getAttribute('aria-label')).toBe(
        'Pagination',
      );
      expect(names(root, 'button')).toEqual(['Previous', 'Next']);
      expect(root.querySelector('[aria-current]')?.textContent?.trim()).toBe(
        'Page 2 of 4',
      );
      fixture.componentRef.setInput('label', 'Result pages');
      await fixture.whenStable();
      expect(root.querySelector('nav')?.getAttribute('aria-label')).toBe(
        'Result pages',
      );
    });
  });

  describe('with links', () => {
    async function open(url: string) {
      TestBed.configureTestingModule({
        providers: [
          provideRouter([{ path: 'liste', component: LinkedList }]),
          provideCommunesI18nTesting(),
        ],
      });
      const harness = await RouterTestingHarness.create(url);
      return { harness, root: harness.routeNativeElement as HTMLElement };
    }

    function hrefs(root: HTMLElement): (string | null)[] {
      return Array.from(root.querySelectorAll('nav a'), (a) =>
        a.getAttribute('href'),
      );
    }

    it('links to the neighbours, keeping the other parameters and dropping page 1', async () => {
      const { root } = await open('/liste?q=%C3%A9cole&p=2&tri=date');
      expect(names(root, 'nav a')).toEqual(['Précédent', 'Suivant']);
      expect(hrefs(root)).toEqual([
        '/liste?q=%C3%A9cole&tri=date',
        '/liste?q=%C3%A9cole&p=3&tri=date',
      ]);
      expect(
        Array.from(root.querySelectorAll('nav a'), (a) =>
          a.getAttribute('rel'),
        ),
      ).toEqual(['prev', 'next']);
      expect(root.querySelector('nav button')).toBeNull();
    });

    it('has only a next link on the first page, and following it changes the address', async () => {
      const { harness, root } = await open('/liste?q=eau');
      expect(hrefs(root)).toEqual(['/liste?q=eau&p=2']);
      root.querySelector<HTMLAnchorElement>('nav a')!.click();
      await harness.fixture.whenStable();
      expect(TestBed.inject(Router).url).toBe('/liste?q=eau&p=2');
      expect(root.querySelector('[aria-current]')?.textContent?.trim()).toBe(
        'Page 2 sur 3',
      );
      expect(hrefs(root)).toEqual(['/liste?q=eau', '/liste?q=eau&p=3']);
    });
  });
});
