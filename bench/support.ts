/** Tiny benchmark helpers: a seeded generator and a median timer. */

/** Mulberry32: a small, seeded PRNG so benchmark data are the same on every run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Runs `f` `runs` times after `warmup` runs and returns the median wall time in milliseconds. */
export async function medianMs(f: () => unknown, runs = 15, warmup = 3): Promise<number> {
  for (let i = 0; i < warmup; i++) await f();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await f();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

/** Prints one figure as an aligned line: name, value, unit, goal. */
export function report(name: string, value: number, unit: string, goal?: string): void {
  console.log(
    `${name.padEnd(58)} ${value.toFixed(value < 10 ? 2 : 1).padStart(10)} ${unit}${goal ? `   (goal ${goal})` : ""}`,
  );
}
