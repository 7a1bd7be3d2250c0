// The catalogue domain's only public entry point.
export * from './model/common.ts';
export * from './model/facets.ts';
export * from './model/textbook.ts';
export * from './model/asset.ts';
export * from './model/lesson.ts';
export * from './model/section.ts';
export * from './model/channel.ts';
export * from './model/provider.ts';
export * from './model/playability.ts';
export * from './model/catalogue.ts';
