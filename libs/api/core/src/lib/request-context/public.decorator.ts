import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC_KEY = 'communes:isPublic';

/** Opens a route to anonymous callers. Every other route requires a valid access token. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC_KEY, true);
