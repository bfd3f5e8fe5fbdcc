/**
 * Model-based adversarial test of the invariant (SECURITY.md, "The invariant"): fast-check generates
 * sequences of repository operations a pull request can make, applies them to a small project in a
 * real git repository, runs the planner and the gate in-process (an in-process fake model: a
 * version tagged "(broken)", "(wrong)" or "(badargs)" fails the base's rule, judge or tool schema on
 * every base example), and asserts that either the verdict blocks (error, fail, needs approval,
 * inconclusive) or every head pin resolves to evaluated bytes with no regression on the base's
 * examples, judged by the base's judge, rubric and tool schema. `npm run bench:trust` runs a larger
 * budget and prints what it found (bench/trust-bench.mjs).
 */
import fc from "fast-check";
import { afterAll, beforeAll, expect, test } from "vitest";
import { createJudge } from "../../src/engine/judge.js";
import {
  gate,
  judgeLog,
  prArb,
  provider,
  RUBRIC,
  Sandbox,
  WRONG,
  type Op,
} from "./adversarial-trust-model.js";

const RUNS = Number(process.env.AGENTOPS_TRUST_RUNS ?? 200);
const SEED = Number(process.env.AGENTOPS_TRUST_SEED ?? 20);
const BENCH = process.env.AGENTOPS_TRUST_BENCH === "1";

let sandbox: Sandbox;
beforeAll(() => {
  sandbox = new Sandbox();
});
afterAll(() => {
  sandbox.remove();
});

/** The attacks of issue 20 that are sequences of operations: always tried first, then random ones. */
const KNOWN: Op[][] = [
  // 3: the pinned v1 broken in place, a good unpinned v3 beside it.
  [
    { op: "edit_in_place", p: 0, fault: "prose" },
    { op: "add_version", p: 0, v: 3, fault: "none" },
  ],
  // 1: a broken v2 deployed with many easy examples added.
  [
    { op: "add_version", p: 0, v: 2, fault: "prose" },
    { op: "pin", p: 0, v: 2 },
    { op: "add_examples", p: 0, n: 500, easy: true },
  ],
  // 4: an unpaired rename (content rewritten) with the pin moved along; the same keeping the pin.
  [{ op: "rename_prompt", p: 0, to: "summary", rewrite: true, movePin: true }],
  [{ op: "rename_prompt", p: 0, to: "summary", rewrite: true, movePin: false }],
  [{ op: "delete_prompt", p: 0 }],
  [{ op: "symlink_prompt", p: 0 }],
  [{ op: "case_twin", p: 0 }],
  // 5: a second spelling of the deployed version.
  [
    { op: "add_version", p: 0, v: 2, fault: "none" },
    { op: "pin", p: 0, v: 2 },
    { op: "duplicate_spelling", p: 0, v: 2, spelling: "yml" },
  ],
  // The base's examples deleted or edited and the criterion loosened beside a broken v2.
  [
    { op: "add_version", p: 0, v: 2, fault: "prose" },
    { op: "pin", p: 0, v: 2 },
    { op: "delete_examples", p: 0, n: 8 },
    { op: "loosen_criterion", p: 0, v: 2 },
  ],
  // 7: the PR chooses its yardsticks. A deployed v2 that only a strict judge fails, on the lenient
  // model (without judge_model at the base); the same with the judge named on the criterion or in
  // the config, or the rubric loosened in its file or inline.
  [
    { op: "add_version", p: 0, v: 2, fault: "wrong" },
    { op: "model_edit", p: 0, v: 2, to: "lenient-judge" },
    { op: "pin", p: 0, v: 2 },
  ],
  [
    { op: "add_version", p: 0, v: 2, fault: "wrong" },
    { op: "criterion_judge", v: 2 },
    { op: "pin", p: 0, v: 2 },
  ],
  [
    { op: "add_version", p: 0, v: 2, fault: "wrong" },
    { op: "config_edit", field: "judge_model" },
    { op: "pin", p: 0, v: 2 },
  ],
  [
    { op: "add_version", p: 0, v: 2, fault: "wrong" },
    { op: "rubric_edit", where: "file", v: 2 },
    { op: "pin", p: 0, v: 2 },
  ],
  [
    { op: "add_version", p: 0, v: 2, fault: "wrong" },
    { op: "rubric_edit", where: "inline", v: 2 },
    { op: "pin", p: 0, v: 2 },
  ],
  // 7: a deployed v2 whose calls only its own loosened schema accepts; the same tool renamed, or
  // loosened under a new name beside it.
  [
    { op: "add_version", p: 0, v: 2, fault: "badargs" },
    { op: "tool_schema", v: 2, edit: "loosen" },
    { op: "pin", p: 0, v: 2 },
  ],
  [
    { op: "add_version", p: 0, v: 2, fault: "none" },
    { op: "tool_schema", v: 2, edit: "rename" },
    { op: "pin", p: 0, v: 2 },
  ],
  [
    { op: "add_version", p: 0, v: 2, fault: "none" },
    { op: "tool_schema", v: 2, edit: "add" },
    { op: "pin", p: 0, v: 2 },
  ],
  // The config's thresholds or budgets loosened beside a broken v2.
  [
    { op: "add_version", p: 0, v: 2, fault: "prose" },
    { op: "config_edit", field: "thresholds" },
    { op: "pin", p: 0, v: 2 },
  ],
  [
    { op: "add_version", p: 0, v: 2, fault: "prose" },
    { op: "config_edit", field: "max_examples" },
    { op: "pin", p: 0, v: 2 },
  ],
];

const violationsOf = async (ops: readonly Op[]): Promise<string[]> => {
  const outcome = await gate(sandbox, sandbox.apply(ops));
  return outcome.blocked ? [] : outcome.violations;
};

test(
  "control: a PR deploying a v2 that regresses by each yardstick is blocked, and the oracle sees what passing it would break",
  { timeout: 300_000 },
  async () => {
    // Each fault is caught by its own yardstick: the rule (prose), the judge (a wrong bullet), the
    // tool schema (a number where the base wants a string of digits).
    for (const fault of ["prose", "wrong", "badargs"] as const) {
      const outcome = await gate(
        sandbox,
        sandbox.apply([
          { op: "add_version", p: 0, v: 2, fault },
          { op: "pin", p: 0, v: 2 },
        ]),
      );
      expect(outcome, fault).toMatchObject({ blocked: true, verdict: "fail" });
    }
    // A good v2 passes, judged by the documented default judge with the base's rubric: the
    // property is not vacuous.
    const good = await gate(
      sandbox,
      sandbox.apply([
        { op: "add_version", p: 0, v: 2, fault: "none" },
        { op: "pin", p: 0, v: 2 },
      ]),
    );
    expect(good).toEqual({ blocked: false, verdict: "pass", violations: [] });
    expect(new Set(judgeLog.map((j) => `${j.model}: ${j.rubric}`))).toEqual(
      new Set([`gpt-4o-mini: ${RUBRIC}`]),
    );
    // The fake judge makes the judge model matter: the challenger's own model would pass its wrong
    // bullet, the base's judge does not; and the gate asks the base's judge.
    const judgeBy = async (model: string): Promise<number> =>
      (
        await createJudge(provider, model).judge(
          { name: "quality", type: "llm_judge", rubric: RUBRIC },
          { input: { text: "story 1" }, output: WRONG },
        )
      ).score;
    expect([await judgeBy("lenient-judge"), await judgeBy("gpt-4o-mini")]).toEqual([5, 1]);
    const wrongOnLenient = await gate(
      sandbox,
      sandbox.apply([
        { op: "add_version", p: 0, v: 2, fault: "wrong" },
        { op: "model_edit", p: 0, v: 2, to: "lenient-judge" },
        { op: "pin", p: 0, v: 2 },
      ]),
    );
    expect(wrongOnLenient).toMatchObject({ blocked: true, verdict: "fail" });
    expect(new Set(judgeLog.map((j) => j.model))).toEqual(new Set(["gpt-4o-mini"]));
  },
);

test(
  `no sequence of PR operations passes the gate while production loads unevaluated or regressed bytes (${RUNS} cases, seed ${SEED})`,
  { timeout: 1_200_000 },
  async () => {
    if (BENCH) {
      const started = performance.now();
      const found: { ops: Op[]; violations: string[] }[] = [];
      const verdicts = new Map<string, number>();
      // Per operation kind: the cases holding it, and those of them that reached a passing verdict.
      const kinds = new Map<string, { cases: number; passed: number }>();
      for (const ops of [...KNOWN, ...fc.sample(prArb, { numRuns: RUNS, seed: SEED })]) {
        const outcome = await gate(sandbox, sandbox.apply(ops));
        verdicts.set(outcome.verdict, (verdicts.get(outcome.verdict) ?? 0) + 1);
        for (const kind of new Set(ops.map((o) => o.op))) {
          const k = kinds.get(kind) ?? { cases: 0, passed: 0 };
          kinds.set(kind, { cases: k.cases + 1, passed: k.passed + (outcome.blocked ? 0 : 1) });
        }
        if (!outcome.blocked && outcome.violations.length > 0)
          found.push({ ops, violations: outcome.violations });
      }
      const seconds = (performance.now() - started) / 1000;
      console.log(
        `bench:trust: ${KNOWN.length} known attack sequences + ${RUNS} generated cases (seed ${SEED}) in ${seconds.toFixed(1)} s; verdicts ${JSON.stringify(Object.fromEntries(verdicts))}; counter-examples: ${found.length}`,
      );
      console.log(
        `  operation kinds (cases, of which passed): ${[...kinds]
          .sort()
          .map(([k, n]) => `${k} ${String(n.cases)}/${String(n.passed)}`)
          .join(", ")}`,
      );
      for (const f of found.slice(0, 10))
        console.log(`  ${JSON.stringify(f.ops)} -> ${f.violations.join(" | ")}`);
      return;
    }
    await fc.assert(
      fc.asyncProperty(prArb, async (ops) => {
        expect(await violationsOf(ops)).toEqual([]);
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true, examples: KNOWN.map((ops) => [ops]) },
    );
  },
);
