/** Examples the base marks `must_pass: true`: one failure in any repeat fails the gate. Pure. */
import type { ExampleResult } from "../engine/runner.js";
import type { ShownInput } from "./flipped.js";

export interface MustPassExample {
  id: string;
  /** Repeats of it the challenger failed, of those it answered or was charged for. */
  failed: number;
  of: number;
  /** The criteria it failed (in any repeat). */
  criteria: string[];
  input: Record<string, unknown>;
  /** The first failing answer ("" when the request itself errored and was counted as a failure). */
  output: string;
  /** The error, when the failure was a refused request (src/compare/error-kinds.ts). */
  error?: string;
}

/** The must_pass examples the challenger failed on any gating criterion in any repeat, in eval-set order. */
export function mustPassFailures(
  challenger: readonly ExampleResult[],
  mustPass: ReadonlySet<string>,
  criteria: readonly string[],
  inputs: ReadonlyMap<string, ShownInput>,
): MustPassExample[] {
  const byId = new Map<
    string,
    { failed: number; of: number; criteria: Set<string>; first?: ExampleResult }
  >();
  for (const r of challenger) {
    if (!mustPass.has(r.id) || r.status !== "ok") continue;
    const t = byId.get(r.id) ?? { failed: 0, of: 0, criteria: new Set<string>() };
    t.of++;
    const missed = criteria.filter((name) => r.criteria[name]?.passed === false);
    if (missed.length > 0) {
      t.failed++;
      for (const name of missed) t.criteria.add(name);
      t.first ??= r;
    }
    byId.set(r.id, t);
  }
  const order = [...inputs.keys()];
  const rank = (id: string): number => {
    const i = order.indexOf(id);
    return i < 0 ? order.length : i;
  };
  return [...byId]
    .filter(([, t]) => t.failed > 0)
    .sort(([a], [b]) => rank(a) - rank(b))
    .map(([id, t]) => ({
      id,
      failed: t.failed,
      of: t.of,
      criteria: [...t.criteria],
      input: inputs.get(id)?.input ?? {},
      output: t.first?.output ?? "",
      ...(t.first?.charged_error && t.first.error ? { error: t.first.error.message } : {}),
    }));
}
