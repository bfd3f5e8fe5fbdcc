import { describe, expect, test } from "vitest";
import { cell, mostChanged, toolUseOf } from "../../src/agent/tool-stats.js";
import type { Trajectory } from "../../src/agent/trajectory.js";
import type { ExampleResult } from "../../src/engine/runner.js";
import { compactTrajectory, toolUseSection } from "../../src/report/tool-use.js";
import { runOf } from "../helpers/runs.js";

const traj = (...names: string[]): Trajectory => ({
  steps: [
    ...names.map((name) => ({ tool_calls: [{ name, arguments: "{}", fixture: 0, result: "ok" }] })),
    { tool_calls: [] },
  ],
  final: "done",
});

/** A run of the test helper whose examples carry these trajectories. */
function agentRun(version: number, paths: Trajectory[]) {
  const run = runOf(
    version,
    paths.map(() => [true, 1] as [boolean, number]),
  );
  run.examples = run.examples.map((r, i): ExampleResult => ({ ...r, trajectory: paths[i] }));
  return run;
}

describe("tool-use figures", () => {
  test("calls per tool, mean steps, unmatched and start → tools → end transitions", () => {
    const unmatched: Trajectory = {
      steps: [
        {
          tool_calls: [
            { name: "b", arguments: "{}", unmatched: true, result: { error: "no fixture for b" } },
          ],
        },
        { tool_calls: [] },
      ],
      final: "",
    };
    const use = toolUseOf(agentRun(1, [traj("a", "b"), traj(), unmatched]).examples);
    expect(use).toMatchObject({ samples: 3, calls: { a: 1, b: 2 }, unmatched: 1 });
    expect(use?.mean_steps).toBeCloseTo((3 + 1 + 2) / 3, 10);
    expect(Object.fromEntries(use?.transitions ?? [])).toEqual({
      [cell("start", "a")]: 1,
      [cell("a", "b")]: 1,
      [cell("b", "end")]: 2,
      [cell("start", "end")]: 1,
      [cell("start", "b")]: 1,
    });
  });

  test("a run without trajectories is not an agent: no figures, no section", () => {
    expect(toolUseOf(runOf(1, [[true, 1]]).examples)).toBeUndefined();
    expect(toolUseSection(runOf(1, [[true, 1]]), runOf(2, [[true, 1]]))).toEqual([]);
  });

  test("the most-changed cells are the ones whose share of answers moved most", () => {
    const before = toolUseOf(
      agentRun(1, [traj("lookup", "refund"), traj("lookup", "refund"), traj("lookup")]).examples,
    );
    const after = toolUseOf(agentRun(2, [traj("refund"), traj("refund"), traj("lookup")]).examples);
    // start → lookup, start → refund and lookup → refund each moved by 2/3 of the answers; the ends did not move.
    const marked = mostChanged(before, after, 5);
    expect([...marked].sort()).toEqual(
      [cell("lookup", "refund"), cell("start", "lookup"), cell("start", "refund")].sort(),
    );
    expect(mostChanged(before, after, 1).size).toBe(1);
  });
});

describe("the report section", () => {
  test("summary per side, the matrix with marked cells, names as code spans without escapes", () => {
    const champion = agentRun(1, [
      traj("lookup_order", "issue_refund"),
      traj("lookup_order", "issue_refund"),
    ]);
    const challenger = agentRun(2, [traj("issue_refund"), traj("issue_refund")]);
    const md = toolUseSection(champion, challenger).join("\n");
    expect(md).toMatch(/\| calls to `lookup_order` +\| +2 \| +0 \|/);
    expect(md).not.toContain("\\_");
    expect(md).toMatch(/\| mean steps +\| +3\.00 \| +2\.00 \|/);
    expect(md).toContain("**0 → 2** ◀");
    expect(md).toMatch(/\| \*start\* +\|/);
  });

  test("model-written arguments cannot break out of the block", () => {
    const evil: Trajectory = {
      steps: [
        {
          tool_calls: [
            {
              name: "x",
              arguments: '{"a":"</pre><img src=x onerror=alert(1)> @admin"}',
              fixture: 0,
              result: "r",
            },
          ],
        },
      ],
      final: "ok",
    };
    const champion = agentRun(1, [traj("x")]);
    const challenger = agentRun(2, [evil]);
    const md = toolUseSection(champion, challenger, [
      {
        id: "e0",
        direction: "pass_to_fail",
        input: {},
        champion_output: "",
        challenger_output: "",
        criteria: ["c"],
      },
    ]).join("\n");
    expect(md).not.toContain("</pre><img");
    expect(md).toContain("&lt;/pre&gt;&lt;img");
    expect(compactTrajectory(evil)).toContain("1. x(");
  });
});
