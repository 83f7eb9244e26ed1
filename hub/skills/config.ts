import { z } from 'zod';

export const skillsConfigSchema = z.strictObject({
  callTimeoutMs: z.number().int().min(50).max(60_000).default(2000),
});
export type SkillsConfig = z.infer<typeof skillsConfigSchema>;
