import { cpSync, existsSync, mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startFakeGitHub, type FakeGitHub } from "../helpers/fake-github.js";
import { startFakeOpenAI, type FakeOpenAI } from "../helpers/fake-openai.js";
import {
  BAD,
  GOOD,
  deployV2,
  evalSet,
  fakeModel,
  gatePr,
  runGate,
  runnerTemp,
  type GatePr,
} from "../helpers/gate-project.js";
import { pullRequestPayload, runAction, type ActionRun } from "../helpers/run-action.js";

/** The bundled Action (npm run build first) as a matrix of shards and a merge job, against the fakes. */
const KEY = "sk-shard-canary-0a1b2c3d4e5f";
let bad: FakeOpenAI;
let good: FakeOpenAI;
const prs: GatePr[] = [];
beforeAll(async () => {
  bad = await fakeModel();
  good = await startFakeOpenAI(() => ({ text: GOOD }));
});
afterAll(async () => {
  await Promise.all([bad.close(), good.close()]);
  for (const pr of prs) pr.repo.remove();
});

const inputs = (llm: FakeOpenAI, extra: Record<string, string>) => ({
  "github-token": "ghs_shardCanary0123456789",
  "api-key": KEY,
  "base-url": llm.url,
  cache: "false",
  ...extra,
});

async function githubFor(pr: GatePr): Promise<FakeGitHub> {
  return startFakeGitHub({
    pr: {
      number: 7,
      baseSha: pr.baseSha,
      headSha: pr.headSha,
      files: [
        { filename: "prompts/config.yaml", status: "modified" },
        { filename: "prompts/summarize/v2.yaml", status: "added" },
      ],
    },
  });
}

const onPr = (pr: GatePr, gh: FakeGitHub, with_: Record<string, string>, env: Record<string, string> = {}) =>
  runAction({
    event: "pull_request",
    payload: pullRequestPayload({
      baseSha: pr.baseSha,
      headSha: pr.headSha,
      pr: { user: { login: "author" } },
    }),
    inputs: with_,
    apiUrl: gh.url,
    workspace: pr.repo.dir,
    env,
  });

/** Runs shards 1..N as matrix jobs (each its own RUNNER_TEMP); returns the "downloaded" folder. */
async function shards(
  pr: GatePr,
  gh: FakeGitHub,
  llm: FakeOpenAI,
  n: number,
  only?: number[],
): Promise<string> {
  const downloaded = mkdtempSync(join(tmpdir(), "agentops-download-"));
  for (let i = 1; i <= n; i++) {
    const temp = runnerTemp();
    const r: ActionRun = await onPr(pr, gh, inputs(llm, { shard: `${i}/${n}` }), { RUNNER_TEMP: temp });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const path = r.outputs["shard-results-path"] ?? "";
    expect(path).toBe(join(temp, "agentops", "shards", `shard-${i}-of-${n}.json`));
    expect(existsSync(path)).toBe(true);
    // download-artifact with several artifacts puts each in a folder named after it.
    if (only && !only.includes(i)) continue;
    mkdirSync(join(downloaded, `agentops-shard-${i}`));
    cpSync(path, join(downloaded, `agentops-shard-${i}`, basename(path)));
  }
  return downloaded;
}

/**
 * The report comment without its hidden state (which records when it was written), the shard note, and the
 * latencies and their change (measured on the live loopback server, so they differ between any two runs).
 */
const body = (text: string): string =>
  text
    .replace(/<!-- agentops-state [\s\S]*?-->/g, "")
    .replace(/\n<sub>Merged from [^\n]*<\/sub>\n/, "")
    .replace(/ *[\d,]+ ms \/ +[\d,]+ ms/g, " (latency)")
    // The line on the challenger's change, when latency is all that changed.
    .replace(/^Challenger against champion: (\*\*)?[−+][\d,]+% p95 latency(\*\*)?( ⚠️)?\.\n\n/gm, "");

describe("the Action: shard: i/N, then merge: true", { timeout: 120_000 }, () => {
  test("shards post nothing; the merge posts the one comment and status, as one unsharded run would", async () => {
    const pr = gatePr(deployV2());
    prs.push(pr);
    const gh = await githubFor(pr);
    try {
      const downloaded = await shards(pr, gh, bad, 3);
      // No comment, no status, no write of any kind from the shards.
      expect(gh.comments).toEqual([]);
      expect(gh.statuses).toEqual([]);
      expect(gh.requests.filter((q) => q.method !== "GET")).toEqual([]);

      const merged = await onPr(pr, gh, inputs(bad, { merge: "true", "merge-from": downloaded }));
      expect(merged.code).toBe(1);
      expect(merged.outputs.verdict).toBe("fail");
      expect(gh.comments).toHaveLength(1);
      const comment = gh.comments[0]?.body ?? "";
      expect(comment).toContain("Merged from 3 of 3 shards.");
      const final = gh.statuses.filter((s) => s.sha === pr.headSha).at(-1);
      expect(final?.state).toBe("failure");

      const whole = await runGate(pr, { inputs: inputs(bad, {}) });
      expect(whole.code).toBe(1);
      expect(final?.description).toBe(whole.status?.description);
      expect(body(comment)).toBe(body(whole.comment));
    } finally {
      await gh.close();
    }
  });

  test("a shard that failed to deliver: the merged verdict is inconclusive and the status names the shard", async () => {
    const pr = gatePr(deployV2());
    prs.push(pr);
    const gh = await githubFor(pr);
    try {
      const downloaded = await shards(pr, gh, good, 2, [1]);
      const merged = await onPr(pr, gh, inputs(good, { merge: "true", "merge-from": downloaded }));
      expect(merged.outputs.verdict).toBe("inconclusive");
      const final = gh.statuses.filter((s) => s.sha === pr.headSha).at(-1);
      expect(final?.state).toBe("error");
      expect(final?.description).toContain("shard 2/2");
      expect(gh.comments[0]?.body).toContain("missing: shard 2/2");
    } finally {
      await gh.close();
    }
  });

  test("examples the PR adds cannot hide a base regression in a sharded run (issue 20, attack 1, through shards)", async () => {
    // v2 fails all 10 base examples; 600 added examples both versions answer well would pool the drop
    // down to −1.6 points, within the tolerance.
    const easy = Array.from({ length: 600 }, (_, i) => `{"id": "x${i}", "input": {"text": "easy ${i}"}}`);
    const pr = gatePr(
      deployV2({ "prompts/summarize/eval_set.jsonl": evalSet(10) + easy.join("\n") + "\n" }),
      {
        "prompts/summarize/eval_set.jsonl": evalSet(10),
      },
    );
    prs.push(pr);
    const llm = await startFakeOpenAI((r) => ({
      text:
        r.body.messages.some((m) => m.content.includes("(v2)")) &&
        !r.body.messages.some((m) => m.content.includes("easy"))
          ? BAD
          : GOOD,
    }));
    const gh = await startFakeGitHub({
      pr: {
        number: 7,
        baseSha: pr.baseSha,
        headSha: pr.headSha,
        files: [
          { filename: "prompts/config.yaml", status: "modified" },
          { filename: "prompts/summarize/v2.yaml", status: "added" },
          { filename: "prompts/summarize/eval_set.jsonl", status: "modified" },
        ],
      },
    });
    try {
      const downloaded = await shards(pr, gh, llm, 2);
      const merged = await onPr(pr, gh, inputs(llm, { merge: "true", "merge-from": downloaded }));
      expect(merged.code, merged.stderr).toBe(1);
      expect(merged.outputs.verdict).toBe("fail");
      expect(gh.statuses.filter((s) => s.sha === pr.headSha).at(-1)?.state).toBe("failure");
      const comment = gh.comments.at(-1)?.body ?? "";
      expect(comment).toContain("examples this change adds");
    } finally {
      await Promise.all([gh.close(), llm.close()]);
    }
  });
});
