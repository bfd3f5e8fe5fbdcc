import { posix } from "node:path";
import { parseProjectConfig } from "../config/load.js";
import { UserError } from "../errors.js";
import { parseRecordings, type RecordingEntry } from "../engine/providers/replay.js";
import { REPO_CONFIG_NAMES } from "./config-at.js";
import { listFiles, showFile, type Git } from "./git.js";
import { repoPath } from "./paths.js";
import type { ConfigText } from "./trust.js";

/** A project as it stands at a revision; every path "/"-separated and relative to the repository root. */
export interface ProjectAtRevision {
  root: string;
  config: ConfigText | undefined;
  promptsDir: string;
}

const up = (dir: string): string => (dir === "" ? "" : posix.dirname(dir) === "." ? "" : posix.dirname(dir));
const join = (...parts: string[]): string => posix.join(...parts.filter((p) => p !== "")) || "";

/** Every place a config could sit for a project searched from `start`, as on disk: nearest folder first. */
export function configSearchPaths(start: string): string[] {
  const out: string[] = [];
  for (let dir = start; ; dir = up(dir)) {
    for (const c of REPO_CONFIG_NAMES) out.push(join(dir, c));
    if (posix.basename(dir) === "prompts") out.push(join(dir, "config.yaml"));
    if (dir === "") break;
  }
  return [...new Set(out)];
}

/**
 * The project as the given revision lays it out: the first config found walking
 * up from `start` (the working directory, relative to the repository root), its
 * root and prompts folder. The gate reads it at the base revision, so a change
 * cannot add, move or rewrite the file that says how it is judged.
 */
export async function projectAt(git: Git, rev: string, start: string): Promise<ProjectAtRevision> {
  let config: ConfigText | undefined;
  for (const path of configSearchPaths(start)) {
    const text = await showFile(git, rev, path);
    if (text === undefined) continue;
    config = { path, text, config: parseProjectConfig(text, `${path} (at ${rev.slice(0, 12)})`).config };
    break;
  }
  if (!config) return { root: start, config: undefined, promptsDir: join(start, "prompts") };
  const configDir = up(config.path);
  const inPrompts = posix.basename(config.path) === "config.yaml";
  const root = inPrompts ? up(configDir) : configDir;
  let promptsDir = inPrompts ? configDir : join(root, "prompts");
  const field = config.config.prompts_dir;
  if (field !== undefined) {
    const p = repoPath(config.path, field);
    if (p === undefined || !isWithin(root, p)) throw outside(config.path, "prompts_dir", field);
    promptsDir = p;
  }
  return { root, config, promptsDir };
}

function isWithin(root: string, path: string): boolean {
  return root === "" || path === root || path.startsWith(`${root}/`);
}

function outside(file: string, field: string, value: string): UserError {
  return new UserError(
    `${field} "${value}" points outside the repository`,
    { file, field },
    "use a path relative to the config file, inside the repository",
  );
}

/** The config's recordings folder, as a repository path; an error names the field when it climbs out. */
export function recordingsDir(project: ProjectAtRevision): string {
  const configured = project.config?.config.provider?.recordings;
  if (configured === undefined || !project.config) return join(project.root, "recordings");
  const p = repoPath(project.config.path, configured);
  if (p === undefined) throw outside(project.config.path, "provider.recordings", configured);
  return p;
}

/**
 * Replay recordings as the revision holds them, read through git: recordings a
 * change commits cannot answer for it.
 */
export async function recordingsAt(git: Git, rev: string, dir: string): Promise<RecordingEntry[]> {
  const files = (await listFiles(git, rev, dir)).filter((f) => f.endsWith(".jsonl")).sort();
  if (files.length === 0) {
    throw new UserError(
      `no recordings (*.jsonl) under ${dir || "the repository root"} at the base revision`,
      { field: "provider.recordings" },
      "commit the recordings on the default branch first, or use provider type openai",
    );
  }
  const all: RecordingEntry[] = [];
  for (const file of files) {
    const text = await showFile(git, rev, file);
    if (text !== undefined) all.push(...parseRecordings(text, `${file} (base)`));
  }
  return all;
}

/**
 * A comparison with nothing to compare is a wrong setup, not a pass: with no
 * config at the base and no prompts folder at either revision, say where we looked.
 */
export async function requirePrompts(
  git: Git,
  revs: readonly string[],
  project: ProjectAtRevision,
): Promise<void> {
  if (project.config) return;
  for (const rev of revs) if ((await listFiles(git, rev, project.promptsDir)).length > 0) return;
  throw new UserError(
    `no agentops project here: no config (${configSearchPaths(project.root).join(", ")}) and no ${project.promptsDir || "prompts"}/ folder at either revision`,
    {},
    "run agentops compare inside the repository that holds the prompts, or add prompts/config.yaml",
  );
}
