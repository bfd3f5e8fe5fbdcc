import { posix } from "node:path";
import { parseProjectConfig, parsePromptFile } from "../config/load.js";
import { CONFIG_CANDIDATES, DEFAULT_ENVIRONMENT } from "../config/project.js";
import type { ProjectConfig } from "../config/schema.js";
import { isUserError, UserError } from "../errors.js";
import {
  activeIn,
  affectedByReferences,
  affectedPrompts,
  DEFAULT_EVAL_SET,
  mergeAffected,
  normalizeDir,
  promptOf,
  VERSION_FILE,
  type AffectedPrompt,
  type PromptReferences,
} from "./affected.js";
import type { ChangedFile } from "./diff.js";
import {
  diffFiles,
  listFiles,
  mergeBase,
  resolveOrFetch,
  showFile,
  type Git,
  type MergeBaseOptions,
} from "./git.js";
import { repoPath } from "./paths.js";

export interface VersionAtRev {
  version: number;
  /** Repository path of the version file. */
  path: string;
  text: string;
}

export interface PlannedPrompt {
  name: string;
  reasons: string[];
  /**
   * The version active on the base branch, read from git so the change cannot edit
   * its own baseline; null when the base has no such prompt ("no baseline").
   */
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
  /** The environment whose active versions are the baseline. */
  environment: string;
  changed: ChangedFile[];
  prompts: PlannedPrompt[];
  /** Changed paths that affect no prompt. */
  ignored: string[];
}

export interface PlanInput {
  git: Git;
  base: string;
  head: string;
  /** Relative to the repository root, "/"-separated, e.g. "prompts". */
  promptsDir: string;
  /** Relative to the repository root, when the project has a config. */
  configPath: string | undefined;
  /** Default: the base revision's gate_environment, else "production". */
  environment?: string;
  /** Changed files from elsewhere (the PR files API); default: git diff merge-base..head. */
  changed?: ChangedFile[];
  fetchDeepen?: MergeBaseOptions["fetchDeepen"];
  /** Remote to fetch missing commits and history from; default "origin". */
  remote?: string;
}

interface LocatedConfig {
  path: string;
  config: ProjectConfig;
}

/**
 * Where the project config may live at a revision: the caller's path first, then
 * the same candidates the loader tries on disk, from the project root. Trying all
 * of them lets a change that adds, moves or deletes the config still compare.
 */
export function configCandidates(promptsDir: string, configPath: string | undefined): string[] {
  let root: string;
  if (configPath !== undefined) {
    // prompts/config.yaml sits inside the prompts folder; agentops.yaml beside it (as in openProject).
    const parent = posix.dirname(configPath);
    root = posix.basename(configPath) === "config.yaml" ? posix.dirname(parent) : parent;
  } else {
    const dir = normalizeDir(promptsDir);
    root = dir === "" ? "." : posix.dirname(dir);
  }
  const candidates = CONFIG_CANDIDATES.map((c) => normalizeDir(posix.join(root, c.replace(/\\/g, "/"))));
  return [...new Set([...(configPath !== undefined ? [configPath] : []), ...candidates])];
}

async function configAt(
  git: Git,
  rev: string,
  candidates: readonly string[],
  label: (path: string) => string,
): Promise<LocatedConfig | undefined> {
  for (const path of candidates) {
    const text = await showFile(git, rev, path);
    if (text === undefined) continue;
    const located: LocatedConfig = { path, config: parseProjectConfig(text, label(path)).config };
    return located;
  }
  return undefined;
}

/** prompt name → version → repository path of its version file, from a recursive file listing. */
export function versionsByPrompt(
  files: readonly string[],
  promptsDir: string,
): Map<string, Map<number, string>> {
  const out = new Map<string, Map<number, string>>();
  for (const path of files) {
    const hit = promptOf(path, promptsDir);
    const m = hit ? VERSION_FILE.exec(hit.file) : null;
    if (!hit || !m?.[1]) continue;
    let versions = out.get(hit.name);
    if (!versions) {
      versions = new Map();
      out.set(hit.name, versions);
    }
    versions.set(Number(m[1]), path);
  }
  return out;
}

function newest(versions: ReadonlyMap<number, string>): number | undefined {
  return versions.size ? Math.max(...versions.keys()) : undefined;
}

/**
 * New prompt name → old one, for prompt folders the change renamed (git pairs their
 * files as renames): the new name had no versions at the base, the old one has none
 * at the head.
 */
function renamedPrompts(
  changed: readonly ChangedFile[],
  promptsDir: string,
  baseVersions: ReadonlyMap<string, ReadonlyMap<number, string>>,
  headVersions: ReadonlyMap<string, ReadonlyMap<number, string>>,
): Map<string, string> {
  const renamed = new Map<string, string>();
  for (const c of changed) {
    if (c.status !== "renamed" || c.previousPath === undefined) continue;
    const to = promptOf(c.path, promptsDir)?.name;
    const from = promptOf(c.previousPath, promptsDir)?.name;
    if (!to || !from || to === from || baseVersions.has(to) || headVersions.has(from)) continue;
    if (baseVersions.has(from)) renamed.set(to, from);
  }
  return renamed;
}

/**
 * The version active at the head: the configured one, else the newest. A pin to a
 * missing file is the change's own mistake, so it stops the plan with a fix-it message.
 */
function activeAtHead(
  config: LocatedConfig | undefined,
  env: string,
  name: string,
  versions: ReadonlyMap<number, string>,
): number | undefined {
  const configured = activeIn(config?.config, env, name);
  if (configured === undefined || versions.has(configured)) return configured ?? newest(versions);
  throw new UserError(
    `environment "${env}" pins ${name} to v${configured}, but there is no v${configured}.yaml`,
    { ...(config ? { file: config.path } : {}), field: `environments.${env}.${name}` },
    `add v${configured}.yaml or pin one of: ${[...versions.keys()].map((v) => `v${v}`).join(", ")}`,
  );
}

/**
 * The version active at the base. A broken pin there is not this change's fault;
 * the newest version is the best guess at what runs, as when nothing is pinned.
 */
function activeAtBase(
  config: LocatedConfig | undefined,
  env: string,
  name: string,
  versions: ReadonlyMap<number, string>,
): number | undefined {
  const configured = activeIn(config?.config, env, name);
  return configured !== undefined && versions.has(configured) ? configured : newest(versions);
}

/**
 * The challenger: the version the head makes active when the config switched it;
 * else the highest version file the change added or edited; else (only the eval set
 * or a rubric changed) the head's active version.
 */
export function pickChallenger(
  affected: Pick<AffectedPrompt, "activeChanged" | "touchedVersions">,
  headActive: number | undefined,
  headVersions: ReadonlyMap<number, string>,
): number | undefined {
  if (affected.activeChanged) return headActive;
  const touched = affected.touchedVersions.filter((v) => headVersions.has(v));
  return touched.length ? Math.max(...touched) : headActive;
}

async function readVersion(
  git: Git,
  rev: string,
  versions: ReadonlyMap<number, string>,
  version: number | undefined,
): Promise<VersionAtRev | null> {
  const path = version === undefined ? undefined : versions.get(version);
  if (version === undefined || path === undefined) return null;
  const text = await showFile(git, rev, path);
  return text === undefined ? null : { version, path, text };
}

function evalSetPath(file: string, field: string | undefined, dir: string): string {
  if (field === undefined) return posix.join(dir, DEFAULT_EVAL_SET);
  const path = repoPath(file, field);
  if (path === undefined) {
    throw new UserError(
      `eval_set "${field}" points outside the repository`,
      { file, field: "eval_set" },
      "use a path relative to the prompt file, inside the repository",
    );
  }
  return path;
}

/** The files each prompt's head-active version reads (eval set, rubric files), for shared-file changes. */
async function referencesAtHead(
  git: Git,
  headSha: string,
  headVersions: ReadonlyMap<string, ReadonlyMap<number, string>>,
  config: LocatedConfig | undefined,
  env: string,
  promptsDir: string,
): Promise<PromptReferences[]> {
  const refs: PromptReferences[] = [];
  // Sequential on purpose: a few ms per prompt, and no burst of git processes on a big repository.
  for (const [name, versions] of headVersions) {
    try {
      const version = await readVersion(git, headSha, versions, activeAtHead(config, env, name, versions));
      if (!version) continue;
      const data = parsePromptFile(version.text, version.path).data;
      const rubrics = data.eval_criteria.flatMap((c) =>
        c.type === "llm_judge" && c.rubric_file !== undefined ? [repoPath(version.path, c.rubric_file)] : [],
      );
      refs.push({
        name,
        evalSet: evalSetPath(version.path, data.eval_set, posix.join(promptsDir, name)),
        rubrics: rubrics.filter((r): r is string => r !== undefined),
      });
    } catch (e) {
      // A prompt this change did not touch must not fail the plan; its own run reports the problem.
      if (!isUserError(e)) throw e;
    }
  }
  return refs;
}

/**
 * What the change from base to head affects, with champion and challenger for each
 * prompt. Everything is read from git objects, never the working tree, so the
 * baseline is what the base branch holds. Pure data; no evaluation happens here.
 */
export async function planComparison(input: PlanInput): Promise<ComparisonPlan> {
  const { git } = input;
  const remote = input.remote ?? "origin";
  const promptsDir = normalizeDir(input.promptsDir);
  const baseSha = await resolveOrFetch(git, input.base, remote);
  const headSha = await resolveOrFetch(git, input.head, remote);
  const mergeBaseSha = await mergeBase(git, baseSha, headSha, {
    remote,
    ...(input.fetchDeepen ? { fetchDeepen: input.fetchDeepen } : {}),
  });
  const changed = input.changed ?? (await diffFiles(git, mergeBaseSha, headSha));

  const candidates = configCandidates(promptsDir, input.configPath);
  const [baseConfig, headConfig] = await Promise.all([
    configAt(git, baseSha, candidates, (p) => `${p} (at base ${baseSha.slice(0, 12)})`),
    configAt(git, headSha, candidates, (p) => p),
  ]);
  // The base decides which environment is the baseline: a change must not pick its own yardstick.
  const env = input.environment ?? baseConfig?.config.gate_environment ?? DEFAULT_ENVIRONMENT;

  const [baseFiles, headFiles] = await Promise.all([
    listFiles(git, baseSha, promptsDir),
    listFiles(git, headSha, promptsDir),
  ]);
  const baseVersions = versionsByPrompt(baseFiles, promptsDir);
  const headVersions = versionsByPrompt(headFiles, promptsDir);

  const direct = affectedPrompts(
    changed,
    { promptsDir, configPath: input.configPath, configPaths: [baseConfig?.path, headConfig?.path] },
    { base: baseConfig?.config, head: headConfig?.config },
    env,
  );
  // A folder under prompts/ with no version file on either side (prompts/shared/) is not a prompt.
  const isPrompt = (a: AffectedPrompt): boolean =>
    a.activeChanged !== undefined || baseVersions.has(a.name) || headVersions.has(a.name);
  const unattributed = [...direct.ignored];
  for (const a of direct.prompts.filter((p) => !isPrompt(p))) {
    for (const c of a.changes) if (!unattributed.includes(c)) unattributed.push(c);
  }
  let affected = direct.prompts.filter(isPrompt);
  let ignored = unattributed;
  if (unattributed.length > 0) {
    const refs = affectedByReferences(
      unattributed,
      await referencesAtHead(git, headSha, headVersions, headConfig, env, promptsDir),
    );
    affected = mergeAffected(affected, refs.prompts);
    ignored = refs.ignored;
  }

  const renamed = renamedPrompts(changed, promptsDir, baseVersions, headVersions);
  const renamedAway = new Set(renamed.values());
  const prompts: PlannedPrompt[] = [];
  for (const a of affected) {
    const dir = posix.join(promptsDir, a.name);
    const atHead = headVersions.get(a.name) ?? new Map<number, string>();
    if (atHead.size === 0 && renamedAway.has(a.name)) continue; // reported under its new name
    // A renamed folder keeps its baseline: a rename must not be a way around the comparison.
    const baseName = renamed.get(a.name) ?? a.name;
    const reasons =
      baseName === a.name
        ? a.reasons
        : [`prompt folder renamed from ${posix.join(promptsDir, baseName)}`, ...a.reasons];
    const atBase = baseVersions.get(baseName) ?? new Map<number, string>();
    if (atHead.size === 0 && a.activeChanged?.to !== undefined) {
      throw new UserError(
        `environment "${env}" pins ${a.name} to v${a.activeChanged.to}, but there is no ${dir}/ folder with version files`,
        { ...(headConfig ? { file: headConfig.path } : {}), field: `environments.${env}.${a.name}` },
        `add ${dir}/v${a.activeChanged.to}.yaml, or remove the pin (check the prompt's name for typos)`,
      );
    }
    if (atHead.size === 0 && atBase.size === 0) continue; // a pin removed for a prompt that never existed
    const champion = await readVersion(git, baseSha, atBase, activeAtBase(baseConfig, env, baseName, atBase));
    if (atHead.size === 0) {
      prompts.push({
        name: a.name,
        reasons: ["prompt removed", ...a.reasons],
        champion,
        challenger: null,
        evalSet: null,
      });
      continue;
    }
    const headActive = activeAtHead(headConfig, env, a.name, atHead);
    const challenger = await readVersion(git, headSha, atHead, pickChallenger(a, headActive, atHead));
    let evalSet: PlannedPrompt["evalSet"] = null;
    if (challenger) {
      const data = parsePromptFile(challenger.text, challenger.path).data;
      const path = evalSetPath(challenger.path, data.eval_set, dir);
      const text = await showFile(git, headSha, path);
      if (text !== undefined) evalSet = { path, text };
    }
    prompts.push({ name: a.name, reasons, champion, challenger, evalSet });
  }
  return {
    baseSha,
    headSha,
    mergeBaseSha,
    environment: env,
    changed,
    prompts,
    ignored: ignored.map((c) => c.path),
  };
}
