import { z } from 'zod';

export const languageConfigSchema = z.strictObject({
  /** Home Assistant custom sentence files (YAML) loaded at start, each registered as `import:<file name>`. */
  customSentences: z.array(z.string().min(1)).default([]),
  /** Read requests no sentence fits as parts in any order (hub/language/parts/); false: sentences only. */
  secondStage: z.boolean().default(true),
  /** How sure a reading of the parts must be to be acted on; below it the hub asks instead. */
  acceptConfidence: z.number().min(0.5).max(0.95).default(0.7),
});
