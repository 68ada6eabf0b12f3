import { TestBed } from '@angular/core/testing';
import { provideCommunesI18nTesting } from '../i18n/testing';
import { LoadFailure } from './load-failure';

describe('LoadFailure', () => {
  async function render(error: unknown) {
    TestBed.configureTestingModule({
      providers: [provideCommunesI18nTesting()],
    });
    const fixture = TestBed.createComponent(LoadFailure);
    fixture.componentRef.setInput('heading', 'Impossible d’afficher la page');
    fixture.componentRef.setInput('error', error);
    await fixture.whenStable();
    return fixture;
  }

  it('explains a server failure, keeps the details for support and retries', async () => {
    const fixture = await render({
      status: 503,
      detail: 'Base indisponible.',
      requestId: 'req-1',
    });
    const page = fixture.nativeElement as HTMLElement;
    let retried = 0;
    fixture.componentInstance.retry.subscribe(() => retried++);

    expect(page.querySelector('[role="alert"] h2')?.textContent).toBe(
      'Impossible d’afficher la page',
    );
    expect(page.textContent).toContain(
      'Le service rencontre un problème passager.',
    );
    expect(page.querySelector('details')?.textContent).toContain('req-1');
    page.querySelector('button')?.click();
    expect(retried).toBe(1);
  });

  it('asks to check the connection when nothing answered', async () => {
    const fixture = await render({ status: 0, detail: null, requestId: null });
    const page = fixture.nativeElement as HTMLElement;

    expect(page.textContent).toContain('Vérifiez votre connexion Internet');
    expect(page.querySelector('details')).toBeNull();
  });
});
