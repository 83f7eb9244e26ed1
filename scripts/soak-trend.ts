/** RSS trend of a soak run: least-squares slope over the samples after the warm-up. */

export interface RssSample {
  atMs: number;
  rssBytes: number;
}

export interface RssTrend {
  samples: number;
  /** Samples before this time (ms from start) are warm-up and not fitted. */
  fittedFromMs: number;
  meanMb: number;
  firstMb: number;
  lastMb: number;
  maxMb: number;
  slopeKbPerMin: number;
  /** slope × fitted duration, relative to the mean: how much the line grows over the run. */
  growthPercent: number;
  /** true when the fitted line grows by more than `thresholdPercent` of the mean over the run. */
  growing: boolean;
}

export function fitRssTrend(samples: readonly RssSample[], warmupFraction = 0.2, thresholdPercent = 5): RssTrend {
  const end = samples.at(-1)?.atMs ?? 0;
  const fittedFromMs = end * warmupFraction;
  const fitted = samples.filter((s) => s.atMs >= fittedFromMs);
  const n = fitted.length;
  const mb = (b: number) => Math.round((b / 1048576) * 10) / 10;
  if (n < 2) {
    return {
      samples: samples.length,
      fittedFromMs,
      meanMb: NaN,
      firstMb: NaN,
      lastMb: NaN,
      maxMb: NaN,
      slopeKbPerMin: NaN,
      growthPercent: NaN,
      growing: false,
    };
  }
  const meanX = fitted.reduce((a, s) => a + s.atMs, 0) / n;
  const meanY = fitted.reduce((a, s) => a + s.rssBytes, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (const s of fitted) {
    sxy += (s.atMs - meanX) * (s.rssBytes - meanY);
    sxx += (s.atMs - meanX) ** 2;
  }
  const slopeBytesPerMs = sxx === 0 ? 0 : sxy / sxx;
  const span = fitted[n - 1]!.atMs - fitted[0]!.atMs;
  const growthPercent = Math.round(((slopeBytesPerMs * span) / meanY) * 1000) / 10;
  return {
    samples: samples.length,
    fittedFromMs: Math.round(fittedFromMs),
    meanMb: mb(meanY),
    firstMb: mb(fitted[0]!.rssBytes),
    lastMb: mb(fitted[n - 1]!.rssBytes),
    maxMb: mb(Math.max(...fitted.map((s) => s.rssBytes))),
    slopeKbPerMin: Math.round((slopeBytesPerMs * 60_000) / 1024),
    growthPercent,
    growing: growthPercent > thresholdPercent,
  };
}
