import { z } from 'zod';
import { FacetSchema } from './facets.ts';
import { TextbookSchema } from './textbook.ts';
import { LessonSchema } from './lesson.ts';
import { SectionSchema } from './section.ts';
import { ChannelSchema, TimetableSlotSchema } from './channel.ts';
import { ProviderSchema } from './provider.ts';
import { PackagedAssetSchema } from './asset.ts';

/** A whole catalogue as one document: what importers and the demo generator produce and the API loads. */
export const CatalogueSchema = z.object({
  facets: z.array(FacetSchema),
  providers: z.array(ProviderSchema),
  textbooks: z.array(TextbookSchema),
  sections: z.array(SectionSchema),
  lessons: z.array(LessonSchema),
  channels: z.array(ChannelSchema),
  slots: z.array(TimetableSlotSchema),
  assets: z.array(PackagedAssetSchema),
});
export type Catalogue = z.infer<typeof CatalogueSchema>;
