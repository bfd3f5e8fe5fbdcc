import { parseArguments } from "../../agent/fixtures.js";
import { declaredTools } from "../../agent/tools.js";
import { callsOf, type TrajectoryCall } from "../../agent/trajectory.js";
import type { CriterionOf } from "../../config/schema.js";
import type { CriterionScore, ScoreContext } from "../types.js";
import { firstCause, validatorFor } from "./json-schema.js";

/** Why a call's arguments are not acceptable, or undefined when they are. */
function problem(call: TrajectoryCall, declared: ReturnType<typeof declaredTools>): string | undefined {
  if (!declared.has(call.name)) return `${call.name}: not a declared tool`;
  const args = parseArguments(call.arguments);
  if (args === undefined) return `${call.name}: arguments are not a JSON object`;
  const schema = declared.get(call.name);
  if (!schema) return undefined;
  const result = validatorFor(schema).validate(args);
  if (result.valid) return undefined;
  const e = firstCause(result.errors);
  return `${call.name}: ${e ? `${e.instanceLocation}: ${e.error}` : "invalid arguments"}`;
}

/** Every call names a declared tool and its arguments validate against that tool's parameters. */
export function scoreToolArgsValid(_c: CriterionOf<"tool_args_valid">, ctx: ScoreContext): CriterionScore {
  const calls = ctx.trajectory ? callsOf(ctx.trajectory) : [];
  if (calls.length === 0) return { score: 1, passed: true, detail: "no tool calls" };
  const declared = declaredTools(ctx.tools);
  const problems = calls.map((call) => problem(call, declared)).filter((p) => p !== undefined);
  const valid = calls.length - problems.length;
  return {
    score: valid / calls.length,
    passed: problems.length === 0,
    detail:
      problems.length === 0
        ? `${calls.length} call(s) valid`
        : `${valid}/${calls.length} valid; ${problems[0] ?? ""}`,
  };
}
