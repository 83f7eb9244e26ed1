import { z } from 'zod';

export const voiceConfigSchema = z.strictObject({
  recognizer: z.enum(['auto', 'pocketsphinx', 'vosk', 'text']).default('auto'),
});
export type VoiceConfig = z.infer<typeof voiceConfigSchema>;
