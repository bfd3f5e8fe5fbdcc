import type { ExampleResult } from "../engine/runner.js";
import { callsOf, toolPath, unmatchedCalls } from "./trajectory.js";

export const START = "start";
export const END = "end";

/** One side's tool use over its scored samples. */
export interface ToolUse {
  /** Scored samples that carry a trajectory. */
  samples: number;
  /** Tool name -> calls over every sample. */
  calls: Record<string, number>;
  mean_steps: number;
  unmatched: number;
  /** "from\u0000to" -> transitions over every sample, start → tools → end. */
  transitions: Map<string, number>;
}

export const cell = (from: string, to: string): string => `${from}\u0000${to}`;

/** Tool-use figures of one run; undefined when no scored sample has a trajectory (not an agent). */
export function toolUseOf(results: readonly ExampleResult[]): ToolUse | undefined {
  const traced = results.filter((r) => r.status === "ok" && r.trajectory);
  if (traced.length === 0) return undefined;
  const use: ToolUse = {
    samples: traced.length,
    calls: {},
    mean_steps: 0,
    unmatched: 0,
    transitions: new Map(),
  };
  let steps = 0;
  for (const r of traced) {
    const t = r.trajectory;
    if (!t) continue;
    steps += t.steps.length;
    use.unmatched += unmatchedCalls(t);
    for (const c of callsOf(t)) use.calls[c.name] = (use.calls[c.name] ?? 0) + 1;
    const path = [START, ...toolPath(t), END];
    for (let i = 0; i + 1 < path.length; i++) {
      const key = cell(path[i] ?? START, path[i + 1] ?? END);
      use.transitions.set(key, (use.transitions.get(key) ?? 0) + 1);
    }
  }
  use.mean_steps = steps / traced.length;
  return use;
}

/** A transition's share of samples: sides of different sizes compare fairly. */
export function rate(use: ToolUse | undefined, from: string, to: string): number {
  if (!use || use.samples === 0) return 0;
  return (use.transitions.get(cell(from, to)) ?? 0) / use.samples;
}

/** The `limit` cells whose rate changed most between the sides (ties in first-seen order), changed cells only. */
export function mostChanged(
  champion: ToolUse | undefined,
  challenger: ToolUse | undefined,
  limit = 3,
): Set<string> {
  if (!champion || !challenger) return new Set();
  const keys = new Set([...champion.transitions.keys(), ...challenger.transitions.keys()]);
  const changes = [...keys]
    .map((k) => {
      const [from = "", to = ""] = k.split("\u0000");
      return { k, d: Math.abs(rate(challenger, from, to) - rate(champion, from, to)) };
    })
    .filter((x) => x.d > 1e-12)
    .sort((a, b) => b.d - a.d);
  return new Set(changes.slice(0, limit).map((x) => x.k));
}
