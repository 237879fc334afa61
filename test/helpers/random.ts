// The one seeded generator (mulberry32) of the tests and scripts: the truth-set draws (scripts/truth/draw.ts: cells to
// label; pick-held-out.ts: documents of a held-out list), so a seed written in a record's notes repeats its draw
// exactly, and the property tests of test/model/decimal.test.ts, so a failure names its seed and repeats.

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
