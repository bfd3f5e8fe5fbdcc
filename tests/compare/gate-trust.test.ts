/**
 * Issue 20 (attacks 6 and 8) and issue 21 (must_pass), at the level of the pure gate: which errors
 * are the challenger's failures, one α family per prompt, the ⚠️ possible drop, must-pass examples.
 */
import { describe, expect, test } from "vitest";
import { comparePrompt, DEFAULT_GATE } from "../../src/compare/compare.js";
import { chargeErrors, classifyError } from "../../src/compare/error-kinds.js";
import { parseEvalSet, parsePromptFile } from "../../src/config/load.js";
import { failedMustPass } from "../../src/engine/eval-gate.js";
import type { PromptRun } from "../../src/engine/evaluate.js";
import type { ExampleResult } from "../../src/engine/runner.js";
import { decideInRounds, type SampledPrompt } from "../../src/pipeline/sampling-rounds.js";
import { sameRequests } from "../../src/pipeline/unchanged.js";
import { criterionRow } from "../../src/report/criteria-table.js";
import { promptRunOf, twoCriteria } from "../helpers/runs.js";

const criteria = twoCriteria(0.95).filter((c) => c.name === "ok");
const ONE_LOOK = { ...DEFAULT_GATE, maxSamplingRounds: 1 };

function ok(id: string, passed: boolean, repeat = 0): ExampleResult {
  return {
    id,
    repeat,
    status: "ok",
    output: passed ? "yes" : "no",
    criteria: { ok: { score: passed ? 1 : 0, passed } },
    passed,
    score: passed ? 1 : 0,
  };
}
function errored(id: string, kind: string): ExampleResult {
  return { id, repeat: 0, status: "error", error: { kind, message: `${kind} happened` }, criteria: {} };
}
const run = (version: number, examples: ExampleResult[]): PromptRun =>
  promptRunOf(version, examples, criteria);
const ids = (n: number): string[] => Array.from({ length: n }, (_, i) => `e${i}`);
/** 30 examples, all passing on the champion; the challenger fails the first `drop`. */
const pair = (drop: number): [PromptRun, PromptRun] => [
  run(
    1,
    ids(30).map((id) => ok(id, true)),
  ),
  run(
    2,
    ids(30).map((id, i) => ok(id, i >= drop)),
  ),
];

describe("errors: one classifier", () => {
  test.each([
    ["timeout", "transient"],
    ["connection", "transient"],
    ["rate_limited", "transient"],
    ["server_error", "transient"],
    ["bad_request", "deterministic"],
    ["judge_unparseable", "deterministic"],
    ["something_new", "deterministic"],
    ["skipped", "not_run"],
    ["quota_exhausted", "not_run"],
  ])("%s is %s", (kind, cls) => {
    expect(classifyError(kind)).toBe(cls);
  });

  test("a 400 where the champion answered is a failure of every criterion; a 5xx stays an error", () => {
    const champion = [ok("a", true), ok("b", true), errored("c", "bad_request")];
    const challenger = [
      errored("a", "bad_request"),
      errored("b", "server_error"),
      errored("c", "bad_request"),
    ];
    const r = chargeErrors(champion, challenger, ["ok", "sim"]);
    expect(r.charged).toBe(1);
    expect(r.transient).toBe(1);
    expect(r.examples[0]).toMatchObject({
      status: "ok",
      charged_error: true,
      passed: false,
      criteria: { ok: { score: 0, passed: false }, sim: { score: 0, passed: false } },
    });
    expect(r.examples[1]?.status).toBe("error");
    // Both sides refused: not the change's doing.
    expect(r.examples[2]?.status).toBe("error");
  });

  test("attack 6: 10% context overflows no longer hide inside max_error_rate", () => {
    const champion = run(
      1,
      ids(30).map((id) => ok(id, true)),
    );
    const raw = ids(30).map((id, i) => (i < 3 ? errored(id, "bad_request") : ok(id, true)));
    // The old reading: 27 of 27 pass, 10% errors within the limit.
    expect(comparePrompt(champion, run(2, raw), criteria, ONE_LOOK).verdict).toBe("pass");
    const charged = run(2, chargeErrors(champion.examples, raw, ["ok"]).examples);
    const c = comparePrompt(champion, charged, criteria, ONE_LOOK);
    expect(c.verdict).toBe("fail");
    expect(c.errors.charged).toBe(3);
    expect(c.criteria[0]?.status).toBe("below_threshold");
  });

  test("transient errors stay errors, are counted and make the run inconclusive past the limit", () => {
    const champion = run(
      1,
      ids(30).map((id) => ok(id, true)),
    );
    const raw = ids(30).map((id, i) => (i < 6 ? errored(id, "timeout") : ok(id, true)));
    const c = comparePrompt(
      champion,
      run(2, chargeErrors(champion.examples, raw, ["ok"]).examples),
      criteria,
    );
    expect(c.errors.transient).toBe(6);
    expect(c.verdict).toBe("inconclusive");
  });
});

describe("family: α per prompt", () => {
  const sampled = (champion: PromptRun, challenger: PromptRun): SampledPrompt => ({
    criteria,
    championCriteria: criteria,
    evalSet: { file: "eval_set.jsonl", examples: [] },
    champion,
    challenger,
    inputs: new Map(),
  });
  const never = (): Promise<PromptRun> => Promise.reject(new Error("no further round expected"));

  test("attack 8: a 26.7-point drop fails alone and still fails beside 20 other changed prompts", async () => {
    const [a, b] = pair(8);
    const alone = await decideInRounds([sampled(a, b)], ONE_LOOK, never);
    expect(alone[0]?.verdict).toBe("fail");
    const others = Array.from({ length: 20 }, () => sampled(...pair(0)));
    const crowd = await decideInRounds([sampled(a, b), ...others], ONE_LOOK, never);
    expect(crowd[0]?.verdict).toBe("fail");
    expect(crowd[0]?.family).toEqual({ alpha: 0.01, criteria: 1, final_level: 0.01 });
    expect(crowd[0]?.criteria[0]?.test?.level).toBe(alone[0]?.criteria[0]?.test?.level);
  });

  test("a prompt whose rendered requests are byte-identical is not tested", () => {
    const file = (extra: string, system = "Be brief.") =>
      parsePromptFile(
        `# owner: team\n${extra}name: p\nversion: 1\nmodel: m\nsystem: "${system}"\ntemplate: "{x}"\neval_criteria:\n  - name: ok\n    type: contains\n    value: "yes"\n`,
        "v1.yaml",
      );
    const set = parseEvalSet(
      '{"id": "a", "input": {"x": "1"}}\n{"id": "b", "input": {"x": "2"}}\n',
      "e.jsonl",
    );
    expect(sameRequests(file(""), file("# a comment line\n"), set)).toBe(true);
    expect(sameRequests(file(""), file("", "Be long."), set)).toBe(false);
    expect(sameRequests(file(""), file("temperature: 0.5\n"), set)).toBe(false);
  });

  test("undecided with the 95% interval wholly below −tolerance is a possible drop, never ✅", () => {
    const [a, b] = pair(8);
    // A level this strict (50 criteria sharing α) does not reject −26.7 points on 30 examples.
    const c = comparePrompt(
      a,
      b,
      twoCriteria().filter((k) => k.name === "ok"),
      ONE_LOOK,
      new Map(),
      {
        round: 1,
        maxRounds: 1,
        final: true,
        familySize: 50,
      },
    );
    const row = c.criteria[0];
    expect(row?.delta_ci?.[1]).toBeLessThan(-0.02);
    expect(row).toMatchObject({ status: "possible_drop", decision: "pass", decided_by: "end_of_sampling" });
    expect(row?.reason).toMatch(/possible drop, not confirmed.*detects drops of/);
    expect(c.reason).toMatch(/possible drop, not confirmed: ok/);
  });
});

describe("a futility stop below −tolerance is never shown as ✅ not worse", () => {
  // Many criteria share the prompt's α: the design drop is large and the futility stop needs no more
  // than Δ̂ above its midpoint, so it can stop sampling with an estimate below −tolerance.
  const look = (familySize: number) => ({ round: 1, maxRounds: 16, final: false, familySize });
  const ok1 = twoCriteria().filter((k) => k.name === "ok");

  test("the interval wholly below −tolerance: ⚠️ possible drop, still a pass that stops sampling", () => {
    const [a, b] = pair(8);
    // A later look of a run whose first look fixed a design drop of 60 points (a small, noisy start).
    const first = comparePrompt(a, b, ok1, DEFAULT_GATE, new Map(), look(50));
    const previous = {
      ...first,
      criteria: first.criteria.map((r) => ({ ...r, decision: "undecided" as const, design_drop: 0.6 })),
    };
    const row = comparePrompt(a, b, ok1, DEFAULT_GATE, new Map(), { ...look(50), round: 4, previous })
      .criteria[0];
    expect(row?.delta_ci?.[1]).toBeLessThan(-0.02);
    expect(row).toMatchObject({ status: "possible_drop", decision: "pass", decided_by: "not_worse" });
    expect(row?.reason).toMatch(
      /possible drop, not confirmed: .*data favour no change over a drop of 60\.0 pts/,
    );
  });

  test("the estimate below −tolerance, the interval not: passes, marked, and the report says no large drop seen", () => {
    const [a, b] = pair(1);
    const row = comparePrompt(a, b, ok1, DEFAULT_GATE, new Map(), look(50)).criteria[0];
    expect(row?.delta).toBeLessThan(-0.02);
    expect(row?.delta_ci?.[1]).toBeGreaterThan(-0.02);
    expect(row).toMatchObject({ status: "ok", decided_by: "not_worse", below_tolerance: true });
    expect(criterionRow(row as NonNullable<typeof row>)[4]).toMatch(/^✅ no ≥ [\d.]+ pt drop seen$/);
    // An estimate within the tolerance is "not worse" as before.
    const [c, d] = pair(0);
    const fine = comparePrompt(c, d, ok1, DEFAULT_GATE, new Map(), look(50)).criteria[0];
    expect(fine?.below_tolerance).toBeUndefined();
  });
});

describe("must_pass", () => {
  test("one failed repeat of a must-pass example fails the prompt whatever the statistics say", () => {
    const champion = run(
      1,
      ids(30).map((id) => ok(id, true)),
    );
    const challenger = run(2, [...ids(30).map((id) => ok(id, true)), ok("e7", false, 1)]);
    const loose = twoCriteria().filter((k) => k.name === "ok");
    expect(comparePrompt(champion, challenger, loose, ONE_LOOK).verdict).toBe("pass");
    const c = comparePrompt(champion, challenger, loose, ONE_LOOK, new Map(), {
      round: 1,
      maxRounds: 1,
      final: true,
      mustPass: new Set(["e7", "e8"]),
    });
    expect(c.verdict).toBe("fail");
    expect(c.reason).toBe("must-pass example failed: e7");
    expect(c.must_pass).toEqual([
      expect.objectContaining({ id: "e7", failed: 1, of: 2, criteria: ["ok"], output: "no" }),
    ]);
  });

  test("eval: a failed or refused must-pass example is listed; a transient error is not", () => {
    const r = run(1, [ok("a", false), errored("b", "bad_request"), errored("c", "timeout"), ok("d", false)]);
    expect(failedMustPass({ ...r, must_pass: ["a", "b", "c"] })).toEqual(["a", "b"]);
  });
});
