import { callsOf, toolPath } from "../../agent/trajectory.js";
import type { CriterionOf } from "../../config/schema.js";
import type { CriterionScore, ScoreContext } from "../types.js";

/** Whether `sequence` appears in `path` in order, other calls allowed between. */
export function containsInOrder(path: readonly string[], sequence: readonly string[]): boolean {
  let next = 0;
  for (const name of path) if (name === sequence[next]) next++;
  return next >= sequence.length;
}

/** Checks the shape of what the agent did; the score is the share of checks met, and all must be met to pass. */
export function scoreTrajectory(c: CriterionOf<"trajectory">, ctx: ScoreContext): CriterionScore {
  const path = ctx.trajectory ? toolPath(ctx.trajectory) : [];
  const steps = ctx.trajectory?.steps.length ?? 1;
  const calls = ctx.trajectory ? callsOf(ctx.trajectory).length : 0;
  if (c.when_called !== undefined && !path.includes(c.when_called))
    return { score: 1, passed: true, detail: `not applicable: ${c.when_called} not called` };
  const failures: string[] = [];
  let checks = 0;
  for (const name of c.must_call ?? []) {
    checks++;
    if (!path.includes(name)) failures.push(`${name} not called`);
  }
  for (const name of c.must_not_call ?? []) {
    checks++;
    if (path.includes(name)) failures.push(`${name} called`);
  }
  if (c.sequence) {
    checks++;
    if (!containsInOrder(path, c.sequence)) failures.push(`not in order ${c.sequence.join(" → ")}`);
  }
  if (c.max_steps !== undefined) {
    checks++;
    if (steps > c.max_steps) failures.push(`${steps} steps > ${c.max_steps}`);
  }
  if (c.max_tool_calls !== undefined) {
    checks++;
    if (calls > c.max_tool_calls) failures.push(`${calls} calls > ${c.max_tool_calls}`);
  }
  const shown = path.length > 0 ? path.join(" → ") : "no calls";
  return {
    score: checks === 0 ? 1 : (checks - failures.length) / checks,
    passed: failures.length === 0,
    detail: failures.length === 0 ? `ok: ${shown}` : `${failures.join("; ")} (path: ${shown})`,
  };
}
