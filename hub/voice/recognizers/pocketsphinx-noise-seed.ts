import type { NoiseState } from './pocketsphinx-noise.js';

/**
 * The noise estimate every pocketsphinx pass starts from (en-us model, 25 mel filters): the front end's estimate
 * at the end of 20 clean espeak-ng commands (en-us@160, en-gb@175, en-us+m3@145, en-us+f3@185), as the hub's VAD
 * hands them on, per filter the geometric mean. Measured with bench/voice-noise-seed.ts (BENCHMARKS.md, "Voice:
 * deterministic decodes from a fixed noise estimate"); after real people's coffee orders the estimate is in the same
 * range. A seed including a quiet room's white noise (10–50× higher in the low filters) changed how the first command
 * of a fresh source was heard ("turn on the light" → "… lights", test/integration/wyoming-satellite).
 * The estimate falls by half per frame towards a quieter room and rises slowly towards a louder one.
 */
export const NOISE_SEED: NoiseState = {
  power: [
    0.01662, 0.03167, 0.04992, 0.06558, 0.07592, 0.1076, 0.1448, 0.1956, 0.2369, 0.2845, 0.4216, 0.5087, 0.6247, 0.8405,
    0.8671, 1.169, 1.369, 1.657, 1.942, 2.271, 2.642, 3.284, 3.556, 3.685, 4.587,
  ],
  noise: [
    0.01704, 0.03553, 0.05718, 0.07796, 0.07628, 0.1032, 0.1283, 0.1857, 0.2161, 0.2704, 0.3742, 0.4486, 0.5644, 0.7202,
    0.8155, 1.077, 1.295, 1.516, 1.858, 2.178, 2.509, 3.113, 3.386, 3.404, 4.189,
  ],
  floor: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1.001],
  peak: [
    63.92, 183.4, 305.9, 359.4, 237.2, 208.1, 168.9, 115.1, 129.4, 184, 131.7, 96.4, 157.3, 82.68, 132.3, 551.4, 301.1,
    390.7, 354, 274.3, 247.1, 378, 403.4, 163, 197.3,
  ],
  slowPeakSum: 20.156,
};
