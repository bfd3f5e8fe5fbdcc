/**
 * Issue: "Nothing in a pull request decides how that pull request is judged".
 * Each attack runs the bundled Action (dist/index.js) against a fake GitHub and a
 * fake model on 127.0.0.1. The PR's v2 fails every example (bullets 100% → 0%);
 * played fair the gate says failure, and every trick below must still end in a
 * blocking status with a report that says why.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeAll, describe, expect, test } from "vitest";
import type { FakeOpenAI } from "../helpers/fake-openai.js";
import {
  BULLETS,
  CONFIG,
  deployV2,
  evalSet,
  fakeModel,
  gatePr,
  GOOD,
  plantCache,
  promptFile,
  recordingsFor,
  runGate,
  runnerTemp,
  type GatePr,
} from "../helpers/gate-project.js";

const KEY = "sk-trust-canary-0a1b2c3d4e5f";
let llm: FakeOpenAI;
const prs: GatePr[] = [];

beforeAll(async () => {
  llm = await fakeModel();
  return () => llm.close();
});
afterEach(() => {
  for (const pr of prs.splice(0)) pr.repo.remove();
});

function track(pr: GatePr): GatePr {
  prs.push(pr);
  return pr;
}

const live = () => ({ "api-key": KEY, "base-url": llm.url });
const BLOCKING = ["failure", "error"];

describe("played fair", () => {
  test("a PR deploying a v2 that fails every example gets failure", async () => {
    const r = await runGate(track(gatePr(deployV2())), { inputs: live() });
    expect(r.status?.state).toBe("failure");
    expect(r.comment).toContain("bullets");
    expect(r.comment).toMatch(/regress/i);
  });
});

describe("attack 1: more changed files than GitHub's files API lists", () => {
  test("a list cut at 3,000 files is not trusted: git diff finds the prompt change", async () => {
    const junk = Object.fromEntries(
      Array.from({ length: 3001 }, (_, i) => [`junk/f${String(i).padStart(4, "0")}.txt`, "x\n"]),
    );
    const pr = track(gatePr(deployV2(junk)));
    // The API answers with 3,000 unrelated files, as GitHub does when it stops listing.
    const files = Object.keys(junk)
      .slice(0, 3000)
      .map((filename) => ({ filename, status: "added" }));
    const r = await runGate(pr, { inputs: live(), files, changedFiles: 3003 });
    expect(r.stdout).toContain("using git diff from the merge base");
    expect(r.status?.state).toBe("failure");
    expect(llm.requests.length).toBeGreaterThan(0);
  });
});

describe("attack 2: the PR brings its own config", () => {
  test("agentops.yaml added at the root with tolerance 100 is ignored and listed", async () => {
    const pr = track(
      gatePr(
        deployV2({
          "agentops.yaml": CONFIG(2, "thresholds: { regression_tolerance: 100, max_error_rate: 1 }\n"),
        }),
      ),
    );
    const r = await runGate(pr, { inputs: live() });
    expect(r.status?.state).toBe("failure");
    expect(r.comment).toContain("Gate changes");
    expect(r.comment).toContain("agentops.yaml added; ignored");
  });

  test("agentops.yml plus deleting prompts/config.yaml: the base config still judges", async () => {
    const pr = track(
      gatePr(() => ({
        "prompts/summarize/v2.yaml": promptFile(2),
        "prompts/config.yaml": null,
        "agentops.yml": CONFIG(2, "thresholds: { regression_tolerance: 100 }\n"),
      })),
    );
    const r = await runGate(pr, { inputs: live() });
    expect(r.status?.state).toBe("failure");
    expect(r.comment).toContain("prompts/config.yaml deleted or moved");
    expect(r.comment).toContain("agentops.yml added; ignored");
  });

  test("a PR that only loosens the tolerance needs approval, though it affects no prompt", async () => {
    const pr = track(
      gatePr(() => ({ "prompts/config.yaml": CONFIG(1, "thresholds: { regression_tolerance: 50 }\n") })),
    );
    const r = await runGate(pr, { inputs: live() });
    expect(r.status?.state).toBe("failure");
    expect(r.status?.description).toMatch(/^needs approval/);
    expect(r.outputs.verdict).toBe("needs_approval");
    expect(r.comment).toContain("thresholds edited");
  });
});

describe("attack 3: the PR commits answers into the cache folder", () => {
  test("a committed .agentops-cache/ is ignored, even with a live key; the report says so", async () => {
    const pr = track(gatePr(deployV2()));
    plantCache(join(pr.repo.dir, ".agentops-cache"), llm.url, promptFile(2), evalSet(), GOOD);
    pr.headSha = pr.repo.commit("cached answers for v2");
    const r = await runGate(pr, { inputs: live(), env: { RUNNER_TEMP: runnerTemp() } });
    expect(r.status?.state).toBe("failure");
    expect(r.comment).toContain(".agentops-cache/ in the checkout was ignored");
  });

  test("control: the same entries in the trusted cache are served (so the attack's keys are right)", async () => {
    const pr = track(gatePr(deployV2()));
    const temp = runnerTemp();
    plantCache(join(temp, "agentops-cache"), llm.url, promptFile(2), evalSet(), GOOD);
    const before = llm.requests.length;
    const r = await runGate(pr, { inputs: live(), env: { RUNNER_TEMP: temp } });
    expect(r.outputs.verdict).toBe("pass");
    // Only the champion went to the model: every challenger answer came from the cache.
    expect(llm.requests.length - before).toBe(30);
  });
});

describe("attack 4: no key, and the PR brings its own recordings or provider", () => {
  const replayBase = (v2Recorded: boolean) => ({
    "prompts/config.yaml": CONFIG(1, "provider: { type: replay, recordings: ../recordings }\n"),
    "recordings/v1.jsonl": recordingsFor(promptFile(1), evalSet(), GOOD),
    ...(v2Recorded ? { "recordings/v2.jsonl": recordingsFor(promptFile(2), evalSet(), GOOD) } : {}),
  });
  const deployWithRecordings = () => ({
    "prompts/summarize/v2.yaml": promptFile(2),
    "prompts/config.yaml": CONFIG(2, "provider: { type: replay, recordings: ../recordings }\n"),
    "recordings/v2.jsonl": recordingsFor(promptFile(2), evalSet(), GOOD),
  });

  test("recordings the PR adds answer nothing: replay reads the base revision", async () => {
    const r = await runGate(track(gatePr(deployWithRecordings, replayBase(false))));
    expect(BLOCKING).toContain(r.status?.state);
    expect(r.outputs.verdict).not.toBe("pass");
    expect(r.comment).toContain("recordings/v2.jsonl (added) has no effect");
  });

  test("control: the same recordings on the base answer for v2", async () => {
    const r = await runGate(track(gatePr(deployWithRecordings, replayBase(true))));
    expect(r.outputs.verdict).toBe("pass");
  });

  test("switching the provider to mock in the PR's config is a gate change and changes nothing", async () => {
    const pr = track(
      gatePr(
        () => ({
          "prompts/summarize/v2.yaml": promptFile(2),
          "prompts/config.yaml": CONFIG(2, "provider: { type: mock }\n"),
        }),
        replayBase(false),
      ),
    );
    const r = await runGate(pr);
    expect(BLOCKING).toContain(r.status?.state);
    expect(r.comment).toContain("provider edited");
  });
});

describe("attack 5: the PR edits the criteria it is judged by", () => {
  const cases: [string, string][] = [
    ["renamed", "  - name: bullets_v2\n    type: format_check\n    bullets: { min: 0 }\n"],
    ["removed", "  - name: short\n    type: length\n    chars: { max: 10000 }\n"],
    ["loosened under the same name", "  - name: bullets\n    type: format_check\n    bullets: { min: 0 }\n"],
  ];
  test.each(cases)("a criterion %s still judges with its base definition", async (_what, criteria) => {
    const pr = track(gatePr(deployV2({ "prompts/summarize/v2.yaml": promptFile(2, criteria) })));
    const r = await runGate(pr, { inputs: live() });
    expect(r.status?.state).toBe("failure");
    expect(r.comment).toContain("Gate changes");
    expect(r.comment).toMatch(/criterion bullets (removed or renamed|edited)/);
  });

  test("the PR's own version of an edited criterion is scored and shown, not gating", async () => {
    const loose = "  - name: bullets\n    type: format_check\n    bullets: { min: 0 }\n";
    const pr = track(gatePr(deployV2({ "prompts/summarize/v2.yaml": promptFile(2, loose) })));
    const r = await runGate(pr, { inputs: live() });
    expect(r.status?.state).toBe("failure");
    expect(r.comment).toContain("bullets (as edited): 100.0%");
  });

  test("a criterion the PR adds counts: it can only make the gate stricter", async () => {
    const stricter =
      BULLETS + "  - name: mentions\n    type: contains\n    value: zebra\n    threshold: 0.9\n";
    const pr = track(
      gatePr(() => ({
        "prompts/summarize/v1.yaml": promptFile(1, stricter),
      })),
    );
    const r = await runGate(pr, { inputs: live() });
    expect(r.status?.state).toBe("failure");
    expect(r.comment).not.toContain("Gate changes");
    expect(r.comment).toContain("mentions");
  });
});

describe("attack 7: configured paths outside the repository", () => {
  test("the PR's recordings path climbing out is ignored (the base's config judges)", async () => {
    const pr = track(
      gatePr(
        () => ({
          "prompts/summarize/v2.yaml": promptFile(2),
          "prompts/config.yaml": CONFIG(2, "provider: { type: replay, recordings: ../../../../etc }\n"),
        }),
        {
          "prompts/config.yaml": CONFIG(1, "provider: { type: replay, recordings: ../recordings }\n"),
          "recordings/v1.jsonl": recordingsFor(promptFile(1), evalSet(), GOOD),
        },
      ),
    );
    const r = await runGate(pr);
    expect(BLOCKING).toContain(r.status?.state);
    expect(r.comment).toContain("provider edited");
    // The base's recordings answered the champion: nothing was read from outside the repository.
    expect(r.comment).toContain("no recorded response");
  });

  test("a base config whose recordings climb out is an error naming the field", async () => {
    const pr = track(
      gatePr(deployV2(), {
        "prompts/config.yaml": CONFIG(1, "provider: { type: replay, recordings: ../../../../etc }\n"),
      }),
    );
    const r = await runGate(pr);
    expect(r.status?.state).toBe("error");
    expect(r.comment).toContain("provider.recordings");
    expect(r.comment).toContain("points outside the repository");
  });
});

describe("attack 8: the PR edits the eval set", () => {
  test("deleting the examples v2 fails: the base's examples are still evaluated", async () => {
    const pr = track(gatePr(deployV2({ "prompts/summarize/eval_set.jsonl": evalSet(1) })));
    const r = await runGate(pr, { inputs: live() });
    expect(r.status?.state).toBe("failure");
    expect(r.comment).toContain("29 base example(s) deleted");
  });

  test("editing base examples: they are evaluated in their base form, and that needs approval", async () => {
    const edited = evalSet().replace('"story 1"', '"- one\\n- two\\n- three"');
    const pr = track(gatePr(() => ({ "prompts/summarize/eval_set.jsonl": edited })));
    const r = await runGate(pr, { inputs: live() });
    expect(r.status?.state).toBe("failure");
    expect(r.outputs.verdict).toBe("needs_approval");
    expect(r.comment).toContain("1 base example(s) edited (e001)");
  });

  test("examples the PR adds count, as a population of their own, and are no gate change", async () => {
    const pr = track(gatePr(deployV2({ "prompts/summarize/eval_set.jsonl": evalSet() + evalSet(5, 31) })));
    const r = await runGate(pr, { inputs: live() });
    expect(r.status?.state).toBe("failure");
    expect(r.comment).not.toContain("Gate changes");
    const results = JSON.parse(readFileSync(r.outputs["results-path"] ?? "", "utf8")) as {
      prompts: { challenger: { summary: { examples: number } }; added_examples?: { count: number } }[];
    };
    // The base's 30 decide; the 5 added ones are tested apart (tests/hardening/trust-attacks-plan.test.ts).
    expect(results.prompts[0]?.challenger.summary.examples).toBe(30);
    expect(results.prompts[0]?.added_examples?.count).toBe(5);
  });
});
