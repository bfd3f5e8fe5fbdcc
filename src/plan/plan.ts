import { posix } from "node:path";
import { parsePromptFile } from "../config/load.js";
import { DEFAULT_ENVIRONMENT } from "../config/project.js";
import { parseVersionRef, type ProjectConfig } from "../config/schema.js";
import { isUserError, UserError } from "../errors.js";
import {
  activeIn,
  affectedByReferences,
  affectedPrompts,
  mergeAffected,
  normalizeDir,
  promptOf,
  type AffectedPrompt,
  type PromptReferences,
} from "./affected.js";
import type { ChangedFile } from "./diff.js";
import { resolvePromptVersions, type PromptsEntry } from "../config/versions.js";
import { createHash } from "node:crypto";
import {
  diffFiles,
  listEntries,
  mergeBase,
  resolveOrFetch,
  showFile,
  type Git,
  type MergeBaseOptions,
} from "./git.js";
import { evalSetPath, judgedBy, type JudgedBy, type VersionAtRev } from "./judged-by.js";
import { repoPath } from "./paths.js";
import { configAt, configCandidates, otherConfigs } from "./config-at.js";
import { configGateChanges, type GateChange } from "./trust.js";

export type { VersionAtRev };

/** A prompt the change affects: both versions, and (src/plan/judged-by.ts) what judges the challenger. */
export interface PlannedPrompt extends JudgedBy {
  name: string;
  reasons: string[];
  /**
   * The version active on the base branch, read from git so the change cannot edit
   * its own baseline; null when the base has no such prompt ("no baseline").
   */
  champion: VersionAtRev | null;
  /** The version the change proposes; null when the change removes the prompt. */
  challenger: VersionAtRev | null;
}

/** What judges a prompt that has no challenger to judge (the change removed it). */
const NOTHING_JUDGED: JudgedBy = {
  evalSet: null,
  criteria: [],
  informational: [],
  addedExamples: [],
  gateChanges: [],
};

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
  /** Every change to how this change is judged: config, then each prompt's. Each needs approval. */
  gateChanges: GateChange[];
  /** The base revision's config: what judges the change (budgets, tolerance, provider…). */
  trustedConfig: ProjectConfig;
}

export interface PlanInput {
  git: Git;
  base: string;
  head: string;
  /** The base revision's prompts folder, relative to the repository root, "/"-separated, e.g. "prompts". */
  promptsDir: string;
  /**
   * The base revision's config file, relative to the repository root, when it has
   * one. The head's pins are read from the same path: a config the change adds
   * elsewhere is ignored (and reported as a gate change).
   */
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
 * prompt name → version → repository path of its version file, from a recursive tree listing with
 * modes, through the one resolver the CLI uses too (src/config/versions.ts): an ambiguous layout
 * (v2.yaml beside v2.yml, v02.yaml, a linked prompt folder, a case twin) is an error naming the path.
 */
export function versionsByPrompt(
  entries: readonly { path: string; mode: string }[],
  promptsDir: string,
): Map<string, Map<number, string>> {
  const dir = normalizeDir(promptsDir);
  const prefix = dir === "" ? "" : `${dir}/`;
  const rel: PromptsEntry[] = [];
  for (const e of entries) {
    if (!e.path.startsWith(prefix)) continue;
    const kind = e.mode === "120000" ? "symlink" : e.mode === "160000" ? "other" : "file";
    rel.push({ rel: e.path.slice(prefix.length), kind });
  }
  return resolvePromptVersions(rel, (r) => `${prefix}${r}`);
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
  return text === undefined
    ? null
    : { version, path, text, sha256: createHash("sha256").update(text, "utf8").digest("hex") };
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
 * Coverage of the pins: every pin at the head resolves to a version file that exists there (else an
 * error: production would fail to load it, or load something the gate never saw), and every prompt
 * the base pins is still pinned at the head; un-pinning one changes what production runs without
 * evaluating it, so it is a gate change. A pin of the base whose prompt the change deleted stays a
 * head pin and fails the first check.
 */
export function checkCoverage(
  baseConfig: LocatedConfig | undefined,
  headConfig: LocatedConfig | undefined,
  env: string,
  headVersions: ReadonlyMap<string, ReadonlyMap<number, string>>,
  promptsDir: string,
): GateChange[] {
  const headPins = headConfig?.config.environments?.[env] ?? {};
  for (const [name, pin] of Object.entries(headPins)) {
    const versions = headVersions.get(name);
    if (!versions || versions.size === 0) {
      const dir = posix.join(promptsDir, name);
      throw new UserError(
        `environment "${env}" pins ${name} to v${String(parseVersionRef(pin))}, but there is no ${dir}/ folder with version files at the head`,
        { ...(headConfig ? { file: headConfig.path } : {}), field: `environments.${env}.${name}` },
        `restore ${dir}/ (deleted, renamed or replaced by a link?), or remove the pin (check the name for typos)`,
      );
    }
    activeAtHead(headConfig, env, name, versions);
  }
  if (!baseConfig || !headConfig) return []; // a config the change deletes or moves is a gate change already
  const changes: GateChange[] = [];
  for (const name of Object.keys(baseConfig.config.environments?.[env] ?? {})) {
    if (name in headPins) continue;
    changes.push({
      kind: "config",
      prompt: name,
      path: headConfig.path,
      summary: `${headConfig.path}: environments.${env}.${name} un-pinned; what ${env} runs for ${name} was not evaluated against its pinned baseline`,
    });
  }
  return changes;
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

  // The base's layout locates the config; the head's copy of that same file gives the pins.
  const configPath = input.configPath;
  const [baseConfig, headConfig] = configPath
    ? await Promise.all([
        configAt(git, baseSha, configPath, `${configPath} (at base ${baseSha.slice(0, 12)})`),
        configAt(git, headSha, configPath, configPath),
      ])
    : [undefined, undefined];
  const configChanges = configGateChanges(
    baseConfig,
    headConfig,
    await otherConfigs(
      git,
      { base: baseSha, head: headSha },
      configCandidates(promptsDir, configPath),
      configPath,
    ),
  );
  // The base decides which environment is the baseline: a change must not pick its own yardstick.
  const env = input.environment ?? baseConfig?.config.gate_environment ?? DEFAULT_ENVIRONMENT;

  const [baseFiles, headFiles] = await Promise.all([
    listEntries(git, baseSha, promptsDir),
    listEntries(git, headSha, promptsDir),
  ]);
  const baseVersions = versionsByPrompt(baseFiles, promptsDir);
  const headVersions = versionsByPrompt(headFiles, promptsDir);

  const coverage = checkCoverage(baseConfig, headConfig, env, headVersions, promptsDir);

  const direct = affectedPrompts(
    changed,
    { promptsDir, configPath },
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
        ...NOTHING_JUDGED,
      });
      continue;
    }
    const headActive = activeAtHead(headConfig, env, a.name, atHead);
    // What production will load after the merge must be what is evaluated: when the head's active file
    // differs from the base's (a pinned v1 edited in place), it is the challenger, whatever else was added.
    const active = await readVersion(git, headSha, atHead, headActive);
    const challenger =
      active && (active.path !== champion?.path || active.sha256 !== champion.sha256)
        ? active
        : await readVersion(git, headSha, atHead, pickChallenger(a, headActive, atHead));
    if (!challenger) {
      prompts.push({ name: a.name, reasons, champion, challenger, ...NOTHING_JUDGED });
      continue;
    }
    prompts.push({
      name: a.name,
      reasons,
      champion,
      challenger,
      ...(await judgedBy(git, { base: baseSha, head: headSha }, a.name, champion, challenger, dir)),
    });
  }
  const gateChanges = [...configChanges, ...coverage, ...prompts.flatMap((p) => p.gateChanges)];
  return {
    baseSha,
    headSha,
    mergeBaseSha,
    environment: env,
    changed,
    prompts,
    ignored: ignored.map((c) => c.path),
    gateChanges,
    trustedConfig: baseConfig?.config ?? {},
  };
}
