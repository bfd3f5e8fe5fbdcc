import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { startFakeGitHub, type FakeGitHub } from "./fake-github.js";
import { startFakeOpenAI, type FakeHandler, type FakeOpenAI } from "./fake-openai.js";
import { TempRepo } from "./git-repo.js";
import { pullRequestPayload, runAction, type ActionRun } from "./run-action.js";

export interface LivePullRequest {
  run: ActionRun;
  gh: FakeGitHub;
  llm: FakeOpenAI;
  /** Stops both servers and deletes the repository. */
  close(): Promise<void>;
}

/**
 * prompts-example as a repository on a live (OpenAI-compatible) provider, a PR
 * switching summarize's production version to v2, and the bundled Action run
 * on it against fake GitHub and model servers. Needs `npm run build` first.
 */
export async function runLivePullRequest(
  handler: FakeHandler,
  opts: { apiKey: string; token: string; inputs?: Record<string, string> },
): Promise<LivePullRequest> {
  const repo = new TempRepo();
  cpSync("prompts-example", repo.dir, { recursive: true });
  const configPath = join(repo.dir, "prompts/config.yaml");
  const live = readFileSync(configPath, "utf8").replace(
    /provider:\n {2}type: replay\n {2}recordings: \.\.\/recordings\n/,
    "",
  );
  writeFileSync(configPath, live);
  const baseSha = repo.commit("base");
  repo.branch("feature");
  writeFileSync(configPath, live.replace(/(production:[\s\S]*?summarize: )1/, "$12"));
  const headSha = repo.commit("switch");
  const llm = await startFakeOpenAI(handler);
  const gh = await startFakeGitHub({
    pr: { number: 7, baseSha, headSha, files: [{ filename: "prompts/config.yaml", status: "modified" }] },
  });
  const close = async (): Promise<void> => {
    await gh.close();
    await llm.close();
    repo.remove();
  };
  try {
    const run = await runAction({
      event: "pull_request",
      payload: pullRequestPayload({ baseSha, headSha }),
      inputs: { "github-token": opts.token, "api-key": opts.apiKey, "base-url": llm.url, ...opts.inputs },
      apiUrl: gh.url,
      workspace: repo.dir,
    });
    return { run, gh, llm, close };
  } catch (e) {
    await close();
    throw e;
  }
}
