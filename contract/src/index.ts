// The API contract's only public entry point: the zod schemas the content API validates with and builds its
// OpenAPI document from, and the types they infer. Clients that must stay free of zod (the TV app) import
// types only (`import type { LessonSummary } from '@ketang/contract'`).
export * from './schemas/shared.schema.ts';
export * from './schemas/section.schema.ts';
export * from './schemas/channel.schema.ts';
export * from './schemas/facet.schema.ts';
export * from './schemas/home.schema.ts';
export * from './schemas/lesson.schema.ts';
export * from './schemas/search.schema.ts';
export * from './schemas/device.schema.ts';
export * from './schemas/operator.schema.ts';
export * from './schemas/operator-answer.schema.ts';
export * from './schemas/family.schema.ts';
export * from './schemas/progress.schema.ts';
export * from './schemas/report.schema.ts';
export * from './schemas/image.schema.ts';
export * from './schemas/image-sizes.ts';
export * from './schemas/profile-home.schema.ts';
export * from './schemas/region-settings.schema.ts';
export * from './schemas/release.schema.ts';
export * from './schemas/home-layout.schema.ts';
export * from './schemas/timetable-import.schema.ts';
export * from './schemas/activation.schema.ts';
export * from './schemas/carrier-config.schema.ts';
export * from './schemas/dashboard.schema.ts';
export * from './schemas/dashboard-keys.ts';
export * from './schemas/packaging.schema.ts';
