import { Foundation1763800000000 } from './1763800000000-foundation.migration';

/** Every migration, in order. Migrations run as the owner role, never `synchronize`. */
export const MIGRATIONS = [Foundation1763800000000];
