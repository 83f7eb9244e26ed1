import { describe, expect, it } from 'vitest';
import { fitOverPhones } from './pocketsphinx-fit.js';

const seg = (word: string, start: number, end: number, acoustic: number) => ({ word, start, end, acoustic });

describe('fitOverPhones', () => {
  // Free phones over 100 frames: 10 of silence, 80 of speech at -20 a frame, 10 of silence.
  const phones = [
    seg('<sil>', 500, 509, -50),
    seg('hearth-junk-aa', 510, 549, -800),
    seg('(NULL)', 549, 549, 0),
    seg('hearth-junk-k', 550, 589, -800),
    seg('<sil>', 590, 599, -50),
  ];

  it('compares the words with the free phones over the same frames, whatever the passes are numbered from', () => {
    const words = [
      seg('<sil>', 0, 9, -50),
      seg('lock', 10, 49, -1000),
      seg('door', 50, 89, -600),
      seg('<sil>', 90, 99, -50),
    ];
    const { fit, coverage } = fitOverPhones(words, phones);
    expect(fit).toBeCloseTo((-1600 + 1600) / 80);
    expect(coverage).toBe(1);
    // Each word on its own frames: "lock" fits worse than free phones there, "door" better.
    expect(fitOverPhones(words, phones).words).toEqual([
      { word: 'lock', fit: -5, frames: 40 },
      { word: 'door', fit: 5, frames: 40 },
    ]);
    expect(fitOverPhones(words, phones).worstWord).toBe(-5);
  });

  it('speech the words leave to fillers lowers the coverage, not the fit', () => {
    const words = [
      seg('<sil>', 0, 9, -50),
      seg('[SPEECH]', 10, 69, -1100),
      seg('cancel', 70, 89, -400),
      seg('<sil>', 90, 99, -50),
    ];
    const { fit, coverage } = fitOverPhones(words, phones);
    expect(fit).toBeCloseTo(0);
    expect(coverage).toBeCloseTo(20 / 80);
    expect(fitOverPhones(words, phones).uncovered).toBe(60);
  });

  it('no words at all fit nothing', () => {
    expect(fitOverPhones([seg('<sil>', 0, 99, -900)], phones)).toEqual({
      fit: -Infinity,
      coverage: 0,
      uncovered: 80,
      worstWord: Infinity,
      words: [],
    });
  });
});
