import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { provideCommunesI18nTesting } from '@communes/web-ui';
import en from '../i18n/en.json';
import fr from '../i18n/fr.json';
import { MembersPage } from './members-page';

const settle = () => new Promise((resolve) => setTimeout(resolve));

describe('MembersPage', () => {
  it('invites an editor by default, and still an editor after a first invitation (not an admin)', async () => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([{ path: 'console/:slug/membres', component: MembersPage }]),
        provideCommunesI18nTesting({ console: { fr, en } }),
      ],
    });
    const harness = await RouterTestingHarness.create('/console/cotonou/membres');
    const http = TestBed.inject(HttpTestingController);
    await settle();
    http.expectOne('/api/v1/communes/cotonou/members').flush([]);
    http.expectOne('/api/v1/communes/cotonou/invitations').flush([]);
    await harness.fixture.whenStable();
    const page = harness.routeNativeElement as HTMLElement;
    const email = page.querySelector<HTMLInputElement>('#invite-email')!;
    const role = page.querySelector<HTMLSelectElement>('#invite-role')!;
    expect(role.value).toBe('editor');

    email.value = 'sg@cotonou.bj';
    email.closest('form')!.dispatchEvent(new Event('submit'));
    await settle();
    const invite = http.expectOne({ method: 'POST', url: '/api/v1/communes/cotonou/invitations' });
    expect(invite.request.body).toEqual({ email: 'sg@cotonou.bj', role: 'editor' });
    invite.flush({ token: 't', acceptUrl: 'http://localhost/invitations/t', invitation: {} });
    await settle();
    expect(role.value).toBe('editor');
  });
});
