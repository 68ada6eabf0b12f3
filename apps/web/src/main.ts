import { isDevMode } from '@angular/core';
import { bootstrapApplication } from '@angular/platform-browser';
import { registerServiceWorker } from '@communes/web-pwa/register';
import { appConfig } from './app/app.config';
import { App } from './app/app';

// Started in a task of its own, after the one that evaluated the scripts: on a slow phone each
// is shorter than the two together, so a tap made meanwhile is handled sooner (the page is
// already drawn by the server, and taps made before the app takes over are replayed).
setTimeout(() =>
  bootstrapApplication(App, appConfig).catch((err) => console.error(err)),
);
registerServiceWorker({ production: !isDevMode() });
