import { isDevMode } from '@angular/core';
import { bootstrapApplication } from '@angular/platform-browser';
import { registerServiceWorker } from '@communes/web-pwa/register';
import { appConfig } from './app/app.config';
import { App } from './app/app';

const app = bootstrapApplication(App, appConfig);
app.catch((err) => console.error(err));
// Once the app has taken the page over (see registerServiceWorker).
registerServiceWorker({
  production: !isDevMode(),
  after: app.then((ref) => ref.whenStable()),
});
