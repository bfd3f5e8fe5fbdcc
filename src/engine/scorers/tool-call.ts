import { isSubset, jsonEqual, parseArguments } from "../../agent/fixtures.js";
import { callsOf, type TrajectoryCall } from "../../agent/trajectory.js";
import type { CriterionOf, ExpectedToolCall } from "../../config/schema.js";
import type { CriterionScore, ScoreContext } from "../types.js";

type Matches = (made: TrajectoryCall, want: ExpectedToolCall) => boolean;

function matcher(mode: "exact" | "subset"): Matches {
  return (made, want) => {
    if (made.name !== want.name) return false;
    if (want.arguments === undefined) return true;
    const args = parseArguments(made.arguments);
    if (args === undefined) return false;
    return mode === "exact" ? jsonEqual(want.arguments, args) : isSubset(want.arguments, args);
  };
}

/** Most pairs of a one-to-one matching in any order (augmenting paths; lists are short). */
function maxMatching(
  made: readonly TrajectoryCall[],
  want: readonly ExpectedToolCall[],
  ok: Matches,
): number {
  const owner = new Array<number>(want.length).fill(-1);
  const tryAssign = (i: number, seen: boolean[]): boolean => {
    for (let j = 0; j < want.length; j++) {
      const w = want[j];
      if (seen[j] || !w || !ok(made[i] as TrajectoryCall, w)) continue;
      seen[j] = true;
      const o = owner[j] ?? -1;
      if (o < 0 || tryAssign(o, seen)) {
        owner[j] = i;
        return true;
      }
    }
    return false;
  };
  let n = 0;
  for (let i = 0; i < made.length; i++) if (tryAssign(i, new Array<boolean>(want.length).fill(false))) n++;
  return n;
}

/** Most pairs matched in the same order on both sides (longest common subsequence). */
function inOrder(made: readonly TrajectoryCall[], want: readonly ExpectedToolCall[], ok: Matches): number {
  let prev = new Array<number>(want.length + 1).fill(0);
  for (const m of made) {
    const row = [0];
    want.forEach((w, j) => {
      row.push(ok(m, w) ? (prev[j] ?? 0) + 1 : Math.max(prev[j + 1] ?? 0, row[j] ?? 0));
    });
    prev = row;
  }
  return prev[want.length] ?? 0;
}

/**
 * F1 of the calls made against the expected calls: precision over the calls made, recall over
 * the expected ones. Expecting [] passes only when no tool was called.
 */
export function scoreToolCall(c: CriterionOf<"tool_call">, ctx: ScoreContext): CriterionScore {
  const want = c.calls ?? ctx.example.expected_tool_calls ?? [];
  const made = ctx.trajectory ? callsOf(ctx.trajectory) : [];
  const names = (xs: readonly { name: string }[]): string => xs.map((x) => x.name).join(", ") || "none";
  if (want.length === 0) {
    const none = made.length === 0;
    return {
      score: none ? 1 : 0,
      passed: none,
      detail: none ? "no call, as expected" : `expected no call, made: ${names(made)}`,
    };
  }
  const ok = matcher(c.arguments ?? "subset");
  const matched = (c.order === "strict" ? inOrder : maxMatching)(made, want, ok);
  const f1 = matched === 0 ? 0 : (2 * matched) / (made.length + want.length);
  const min = c.min_score ?? 1;
  return {
    score: f1,
    // F1 is 1 exactly when every call matched; the epsilon only absorbs rounding below 1.
    passed: f1 >= min - 1e-9,
    detail: `F1 ${f1.toFixed(2)}: ${matched} of ${want.length} expected matched (${names(want)}), ${made.length} made (${names(made)})`,
  };
}
