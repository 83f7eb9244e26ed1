import { z } from 'zod';

export const languageConfigSchema = z.strictObject({
  /** Home Assistant custom sentence files (YAML) loaded at start, each registered as `import:<file name>`. */
  customSentences: z.array(z.string().min(1)).default([]),
});
