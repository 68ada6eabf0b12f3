import { isDevMode } from '@angular/core';
import { bootstrapApplication } from '@angular/platform-browser';
import { registerServiceWorker } from '@communes/web-pwa/register';
import { appConfig } from './app/app.config';
import { App } from './app/app';

bootstrapApplication(App, appConfig).catch((err) => console.error(err));
registerServiceWorker({ production: !isDevMode() });
