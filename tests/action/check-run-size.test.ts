// A check run whose report is over GitHub's 65,535-byte summary limit still concludes, with its
// conclusion and every annotation: the summary is fitted in UTF-8 bytes, and a final update GitHub
// refuses anyway (422 "summary exceeds a maximum bytesize") falls back to a shorter summary.
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, expect, test } from "vitest";
import type { ActionDeps } from "../../src/action/deps.js";
import { publish } from "../../src/action/publish.js";
import { comparePrompt } from "../../src/compare/compare.js";
import type { RunContext } from "../../src/context.js";
import { createOctokit } from "../../src/github/octokit.js";
import { startCheckRun } from "../../src/github/status.js";
import { readSettings } from "../../src/inputs.js";
import type { ComparedPrompt, CompareResults } from "../../src/pipeline/compare-run.js";
import { startFakeGitHub, LIMITS, type FakeFault, type FakeGitHub } from "../helpers/fake-github.js";
import { compareResults, runOf, twoCriteria } from "../helpers/runs.js";

/** 60 prompts, each failing both criteria, with answers in CJK (3 bytes a character). */
function sixtyFailing(): CompareResults {
  const prompts: ComparedPrompt[] = Array.from({ length: 60 }, (_, i) => {
    const champion = runOf(
      1,
      Array.from({ length: 40 }, () => [true, 0.9] as [boolean, number]),
    );
    const challenger = runOf(
      2,
      Array.from({ length: 40 }, (_, k) => (k < 24 ? [false, 0.1] : [true, 0.9]) as [boolean, number]),
    );
    for (const e of [...champion.examples, ...challenger.examples])
      e.output = `回答 ${i} ${"漢字".repeat(300)}`;
    return {
      name: `prompt-${String(i).padStart(2, "0")}`,
      reasons: ["v2.yaml added"],
      comparison: comparePrompt(champion, challenger, twoCriteria()),
      champion,
      challenger,
      challenger_file: `prompts/prompt-${i}/v2.yaml`,
    };
  });
  return compareResults(prompts, { verdict: "fail" });
}

const servers: FakeGitHub[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
});

async function publishCheckRun(faults: FakeFault[] = []) {
  const server = await startFakeGitHub({ faults });
  servers.push(server);
  const warnings: string[] = [];
  const inputs: Record<string, string> = {
    "github-token": "ghs_test",
    "check-mode": "check-run",
    "comment-mode": "off",
  };
  const octokit = createOctokit(
    "ghs_test",
    { warning: (m) => warnings.push(m), info: () => undefined },
    { baseUrl: server.url, retryAfterMs: 1 },
  );
  const deps = {
    octokit,
    settings: readSettings(
      (n) => inputs[n] ?? "",
      () => undefined,
    ),
    context: {
      owner: "o",
      repo: "r",
      event: { kind: "pull_request" },
      runUrl: "https://github.com/o/r/actions/runs/42",
      serverUrl: "https://github.com",
    } as RunContext,
    log: { info: () => undefined, warning: (m: string) => warnings.push(m) },
    writeSummary: () => Promise.resolve(),
    setOutput: () => undefined,
    cwd: tmpdir(),
    outDir: join(await mkdtemp(join(tmpdir(), "agentops-out-")), "agentops"),
  } as unknown as ActionDeps;
  const sha = "a".repeat(40);
  const checkRunId = await startCheckRun(octokit, { owner: "o", repo: "r", sha, name: "agentops/eval" });
  const pr = { prNumber: 1, baseSha: "b".repeat(40), headSha: sha, fork: false };
  const verdict = await publish(deps, pr, sixtyFailing(), {
    noKey: false,
    checkRunId,
    statusTarget: { owner: "o", repo: "r", sha, context: "agentops/eval" },
  });
  const run = server.checkRuns.get(checkRunId) as {
    status?: string;
    conclusion?: string;
    output?: { title?: string; summary?: string; annotations?: unknown[] };
  };
  const patches = server.requests.filter((r) => r.method === "PATCH" && r.path.includes("/check-runs/"));
  return { verdict, run, warnings, patches };
}

test(
  "60 prompts × 2 failing criteria: the summary fits 65,535 bytes and the run concludes with 120 annotations",
  {
    timeout: 120_000,
  },
  async () => {
    const { verdict, run, patches, warnings } = await publishCheckRun();
    expect(verdict).toBe("fail");
    expect(warnings).toEqual([]);
    expect(run.status).toBe("completed");
    expect(run.conclusion).toBe("failure");
    expect(run.output?.annotations).toHaveLength(120);
    const summary = run.output?.summary ?? "";
    expect(Buffer.byteLength(summary, "utf8")).toBeLessThanOrEqual(LIMITS.checkSummaryBytes);
    // Characters alone would have let it through: the report is over the limit in bytes, not in length.
    expect(summary.startsWith("## ❌ agentops: regression")).toBe(true);
    // Every request stayed within 50 annotations: one completing update, then the rest in batches.
    expect(
      patches.map((p) => (p.body as { output: { annotations: unknown[] } }).output.annotations.length),
    ).toEqual([50, 50, 20]);
    // The title is plain text: every failing prompt counted, no markdown escape.
    expect(run.output?.title).toMatch(/^regression: 60 prompts failed: prompt-00, .*\+\d+ more\. Push a fix/);
    expect(run.output?.title).not.toContain("\\");
  },
);

test(
  "a final update GitHub refuses as too big still concludes: a shorter summary, the conclusion, every annotation",
  {
    timeout: 120_000,
  },
  async () => {
    const { run, patches, warnings } = await publishCheckRun([
      {
        match: /^PATCH \/repos\/o\/r\/check-runs\/\d+$/,
        status: 422,
        times: 1,
        message: "Invalid request.\n\nsummary exceeds a maximum bytesize of 65535",
      },
    ]);
    expect(run.status).toBe("completed");
    expect(run.conclusion).toBe("failure");
    expect(run.output?.annotations).toHaveLength(120);
    expect(Buffer.byteLength(run.output?.summary ?? "", "utf8")).toBeLessThanOrEqual(20_000);
    expect(patches).toHaveLength(4);
    expect(warnings.join("\n")).toMatch(/refused the check run's summary .*concluding with a shorter one/);
  },
);
