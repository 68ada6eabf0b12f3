import {
  bootstrapApplication,
  type BootstrapContext,
} from '@angular/platform-browser';
import { App } from './app/app';
import { serverConfig } from './app/app.config.server';

/** The app as rendered on the server (see server.ts); the browser boots main.ts. */
const bootstrap = (context: BootstrapContext) =>
  bootstrapApplication(App, serverConfig, context);

export default bootstrap;
