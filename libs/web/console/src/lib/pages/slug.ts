import { inject } from '@angular/core';
import { ActivatedRoute } from '@angular/router';
import { communeSlugOf } from '@communes/web-auth';

/** The `:slug` of the console's parent route (child routes do not inherit params). */
export function injectCommuneSlug(): string {
  return communeSlugOf(inject(ActivatedRoute).snapshot) ?? '';
}
