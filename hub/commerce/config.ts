import { z } from 'zod';

export const commerceConfigSchema = z.strictObject({
  marketplaceUrl: z.string().url().optional(),
});
export type CommerceConfig = z.infer<typeof commerceConfigSchema>;
