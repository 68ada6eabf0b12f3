import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { AppLinks } from './app-links.directive';

@Component({ template: '' })
class Page {}

@Component({
  imports: [AppLinks],
  template: `
    <nav cpAppLinks>
      <a id="page" href="/communes/cotonou?onglet=budget">Cotonou</a>
      <a id="api" href="/api/v1/open-data/ocds.json">OCDS</a>
      <a id="download" href="/communes" download>Fichier</a>
      <a id="tab" href="/communes" target="_blank">Onglet</a>
      <a id="other" href="https://example.org/">Ailleurs</a>
      <a id="nested" href="/recherche"><span>Recherche</span></a>
    </nav>
  `,
})
class Host {}

describe('AppLinks', () => {
  function setup() {
    TestBed.configureTestingModule({
      providers: [provideRouter([{ path: '**', component: Page }])],
    });
    const fixture = TestBed.createComponent(Host);
    fixture.detectChanges();
    const router = TestBed.inject(Router);
    const navigateByUrl = jest
      .spyOn(router, 'navigateByUrl')
      .mockResolvedValue(true);
    const click = (selector: string, init: MouseEventInit = {}) => {
      const target = (fixture.nativeElement as HTMLElement).querySelector(
        selector,
      );
      const event = new MouseEvent('click', {
        bubbles: true,
        cancelable: true,
        button: 0,
        ...init,
      });
      target?.dispatchEvent(event);
      return event;
    };
    return { navigateByUrl, click };
  }

  it('follows a plain click on a link to an app page with the router', () => {
    const { navigateByUrl, click } = setup();
    const event = click('#page');
    expect(event.defaultPrevented).toBe(true);
    expect(navigateByUrl).toHaveBeenCalledWith(
      '/communes/cotonou?onglet=budget',
    );
  });

  it('follows a click on an element inside the link', () => {
    const { navigateByUrl, click } = setup();
    click('#nested span');
    expect(navigateByUrl).toHaveBeenCalledWith('/recherche');
  });

  it("leaves to the browser: the API's paths, downloads, other targets, other sites, modified clicks", () => {
    const { navigateByUrl, click } = setup();
    const events = [
      click('#api'),
      click('#download'),
      click('#tab'),
      click('#other'),
      click('#page', { ctrlKey: true }),
      click('#page', { metaKey: true }),
      click('#page', { shiftKey: true }),
      click('#page', { button: 1 }),
    ];
    expect(navigateByUrl).not.toHaveBeenCalled();
    expect(events.map((e) => e.defaultPrevented)).toEqual(
      events.map(() => false),
    );
  });
});
