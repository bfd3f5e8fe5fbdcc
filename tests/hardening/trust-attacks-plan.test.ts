/**
 * Issue 20, attacks 1–5: the planner's side of "what production will run is what the gate
 * evaluated, judged only by what the base defines". Each attack runs the bundled Action
 * (dist/index.js) against a fake GitHub and a fake model on 127.0.0.1. v1 answers in bullets; a
 * prompt whose system says "(v2)" or "(broken)" answers in prose on every base example, so played
 * fair the gate says failure (the control), and every trick must still end blocking with a report
 * that says why.
 */
import { createHash } from "node:crypto";
import { readFileSync, rmSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeAll, describe, expect, test } from "vitest";
import { startFakeOpenAI, type FakeOpenAI } from "../helpers/fake-openai.js";
import {
  BAD,
  CONFIG,
  deployV2,
  evalSet,
  gatePr,
  GOOD,
  promptFile,
  runGate,
  type GatePr,
} from "../helpers/gate-project.js";

const KEY = "sk-trust-plan-canary-9f8e7d";
let llm: FakeOpenAI;
const prs: GatePr[] = [];

/**
 * "easy" inputs are answered well by every version; "hard" ones only by the PR's versions (the
 * old prompt fails them); "tricky" ones badly by v2b alone; everything else well by v1 and badly
 * by a broken version.
 */
function answer(system: string, user: string): string {
  const broken = system.includes("(v2)") || system.includes("(broken)");
  if (user.includes("easy")) return GOOD;
  if (user.includes("tricky")) return system.includes("(v2b)") ? BAD : GOOD;
  if (user.includes("hard")) return broken ? GOOD : BAD;
  return broken ? BAD : GOOD;
}

beforeAll(async () => {
  llm = await startFakeOpenAI((r) => {
    const system = r.body.messages.find((m) => m.role === "system")?.content ?? "";
    const user = r.body.messages
      .filter((m) => m.role === "user")
      .map((m) => m.content)
      .join("\n");
    return { text: answer(system, user) };
  });
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
const BROKEN_V1 = promptFile(1).replace("(v1)", "(broken)");

/** JSONL examples with ids `<prefix>0001…` and inputs "<kind> <i>". */
function examples(ids: readonly string[], kind: string): string {
  return ids.map((id, i) => JSON.stringify({ id, input: { text: `${kind} ${i + 1}` } })).join("\n") + "\n";
}
const ids = (prefix: string, n: number): string[] =>
  Array.from({ length: n }, (_, i) => `${prefix}${String(i + 1).padStart(4, "0")}`);

interface Results {
  prompts: {
    name: string;
    challenger_file?: string;
    challenger_sha256?: string;
    challenger: { version: number; summary: { examples: number } };
    added_examples?: { count: number; verdict: string };
    comparison: { criteria: { name: string; decision: string }[] };
  }[];
}
const results = (path: string | undefined): Results =>
  JSON.parse(readFileSync(path ?? "", "utf8")) as Results;

describe("control", { timeout: 120_000 }, () => {
  test("a plain regression (v2 fails every base example) is blocked", async () => {
    const r = await runGate(track(gatePr(deployV2())), { inputs: live() });
    expect(r.status?.state).toBe("failure");
    expect(r.comment).toMatch(/bullets: dropped/);
  });
});

describe("attack 1: added examples hide the regression", { timeout: 240_000 }, () => {
  test("3,000 easy examples added beside a v2 that fails all 30 base examples: still a failure", async () => {
    const set = evalSet() + examples(ids("easy", 3000), "easy");
    const pr = track(gatePr(deployV2({ "prompts/summarize/eval_set.jsonl": set })));
    const r = await runGate(pr, { inputs: live() });
    expect(r.status?.state).toBe("failure");
    expect(r.comment).toMatch(/bullets: dropped/);
    // The added examples are their own population, shown apart.
    expect(r.comment).toContain("bullets (examples this change adds)");
    const p = results(r.outputs["results-path"]).prompts[0];
    expect(p?.challenger.summary.examples).toBe(30);
    expect(p?.added_examples).toMatchObject({ count: 3000, verdict: "pass" });
  });

  test("30 examples the old prompt fails plus 300 easy ones (pooled Δ = 0): still a failure", async () => {
    const set = evalSet() + examples(ids("hard", 30), "hard") + examples(ids("easy", 300), "easy");
    const pr = track(gatePr(deployV2({ "prompts/summarize/eval_set.jsonl": set })));
    const r = await runGate(pr, { inputs: live() });
    expect(r.status?.state).toBe("failure");
    expect(r.comment).toMatch(/bullets: dropped/);
    const p = results(r.outputs["results-path"]).prompts[0];
    expect(p?.added_examples?.count).toBe(330);
    expect(p?.comparison.criteria.find((c) => c.name === "bullets")?.decision).toBe("fail");
  });

  test("added examples the new version fails add a failure on their own", async () => {
    // v1 stays active and is edited harmlessly; the change adds examples it fails.
    const set = evalSet() + examples(ids("tricky", 20), "tricky");
    const pr = track(
      gatePr(() => ({
        "prompts/summarize/eval_set.jsonl": set,
        "prompts/summarize/v2.yaml": promptFile(2).replace("(v2)", "(v2b)"),
        "prompts/config.yaml": CONFIG(2),
      })),
    );
    const r = await runGate(pr, { inputs: live() });
    expect(r.status?.state).toBe("failure");
    expect(r.comment).toContain("examples this change adds");
    expect(results(r.outputs["results-path"]).prompts[0]?.added_examples?.verdict).toBe("fail");
  });
});

describe(
  "attack 2: added examples crowd the base's out of a max_examples sample",
  { timeout: 120_000 },
  () => {
    test("ids ground to rank first under the old id-only hash draw no base example out", async () => {
      const rank = (id: string): string => createHash("sha256").update(`agentops-sample:${id}`).digest("hex");
      const baseIds = ids("e", 30).map((id) => id.replace(/^e0/, "e")); // e001…e030, as evalSet() names them
      const lowest = baseIds.map(rank).sort()[0] ?? "";
      // The attacker's grind: a few hundred tries give 20 ids ranking before every base example.
      const ground: string[] = [];
      for (let i = 0; ground.length < 20; i++) if (rank(`easy-${i}`) < lowest) ground.push(`easy-${i}`);
      const base = { "prompts/config.yaml": CONFIG(1, "budgets: { max_examples: 20 }\n") };
      const pr = track(
        gatePr(
          () => ({
            "prompts/summarize/v2.yaml": promptFile(2),
            "prompts/config.yaml": CONFIG(2, "budgets: { max_examples: 20 }\n"),
            "prompts/summarize/eval_set.jsonl": evalSet() + examples(ground, "easy"),
          }),
          base,
        ),
      );
      const r = await runGate(pr, { inputs: live() });
      expect(r.status?.state).toBe("failure");
      expect(r.comment).toMatch(/bullets: dropped/);
      expect(r.comment).toContain("base examples first");
      const p = results(r.outputs["results-path"]).prompts[0];
      expect(p?.challenger.summary.examples).toBe(20);
      expect(p?.added_examples).toBeUndefined();
    });
  },
);

describe("attack 3: the pinned version edited in place", { timeout: 120_000 }, () => {
  test("v1 broken in place plus a good unpinned v3: v1 is what is evaluated, and it fails", async () => {
    const pr = track(
      gatePr(() => ({
        "prompts/summarize/v1.yaml": BROKEN_V1,
        "prompts/summarize/v3.yaml": promptFile(3),
      })),
    );
    const r = await runGate(pr, { inputs: live() });
    expect(r.status?.state).toBe("failure");
    expect(r.comment).toMatch(/bullets: dropped/);
    const sha = createHash("sha256").update(BROKEN_V1).digest("hex");
    expect(r.comment).toContain(`Evaluated file: prompts/summarize/v1.yaml (sha256 \`${sha}\`)`);
    const p = results(r.outputs["results-path"]).prompts[0];
    expect(p?.challenger.version).toBe(1);
    expect(p?.challenger_sha256).toBe(sha);
  });
});

describe("attack 4: the baseline disappears", { timeout: 120_000 }, () => {
  const renamedBroken = promptFile(1, "  - name: ok\n    type: length\n    chars: { max: 100000 }\n")
    .replace("name: summarize", "name: summary")
    .replace("(v1)", "(broken) rewritten");

  test("an unpaired rename with the pin renamed too: un-pinning summarize needs approval", async () => {
    const pr = track(
      gatePr(() => ({
        "prompts/summarize": null,
        "prompts/summary/v1.yaml": renamedBroken,
        "prompts/summary/eval_set.jsonl": examples(ids("easy", 5), "easy"),
        "prompts/config.yaml": "environments:\n  production:\n    summary: 1\n",
      })),
    );
    const r = await runGate(pr, { inputs: live() });
    expect(BLOCKING).toContain(r.status?.state);
    expect(r.outputs.verdict).not.toBe("pass");
    expect(r.comment).toContain("environments.production.summarize un-pinned");
  });

  test("an unpaired rename keeping the pin: the pin names a prompt with no files, an error", async () => {
    const pr = track(
      gatePr(() => ({
        "prompts/summarize": null,
        "prompts/summary/v1.yaml": renamedBroken,
        "prompts/summary/eval_set.jsonl": examples(ids("easy", 5), "easy"),
      })),
    );
    const r = await runGate(pr, { inputs: live() });
    expect(r.status?.state).toBe("error");
    expect(r.comment).toContain("environments.production.summarize");
    expect(r.comment).toContain("no prompts/summarize/ folder");
  });

  test("deleting a prompt production still pins is an error", async () => {
    const pr = track(gatePr(() => ({ "prompts/summarize": null })));
    const r = await runGate(pr, { inputs: live() });
    expect(r.status?.state).toBe("error");
    expect(r.comment).toContain("pins summarize to v1, but there is no prompts/summarize/ folder");
  });

  test("prompts/summarize replaced by a symbolic link to another folder is an error naming it", async () => {
    const pr = track(gatePr(() => ({ "prompts/evil/v1.yaml": BROKEN_V1 })));
    rmSync(join(pr.repo.dir, "prompts/summarize"), { recursive: true });
    symlinkSync("evil", join(pr.repo.dir, "prompts/summarize"));
    pr.headSha = pr.repo.commit("link summarize to evil");
    const r = await runGate(pr, { inputs: live() });
    expect(r.status?.state).toBe("error");
    expect(r.comment).toContain("prompts/summarize: is a symbolic link");
  });

  test("a case twin prompts/Summarize is an error naming both folders", async () => {
    const pr = track(gatePr(() => ({ "prompts/Summarize/v1.yaml": BROKEN_V1 })));
    const r = await runGate(pr, { inputs: live() });
    expect(r.status?.state).toBe("error");
    // The error block wraps long lines to the comment's width ("\n  ↪ "): read it as one line.
    expect(r.comment?.replace(/\n {2}↪ /g, " ")).toContain(
      "prompts/Summarize and prompts/summarize differ only in case",
    );
  });
});

describe("attack 5: two files for one version", { timeout: 120_000 }, () => {
  test.each([
    [
      "v2.yaml + v2.yml",
      { "prompts/summarize/v2.yml": promptFile(2).replace("(v2)", "(v2 good)") },
      /two files for version 2/,
    ],
    [
      "v02.yaml",
      { "prompts/summarize/v02.yaml": promptFile(2) },
      /v02.yaml: is not a canonical version file name/,
    ],
    [
      "V2.yaml",
      { "prompts/summarize/V2.yaml": promptFile(2) },
      /V2.yaml: is not a canonical version file name/,
    ],
  ])("%s beside the deployed v2 is an error naming the path", async (_what, extra, message) => {
    const pr = track(gatePr(deployV2(extra)));
    const r = await runGate(pr, { inputs: live() });
    expect(r.status?.state).toBe("error");
    expect(r.comment).toMatch(message);
  });

  test('a non-canonical pin ("v02") is an error naming the field', async () => {
    const pr = track(
      gatePr(deployV2({ "prompts/config.yaml": 'environments:\n  production:\n    summarize: "v02"\n' })),
    );
    const r = await runGate(pr, { inputs: live() });
    expect(r.status?.state).toBe("error");
    expect(r.comment).toContain("no leading zeros");
  });
});
