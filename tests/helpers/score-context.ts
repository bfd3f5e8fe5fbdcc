import type { ScoreContext } from "../../src/engine/types.js";

export function ctx(output: string, expected?: unknown, latencyMs = 100): ScoreContext {
  return {
    output,
    latencyMs,
    example: { id: "t1", input: {}, line: 1, ...(expected !== undefined ? { expected } : {}) },
  };
}
