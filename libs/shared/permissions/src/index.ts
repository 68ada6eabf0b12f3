export * from './lib/actor';
export * from './lib/app-ability';
export * from './lib/ability.factory';
