import type { ScoreContext } from "../../src/engine/types.js";

/** A ScoreContext for one output of example "t1"; `expected` left out means the example has none. */
export function ctx(output: string, expected?: unknown, latencyMs = 100): ScoreContext {
  return { output, latencyMs, example: { id: "t1", input: {}, line: 1, expected } };
}
