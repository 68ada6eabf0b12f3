import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { AuthSession, type CurrentUser } from '../session/auth-session';
import { communeMemberGuard, platformRoleGuard } from './role.guards';

@Component({ template: 'page' })
class Page {}

function setUp(user: CurrentUser | null): Router {
  TestBed.configureTestingModule({
    providers: [
      provideHttpClient(),
      provideHttpClientTesting(),
      provideRouter([
        { path: 'ancb', canActivate: [platformRoleGuard('platform_admin')], component: Page },
        { path: 'console/:slug', canActivate: [communeMemberGuard()], children: [{ path: 'membres', canActivate: [communeMemberGuard('admin')], component: Page }, { path: '', component: Page }] },
        { path: 'connexion', component: Page },
        { path: 'acces-refuse', component: Page },
      ]),
    ],
  });
  const session = TestBed.inject(AuthSession);
  jest.spyOn(session, 'whenReady').mockResolvedValue();
  jest.spyOn(session, 'signedIn').mockReturnValue(user !== null);
  jest.spyOn(session, 'platformRole').mockReturnValue(user?.platformRole ?? null);
  jest.spyOn(session, 'memberships').mockReturnValue(user?.memberships ?? []);
  return TestBed.inject(Router);
}

const editor: CurrentUser = {
  id: 'u',
  displayName: 'Ed',
  email: null,
  phone: null,
  platformRole: null,
  memberships: [{ communeId: 'c', communeSlug: 'cotonou', communeName: 'Cotonou', role: 'editor' }],
};

describe('role guards', () => {
  it('sends a signed-out visitor to the login page, coming back after', async () => {
    const router = setUp(null);
    await router.navigateByUrl('/ancb');
    expect(router.url).toBe('/connexion?retour=%2Fancb');
  });

  it('shows the access refused screen for a role that may not enter, keeping the address', async () => {
    const router = setUp(editor);
    await router.navigateByUrl('/ancb');
    expect(router.url).toBe('/acces-refuse?page=%2Fancb'); // the browser's address stays /ancb (skipLocationChange)
    expect(router.routerState.snapshot.root.firstChild?.routeConfig?.path).toBe('acces-refuse');
  });

  it('lets commune staff into their own console only, and members pages only for admins', async () => {
    const router = setUp(editor);
    await router.navigateByUrl('/console/cotonou');
    expect(router.routerState.snapshot.root.firstChild?.routeConfig?.path).toBe('console/:slug');
    await router.navigateByUrl('/console/porto-novo');
    expect(router.routerState.snapshot.root.firstChild?.routeConfig?.path).toBe('acces-refuse');
    await router.navigateByUrl('/console/cotonou/membres');
    expect(router.routerState.snapshot.root.firstChild?.routeConfig?.path).toBe('acces-refuse');
  });
});
