import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { parseEvalSet, parsePromptFile } from "../../src/config/load.js";
import { buildRequest } from "../../src/engine/build-request.js";
import { cacheKey, cachePath } from "../../src/engine/providers/cache.js";
import { requestKey } from "../../src/engine/request.js";
import { startFakeGitHub, type FakeGitHub, type FakeGitHubOptions } from "./fake-github.js";
import { startFakeOpenAI, type FakeOpenAI } from "./fake-openai.js";
import { TempRepo } from "./git-repo.js";
import { pullRequestPayload, runAction, type ActionRun } from "./run-action.js";

/**
 * A one-prompt project whose v2 fails every example: v1 answers in three
 * bullets, v2 (its system prompt says "(v2)") answers in prose, so `bullets`
 * drops from 100% to 0%. A fair PR switching production to v2 must fail.
 */
export const GOOD = "- one\n- two\n- three";
export const BAD = "no bullets at all";
export const EXAMPLES = 30;

export const promptFile = (version: number, criteria = BULLETS, extra = ""): string =>
  `name: summarize\nversion: ${version}\nmodel: gpt-4o-mini\nsystem: "Summarize as bullets. (v${version})"\ntemplate: "{text}"\n${extra}eval_criteria:\n${criteria}`;
export const BULLETS = "  - name: bullets\n    type: format_check\n    bullets: { min: 3 }\n";
export const evalSet = (n = EXAMPLES, from = 1): string =>
  Array.from(
    { length: n },
    (_, i) => `{"id": "e${String(from + i).padStart(3, "0")}", "input": {"text": "story ${from + i}"}}`,
  ).join("\n") + "\n";
export const CONFIG = (version: number, extra = ""): string =>
  `environments:\n  production:\n    summarize: ${version}\n${extra}`;

/** The fake model: bad answers for v2, good ones otherwise. */
export function fakeModel(): Promise<FakeOpenAI> {
  return startFakeOpenAI((r) => ({
    text: r.body.messages.some((m) => m.content.includes("(v2)")) ? BAD : GOOD,
  }));
}

/** Answers keyed as the engine keys them, so a test can plant them where an attacker would. */
export function answersFor(
  promptText: string,
  setText: string,
  output: string,
): { requestKey: string; entry: (key: string) => string; request: ReturnType<typeof buildRequest> }[] {
  const prompt = parsePromptFile(promptText, "v.yaml").data;
  return parseEvalSet(setText, "eval_set.jsonl").examples.map((ex) => {
    const request = buildRequest(prompt, ex);
    return {
      request,
      requestKey: requestKey(request, 0),
      entry: (key: string) =>
        JSON.stringify({ key, output, usage: { prompt_tokens: 5, completion_tokens: 5 }, latency_ms: 1 }),
    };
  });
}

/** Recordings (replay provider) for every example of a version, as one JSONL text. */
export function recordingsFor(promptText: string, setText: string, output: string): string {
  return answersFor(promptText, setText, output)
    .map((a) => a.entry(a.requestKey))
    .join("\n");
}

/** Answer-cache files for every example of a version, written under `dir`. */
export function plantCache(
  dir: string,
  baseUrl: string,
  promptText: string,
  setText: string,
  output: string,
): void {
  for (const a of answersFor(promptText, setText, output)) {
    const key = cacheKey(baseUrl.replace(/\/+$/, ""), a.request, 0);
    const path = cachePath(dir, key);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, a.entry(key));
  }
}

export interface GatePr {
  repo: TempRepo;
  baseSha: string;
  headSha: string;
}

/** The base commit (v1 active) and a PR branch on which `change` writes files; returns both SHAs. */
export function gatePr(
  change: (files: Record<string, string>) => Record<string, string | null>,
  base: Record<string, string> = {},
): GatePr {
  const repo = new TempRepo();
  const baseFiles: Record<string, string> = {
    "prompts/config.yaml": CONFIG(1),
    "prompts/summarize/v1.yaml": promptFile(1),
    "prompts/summarize/eval_set.jsonl": evalSet(),
    ...base,
  };
  const baseSha = repo.commit("base", baseFiles);
  repo.branch("feature");
  const headSha = repo.commit("the change", change(baseFiles));
  return { repo, baseSha, headSha };
}

/** The fair change: add v2 (which fails every example) and deploy it to production. */
export const deployV2 =
  (extra: Record<string, string | null> = {}) =>
  (): Record<string, string | null> => ({
    "prompts/summarize/v2.yaml": promptFile(2),
    "prompts/config.yaml": CONFIG(2),
    ...extra,
  });

export interface GateRun extends ActionRun {
  gh: FakeGitHub;
  /** The last status set on the head commit. */
  status: { state: string; description: string } | undefined;
  /** The report comment's body ("" when none). */
  comment: string;
}

/** Runs the bundled Action on the PR's pull_request event against the fakes. */
export async function runGate(
  pr: GatePr,
  opts: {
    inputs?: Record<string, string>;
    files?: FakeGitHubOptions["pr"] extends infer P ? (P extends { files: infer F } ? F : never) : never;
    changedFiles?: number;
    env?: Record<string, string>;
  } = {},
): Promise<GateRun> {
  const gh = await startFakeGitHub({
    pr: {
      number: 7,
      baseSha: pr.baseSha,
      headSha: pr.headSha,
      files: opts.files ?? (await changedList(pr)),
    },
    permissions: { boss: "admin" },
  });
  try {
    const r = await runAction({
      event: "pull_request",
      payload: pullRequestPayload({
        baseSha: pr.baseSha,
        headSha: pr.headSha,
        pr: {
          ...(opts.changedFiles !== undefined ? { changed_files: opts.changedFiles } : {}),
          user: { login: "author" },
          state: "open",
        },
      }),
      inputs: { "github-token": "ghs_trustCanary0123456789", ...opts.inputs },
      apiUrl: gh.url,
      workspace: pr.repo.dir,
      ...(opts.env ? { env: opts.env } : {}),
    });
    const mine = gh.statuses.filter((s) => s.sha === pr.headSha);
    return {
      ...r,
      gh,
      status: mine.at(-1),
      comment: gh.comments.at(-1)?.body ?? "",
    };
  } finally {
    await gh.close();
  }
}

/** The PR's files as GitHub's files API lists them, from git. */
async function changedList(pr: GatePr): Promise<{ filename: string; status: string }[]> {
  const out = pr.repo.git("diff", "--name-status", "--no-renames", `${pr.baseSha}...${pr.headSha}`);
  const status: Record<string, string> = { A: "added", M: "modified", D: "removed" };
  return Promise.resolve(
    out
      .split("\n")
      .filter(Boolean)
      .map((line) => {
        const [s, filename] = line.split("\t");
        return { filename: filename ?? "", status: status[s ?? ""] ?? "modified" };
      }),
  );
}

/** A RUNNER_TEMP of the test's own, to plant a trusted answer cache in. */
export function runnerTemp(): string {
  return mkdtempSync(join(tmpdir(), "agentops-runner-"));
}
