import { provideHttpClient, withFetch } from '@angular/common/http';
import {
  HttpTestingController,
  provideHttpClientTesting,
} from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { NavigationEnd, provideRouter, Router } from '@angular/router';
import { filter, firstValueFrom } from 'rxjs';
import type { CommuneList } from '@communes/shared-contracts';
import { provideCommunesI18nTesting } from '@communes/web-ui';
import { App, sectionOf } from './app';
import { appRoutes } from './app.routes';

const list: CommuneList = {
  items: [
    {
      id: 'cotonou-id',
      slug: 'cotonou',
      name: 'Cotonou',
      department: 'Littoral',
      country: 'BJ',
      status: 'active',
      isPilot: true,
    },
  ],
  total: 1,
};

describe('App', () => {
  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [App],
      providers: [
        provideRouter(appRoutes),
        provideHttpClient(withFetch()),
        provideHttpClientTesting(),
        // Root texts only: the portal's scope loads through its inline loader, as in the app.
        provideCommunesI18nTesting(),
      ],
    });
  });

  it('renders the shell: skip link, header with tagline, main content, footer', async () => {
    const fixture = TestBed.createComponent(App);
    await fixture.whenStable();
    const shell = fixture.nativeElement as HTMLElement;

    const skipLink = shell.querySelector<HTMLAnchorElement>('a.skip-link');
    expect(skipLink?.textContent?.trim()).toBe('Aller au contenu');
    expect(skipLink?.getAttribute('href')).toBe('#contenu');
    expect(shell.querySelector('header')?.textContent).toContain('Communes+');
    expect(shell.querySelector('header')?.textContent).toContain(
      'Transparence et participation dans les communes du Bénin',
    );
    expect(shell.querySelector('main#contenu')).not.toBeNull();
    expect(shell.querySelector('footer')).not.toBeNull();
  });

  it('moves focus to the main content from the skip link', async () => {
    const fixture = TestBed.createComponent(App);
    await fixture.whenStable();
    const shell = fixture.nativeElement as HTMLElement;
    document.body.appendChild(shell);

    shell.querySelector<HTMLAnchorElement>('a.skip-link')?.click();

    expect(document.activeElement).toBe(shell.querySelector('main'));
    shell.remove();
  });

  it('opens on the national home page at the root', async () => {
    const fixture = TestBed.createComponent(App);
    await TestBed.inject(Router).navigateByUrl('/');
    fixture.detectChanges(); // renders the home page, whose resources send their requests
    const http = TestBed.inject(HttpTestingController);
    http.expectOne('/api/v1/communes').flush(list);
    for (const request of http.match((r) => r.url === '/api/v1/search')) {
      request.flush({
        hits: [],
        total: 3,
        exhaustive: true,
        page: 1,
        pageSize: 1,
        facets: {
          communes: [],
          departments: [],
          kinds: [],
          categories: [],
          fiscalYears: [],
        },
      });
    }
    await fixture.whenStable();
    const main = (fixture.nativeElement as HTMLElement).querySelector('main');

    expect(main?.querySelector('h1')?.textContent).toBe(
      'Ce que fait votre commune, au grand jour',
    );
    expect(main?.querySelector('form[role="search"]')).not.toBeNull();
    expect(document.title).toBe('Accueil · Communes+');
  });

  it('lazy-loads the directory of communes, in French', async () => {
    const fixture = TestBed.createComponent(App);
    await TestBed.inject(Router).navigateByUrl('/communes');
    fixture.detectChanges(); // renders the lazy-loaded page, whose resource sends the request
    TestBed.inject(HttpTestingController)
      .expectOne('/api/v1/communes')
      .flush(list);
    await fixture.whenStable();
    const main = (fixture.nativeElement as HTMLElement).querySelector('main');

    expect(main?.querySelector('h1')?.textContent).toBe(
      'Annuaire des communes',
    );
    expect(main?.textContent).toContain('Cotonou');
    expect(document.title).toBe('Annuaire des communes · Communes+');
  });

  it('has the main navigation and a language switch', async () => {
    const fixture = TestBed.createComponent(App);
    await fixture.whenStable();
    const shell = fixture.nativeElement as HTMLElement;

    const nav = shell.querySelector('nav.main-nav');
    expect(nav?.getAttribute('aria-label')).toBe('Navigation principale');
    expect(
      Array.from(nav?.querySelectorAll('a') ?? [], (a) => [
        a.textContent?.trim(),
        a.getAttribute('href'),
      ]),
    ).toEqual([
      ['Accueil', '/'],
      ['Communes', '/communes'],
      ['Recherche', '/recherche'],
      ['Bonnes pratiques', '/bonnes-pratiques'],
    ]);
    expect(shell.querySelector('cp-language-switch button')).not.toBeNull();
  });

  it('marks the menu entry of the page being shown, and follows the navigation', async () => {
    const fixture = TestBed.createComponent(App);
    const router = TestBed.inject(Router);
    await router.navigateByUrl('/communes');
    fixture.detectChanges();
    const current = () =>
      Array.from(
        (fixture.nativeElement as HTMLElement).querySelectorAll(
          'nav.main-nav a[aria-current="page"]',
        ),
        (a) => [a.getAttribute('href'), a.classList.contains('active')],
      );
    expect(current()).toEqual([['/communes', true]]);

    // A click on a menu link is followed by the router, without reloading the page.
    const ended = firstValueFrom(
      router.events.pipe(filter((event) => event instanceof NavigationEnd)),
    );
    (fixture.nativeElement as HTMLElement)
      .querySelector<HTMLAnchorElement>('nav.main-nav a[href="/recherche"]')
      ?.click();
    await ended;
    expect(router.url).toBe('/recherche');
    fixture.detectChanges();
    expect(current()).toEqual([['/recherche', true]]);
  });
});

describe('sectionOf', () => {
  it('gives the menu entry of a path, the home page only for itself', () => {
    expect(sectionOf('/')).toBe('home');
    expect(sectionOf('/?utm_source=x')).toBe('home');
    expect(sectionOf('/communes')).toBe('communes');
    expect(sectionOf('/communes/cotonou/budget')).toBe('communes');
    expect(sectionOf('/recherche?q=budget')).toBe('search');
    expect(sectionOf('/bonnes-pratiques/')).toBe('goodPractices');
    expect(sectionOf('/connexion')).toBeNull();
    expect(sectionOf('/communesx')).toBeNull();
  });
});
