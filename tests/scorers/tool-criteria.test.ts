import { describe, expect, test } from "vitest";
import type { Trajectory } from "../../src/agent/trajectory.js";
import { Criterion, type CriterionOf, type ExpectedToolCall } from "../../src/config/schema.js";
import type { ToolDefinition } from "../../src/engine/request.js";
import { scoreCriterion } from "../../src/engine/scorers/index.js";
import { scoreToolArgsValid } from "../../src/engine/scorers/tool-args-valid.js";
import { scoreToolCall } from "../../src/engine/scorers/tool-call.js";
import { containsInOrder, scoreTrajectory } from "../../src/engine/scorers/trajectory.js";
import type { ScoreContext } from "../../src/engine/types.js";

/** A trajectory of one call per step, then a text answer. */
function path(...calls: [string, Record<string, unknown>?][]): Trajectory {
  return {
    steps: [
      ...calls.map(([name, args]) => ({ tool_calls: [{ name, arguments: JSON.stringify(args ?? {}) }] })),
      { tool_calls: [] },
    ],
    final: "done",
  };
}

const tools: ToolDefinition[] = [
  {
    type: "function",
    function: {
      name: "lookup_order",
      parameters: {
        type: "object",
        properties: { order_id: { type: "string", pattern: "^A[0-9]+$" } },
        required: ["order_id"],
        additionalProperties: false,
      },
    },
  },
  { type: "function", function: { name: "ping" } },
];

function ctxOf(trajectory: Trajectory, expected?: ExpectedToolCall[]): ScoreContext {
  return {
    output: trajectory.final,
    latencyMs: 1,
    trajectory,
    tools,
    example: { id: "t1", input: {}, line: 1, ...(expected ? { expected_tool_calls: expected } : {}) },
  };
}

const criterion = <T extends CriterionOf<"tool_call" | "tool_args_valid" | "trajectory">["type"]>(
  c: Record<string, unknown> & { type: T },
): CriterionOf<T> => Criterion.parse({ name: "c", ...c }) as CriterionOf<T>;

describe("tool_call", () => {
  const lookup = { name: "lookup_order", arguments: { order_id: "A1" } };
  const refund = { name: "issue_refund", arguments: { order_id: "A1" } };

  test("F1 of matched calls; passes only at 1 by default", () => {
    const c = criterion({ type: "tool_call" });
    expect(
      scoreToolCall(
        c,
        ctxOf(path(["lookup_order", { order_id: "A1" }], ["issue_refund", { order_id: "A1", amount: 5 }]), [
          lookup,
          refund,
        ]),
      ),
    ).toMatchObject({ score: 1, passed: true });
    // One of two expected, nothing extra: P = 1, R = 0.5, F1 = 2/3.
    const half = scoreToolCall(c, ctxOf(path(["issue_refund", { order_id: "A1" }]), [lookup, refund]));
    expect(half.score).toBeCloseTo(2 / 3, 10);
    expect(half.passed).toBe(false);
    // min_score lowers the bar.
    expect(
      scoreToolCall(
        criterion({ type: "tool_call", min_score: 0.6 }),
        ctxOf(path(["issue_refund", { order_id: "A1" }]), [lookup, refund]),
      ).passed,
    ).toBe(true);
    // An extra call costs precision.
    const extra = scoreToolCall(c, ctxOf(path(["lookup_order", { order_id: "A1" }], ["ping"]), [lookup]));
    expect(extra.score).toBeCloseTo(2 / 3, 10);
  });

  test("arguments: subset by default, exact on request; wrong values never match", () => {
    const t = path(["lookup_order", { order_id: "A1", verbose: true }]);
    expect(scoreToolCall(criterion({ type: "tool_call" }), ctxOf(t, [lookup])).passed).toBe(true);
    expect(
      scoreToolCall(criterion({ type: "tool_call", arguments: "exact" }), ctxOf(t, [lookup])).passed,
    ).toBe(false);
    expect(
      scoreToolCall(
        criterion({ type: "tool_call" }),
        ctxOf(path(["lookup_order", { order_id: "B2" }]), [lookup]),
      ).score,
    ).toBe(0);
    // An expected call without arguments matches any arguments.
    expect(scoreToolCall(criterion({ type: "tool_call" }), ctxOf(t, [{ name: "lookup_order" }])).passed).toBe(
      true,
    );
  });

  test("order: any accepts the calls in any order; strict wants them in order", () => {
    const t = path(["issue_refund", { order_id: "A1" }], ["lookup_order", { order_id: "A1" }]);
    expect(scoreToolCall(criterion({ type: "tool_call" }), ctxOf(t, [lookup, refund])).score).toBe(1);
    const strict = scoreToolCall(
      criterion({ type: "tool_call", order: "strict" }),
      ctxOf(t, [lookup, refund]),
    );
    expect(strict.score).toBeCloseTo(0.5, 10);
    expect(strict.passed).toBe(false);
  });

  test("any-order matching is one-to-one and finds the best pairing", () => {
    // The first call could match either expected lookup; a greedy pairing would leave A2 unmatched.
    const t = path(["lookup_order", { order_id: "A2" }], ["lookup_order", { order_id: "A1" }]);
    const c = criterion({ type: "tool_call" });
    expect(
      scoreToolCall(
        c,
        ctxOf(t, [{ name: "lookup_order" }, { name: "lookup_order", arguments: { order_id: "A2" } }]),
      ).score,
    ).toBe(1);
    // Two expected, one made twice: each made call counts once.
    expect(
      scoreToolCall(c, ctxOf(path(["lookup_order", { order_id: "A1" }]), [lookup, lookup])).score,
    ).toBeCloseTo(2 / 3, 10);
  });

  test("expected [] passes only when no tool was called", () => {
    const c = criterion({ type: "tool_call" });
    expect(scoreToolCall(c, ctxOf(path(), []))).toMatchObject({ score: 1, passed: true });
    expect(scoreToolCall(c, ctxOf(path(["ping"]), []))).toMatchObject({ score: 0, passed: false });
  });

  test("inline calls apply to every example, instead of expected_tool_calls", () => {
    const c = criterion({ type: "tool_call", calls: [{ name: "ping" }] });
    expect(scoreToolCall(c, ctxOf(path(["ping"]), [lookup])).passed).toBe(true);
  });
});

describe("tool_args_valid", () => {
  const c = criterion({ type: "tool_args_valid" });
  test("valid arguments of declared tools pass; a tool without parameters takes any object", () => {
    expect(
      scoreToolArgsValid(c, ctxOf(path(["lookup_order", { order_id: "A1" }], ["ping", { x: 1 }]))),
    ).toMatchObject({ score: 1, passed: true });
  });
  test("schema violations, non-JSON arguments and undeclared tools fail; the score is the share valid", () => {
    const bad = scoreToolArgsValid(c, ctxOf(path(["lookup_order", { order_id: "nope" }], ["ping"])));
    expect(bad).toMatchObject({ score: 0.5, passed: false });
    expect(bad.detail).toContain("lookup_order");
    const t: Trajectory = { steps: [{ tool_calls: [{ name: "ping", arguments: "{broken" }] }], final: "" };
    expect(scoreToolArgsValid(c, ctxOf(t)).passed).toBe(false);
    const undeclared = scoreToolArgsValid(c, ctxOf(path(["rm_rf", {}])));
    expect(undeclared).toMatchObject({
      passed: false,
      detail: expect.stringContaining("not a declared tool") as unknown,
    });
  });
});

describe("trajectory", () => {
  test("must_call, must_not_call, sequence (gaps allowed), max_steps, max_tool_calls", () => {
    const t = path(["lookup_order"], ["ping"], ["issue_refund"]);
    const ok = (c: Record<string, unknown>): boolean =>
      scoreTrajectory(criterion({ type: "trajectory", ...c }), ctxOf(t)).passed;
    expect(ok({ must_call: ["lookup_order", "issue_refund"] })).toBe(true);
    expect(ok({ must_call: ["escalate_to_human"] })).toBe(false);
    expect(ok({ must_not_call: ["escalate_to_human"] })).toBe(true);
    expect(ok({ must_not_call: ["ping"] })).toBe(false);
    expect(ok({ sequence: ["lookup_order", "issue_refund"] })).toBe(true);
    expect(ok({ sequence: ["issue_refund", "lookup_order"] })).toBe(false);
    expect(ok({ max_steps: 4 })).toBe(true);
    expect(ok({ max_steps: 3 })).toBe(false);
    expect(ok({ max_tool_calls: 3 })).toBe(true);
    expect(ok({ max_tool_calls: 2 })).toBe(false);
  });

  test("the score is the share of checks met; when_called skips answers that never called the tool", () => {
    const refundOnly = path(["issue_refund"]);
    const c = criterion({
      type: "trajectory",
      when_called: "issue_refund",
      sequence: ["lookup_order", "issue_refund"],
      max_steps: 5,
    });
    expect(scoreTrajectory(c, ctxOf(refundOnly))).toMatchObject({ score: 0.5, passed: false });
    expect(scoreTrajectory(c, ctxOf(path(["lookup_order"])))).toMatchObject({ score: 1, passed: true });
  });

  test("containsInOrder", () => {
    expect(containsInOrder(["a", "x", "b"], ["a", "b"])).toBe(true);
    expect(containsInOrder(["b", "a"], ["a", "b"])).toBe(false);
    expect(containsInOrder([], [])).toBe(true);
  });

  test("a trajectory criterion that checks nothing is refused", () => {
    expect(Criterion.safeParse({ name: "t", type: "trajectory" }).success).toBe(false);
  });
});

test("the dispatcher scores tool criteria like any other", async () => {
  const r = await scoreCriterion(
    criterion({ type: "trajectory", must_call: ["ping"] }),
    ctxOf(path(["ping"])),
  );
  expect(r.passed).toBe(true);
});
