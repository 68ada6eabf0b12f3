export * from './lib/portal.routes';
export * from './lib/commune-directory/commune-directory-page';
