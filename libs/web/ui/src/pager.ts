// The pager alone, not in the main barrel: the portal's first chunk imports that barrel, and
// every component it re-exports would then travel with the home page (see README).
export * from './lib/pager/pager';
