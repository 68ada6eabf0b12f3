import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { authRoutes } from './auth.routes';

@Component({ template: 'home' })
class Home {}

describe('authRoutes', () => {
  it('leave the home page to the routes after them', async () => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([...authRoutes, { path: '', component: Home }])],
    });
    const router = TestBed.inject(Router);
    await router.navigateByUrl('/');
    expect(router.routerState.snapshot.root.firstChild?.component).toBe(Home);
  });
});
