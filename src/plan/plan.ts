import { parseProjectConfig, parsePromptFile } from "../config/load.js";
import { DEFAULT_ENVIRONMENT } from "../config/project.js";
import type { ProjectConfig } from "../config/schema.js";
import { activeIn, affectedPrompts } from "./affected.js";
import { repoPath } from "./paths.js";
import type { ChangedFile } from "./diff.js";
import { changedFiles, listFiles, mergeBase, resolveRef, showFile, type Git } from "./git.js";

const VERSION_FILE = /(?:^|\/)v(\d+)\.ya?ml$/;

export interface VersionAtRev {
  version: number;
  path: string;
  text: string;
}

export interface PlannedPrompt {
  name: string;
  reasons: string[];
  /** The version active on the base branch, read from git so the change cannot edit its own baseline. */
  champion: VersionAtRev | null;
  /** The version the change proposes; null when the change removes the prompt. */
  challenger: VersionAtRev | null;
  /** The eval set at the head; both sides are scored on it. */
  evalSet: { path: string; text: string } | null;
}

export interface ComparisonPlan {
  baseSha: string;
  headSha: string;
  mergeBaseSha: string;
  changed: ChangedFile[];
  prompts: PlannedPrompt[];
  /** Changed paths that affect no prompt. */
  ignored: string[];
}

export interface PlanInput {
  git: Git;
  base: string;
  head: string;
  /** Relative to the repository root, "/" separated. */
  promptsDir: string;
  configPath: string | undefined;
  environment?: string;
  /** Changed files from elsewhere (the PR files API); default: git diff merge-base..head. */
  changed?: ChangedFile[];
  fetchDeepen?: (by: number | "unshallow") => Promise<void>;
}

async function configAt(git: Git, rev: string, path: string | undefined): Promise<ProjectConfig | undefined> {
  if (!path) return undefined;
  const text = await showFile(git, rev, path);
  return text === undefined ? undefined : parseProjectConfig(text, `${path} at ${rev.slice(0, 12)}`).config;
}

async function versionsAt(git: Git, rev: string, dir: string): Promise<Map<number, string>> {
  const out = new Map<number, string>();
  for (const path of await listFiles(git, rev, dir)) {
    const rest = path.slice(dir.length + 1);
    if (rest.includes("/")) continue;
    const m = VERSION_FILE.exec(path);
    if (m?.[1]) out.set(Number(m[1]), path);
  }
  return out;
}

function active(
  config: ProjectConfig | undefined,
  env: string,
  name: string,
  versions: Map<number, string>,
): number | undefined {
  const configured = activeIn(config, env, name);
  if (configured !== undefined && versions.has(configured)) return configured;
  return versions.size ? Math.max(...versions.keys()) : undefined;
}

async function versionAt(
  git: Git,
  rev: string,
  path: string | undefined,
  version: number | undefined,
): Promise<VersionAtRev | null> {
  if (!path || version === undefined) return null;
  const text = await showFile(git, rev, path);
  return text === undefined ? null : { version, path, text };
}

/** What the change from base to head affects, with champion and challenger for each prompt. Pure data; no evaluation. */
export async function planComparison(input: PlanInput): Promise<ComparisonPlan> {
  const { git } = input;
  const env = input.environment ?? DEFAULT_ENVIRONMENT;
  const baseSha = await resolveRef(git, input.base);
  const headSha = await resolveRef(git, input.head);
  const mergeBaseSha = await mergeBase(
    git,
    baseSha,
    headSha,
    input.fetchDeepen ? { fetchDeepen: input.fetchDeepen } : {},
  );
  const changed = input.changed ?? (await changedFiles(git, mergeBaseSha, headSha));
  const promptsDir = input.promptsDir.replace(/\/+$/, "");
  const [baseConfig, headConfig] = await Promise.all([
    configAt(git, baseSha, input.configPath),
    configAt(git, headSha, input.configPath),
  ]);
  const { prompts: affected, ignored } = affectedPrompts(
    changed,
    { promptsDir, configPath: input.configPath },
    { base: baseConfig, head: headConfig },
    env,
  );

  const prompts: PlannedPrompt[] = [];
  for (const a of affected) {
    const dir = promptsDir ? `${promptsDir}/${a.name}` : a.name;
    const [headVersions, baseVersions] = await Promise.all([
      versionsAt(git, headSha, dir),
      versionsAt(git, baseSha, dir),
    ]);
    const headActive = active(headConfig, env, a.name, headVersions);
    const touched = a.touchedVersions.filter((v) => headVersions.has(v));
    const challengerVersion = a.activeChanged
      ? headActive
      : touched.length
        ? Math.max(...touched)
        : headActive;
    const championVersion = active(baseConfig, env, a.name, baseVersions);
    const challenger = await versionAt(
      git,
      headSha,
      headVersions.get(challengerVersion ?? -1),
      challengerVersion,
    );
    const champion = await versionAt(git, baseSha, baseVersions.get(championVersion ?? -1), championVersion);
    let evalSet: PlannedPrompt["evalSet"] = null;
    if (challenger) {
      const evalSetField = parsePromptFile(challenger.text, challenger.path).data.eval_set;
      const path = evalSetField ? repoPath(challenger.path, evalSetField) : `${dir}/eval_set.jsonl`;
      const text = path === undefined ? undefined : await showFile(git, headSha, path);
      if (text !== undefined && path !== undefined) evalSet = { path, text };
    }
    prompts.push({ name: a.name, reasons: a.reasons, champion, challenger, evalSet });
  }
  return { baseSha, headSha, mergeBaseSha, changed, prompts, ignored };
}
