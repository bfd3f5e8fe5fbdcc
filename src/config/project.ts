import type { Dirent } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import { basename, dirname, join, relative, resolve, sep } from "node:path";
import { UserError } from "../errors.js";
import { loadProjectConfig, type LoadedProjectConfig } from "./load.js";
import { parseVersionRef, type ProjectConfig } from "./schema.js";
import {
  CANONICAL_VERSION_FILE,
  resolvePromptVersions,
  type EntryKind,
  type PromptsEntry,
} from "./versions.js";

export const CONFIG_CANDIDATES = ["agentops.yaml", "agentops.yml", join("prompts", "config.yaml")];
export const DEFAULT_ENVIRONMENT = "production";

export interface Project {
  /** Folder of the config file, or the folder the user pointed at when there is none. */
  root: string;
  configFile: string | undefined;
  config: ProjectConfig;
  promptsDir: string;
}

export interface PromptTarget {
  name: string;
  dir: string;
  version: number;
  file: string;
  /** Why this version, e.g. "active in production (prompts/config.yaml)". */
  reason: string;
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

/** Walks up from `start` to the first folder holding a config, stopping at a git root. */
export async function findProjectConfig(start: string): Promise<string | undefined> {
  let dir = resolve(start);
  for (;;) {
    for (const candidate of CONFIG_CANDIDATES) {
      const path = join(dir, candidate);
      if (await exists(path)) return path;
    }
    // A prompts folder's own config.yaml (the folder the user pointed at is prompts/).
    if (basename(dir) === "prompts" && (await exists(join(dir, "config.yaml"))))
      return join(dir, "config.yaml");
    const parent = dirname(dir);
    if (parent === dir || (await exists(join(dir, ".git")))) return undefined;
    dir = parent;
  }
}

export async function openProject(start: string): Promise<Project> {
  const configFile = await findProjectConfig(start);
  let loaded: LoadedProjectConfig | undefined;
  if (configFile) loaded = await loadProjectConfig(configFile);
  const config = loaded?.config ?? {};
  // prompts/config.yaml lives inside the prompts folder; agentops.yaml beside it.
  const inPrompts = configFile !== undefined && basename(configFile) === "config.yaml";
  const root = configFile ? (inPrompts ? dirname(dirname(configFile)) : dirname(configFile)) : resolve(start);
  const configDir = configFile ? dirname(configFile) : root;
  const promptsDir = config.prompts_dir
    ? resolveInside(root, resolve(configDir, config.prompts_dir), configFile, "prompts_dir")
    : inPrompts
      ? configDir
      : join(root, "prompts");
  return { root, configFile, config, promptsDir };
}

/** Refuses paths that climb out of the project (`..`, absolute paths elsewhere). */
export function resolveInside(root: string, path: string, file: string | undefined, field: string): string {
  const rel = relative(root, path);
  if (rel === ".." || rel.startsWith(`..${sep}`) || resolve(root, rel) !== resolve(path)) {
    throw new UserError(
      `"${path}" is outside the project folder ${root}`,
      { ...(file ? { file } : {}), field },
      "use a path inside the repository",
    );
  }
  return path;
}

function kindOf(e: Dirent): EntryKind {
  return e.isFile() ? "file" : e.isDirectory() ? "dir" : e.isSymbolicLink() ? "symlink" : "other";
}

/** version → file of one prompt folder, through the resolver the gate uses (src/config/versions.ts). */
export async function listVersions(promptDir: string): Promise<Map<number, string>> {
  const name = basename(promptDir);
  const entries = (await readdir(promptDir, { withFileTypes: true })).map((e) => ({
    rel: `${name}/${e.name}`,
    kind: kindOf(e),
  }));
  const parent = dirname(promptDir);
  return resolvePromptVersions(entries, (rel) => join(parent, rel)).get(name) ?? new Map();
}

export async function listPromptDirs(promptsDir: string): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(promptsDir, { withFileTypes: true });
  } catch {
    throw new UserError(
      "prompts folder not found",
      { file: promptsDir },
      "create it, or set prompts_dir in agentops.yaml",
    );
  }
  // Links and case twins are refused here as the gate refuses them in git trees.
  const listed: PromptsEntry[] = [];
  for (const e of entries) {
    listed.push({ rel: e.name, kind: kindOf(e) });
    if (!e.isDirectory()) continue;
    for (const f of await readdir(join(promptsDir, e.name), { withFileTypes: true }))
      listed.push({ rel: `${e.name}/${f.name}`, kind: kindOf(f) });
  }
  const versions = resolvePromptVersions(listed, (rel) => join(promptsDir, rel));
  return [...versions.keys()].map((name) => join(promptsDir, name)).sort();
}

/**
 * An environment asked for by name (--env, the Action's input) must be one the
 * config defines: a typo would otherwise evaluate the newest versions instead,
 * silently. The default environment may go undefined (then the newest runs).
 */
export function checkEnvironment(config: ProjectConfig, environment: string, file: string | undefined): void {
  const known = Object.keys(config.environments ?? {});
  if (environment === DEFAULT_ENVIRONMENT || known.includes(environment)) return;
  throw new UserError(
    `unknown environment "${environment}"`,
    { ...(file ? { file } : {}), field: "environments" },
    known.length > 0
      ? `use one of: ${known.join(", ")}`
      : "the config defines no environments; add environments: {<name>: {<prompt>: <version>}}",
  );
}

/** The version a project runs for `environment`, or the newest when none is configured. */
export function activeVersion(
  project: Project,
  name: string,
  versions: ReadonlyMap<number, string>,
  environment: string,
): { version: number; reason: string } {
  const configured = project.config.environments?.[environment]?.[name];
  const where = project.configFile ? relative(project.root, project.configFile) : "";
  if (configured !== undefined) {
    const version = parseVersionRef(configured);
    if (!versions.has(version)) {
      throw new UserError(
        `environment "${environment}" pins ${name} to v${version}, but there is no v${version}.yaml`,
        {
          ...(project.configFile ? { file: project.configFile } : {}),
          field: `environments.${environment}.${name}`,
        },
        `add v${version}.yaml or pin one of: ${[...versions.keys()].map((v) => `v${v}`).join(", ")}`,
      );
    }
    return { version, reason: `active in ${environment} (${where})` };
  }
  const newest = Math.max(...versions.keys());
  return { version: newest, reason: "newest version (no active version configured)" };
}

/**
 * Turns what the user pointed at — a version file, a prompt folder, a prompts
 * folder or a project folder — into the prompt versions to evaluate.
 */
export async function resolveTargets(
  path: string,
  opts: { version?: number; environment?: string },
): Promise<{ project: Project; targets: PromptTarget[] }> {
  const abs = resolve(path);
  let info;
  try {
    info = await stat(abs);
  } catch {
    throw new UserError(
      "no such file or folder",
      { file: path },
      "pass a prompt file, a prompt folder or a project folder",
    );
  }
  const environment = opts.environment ?? DEFAULT_ENVIRONMENT;
  const project = await openProject(info.isDirectory() ? abs : dirname(abs));
  checkEnvironment(project.config, environment, project.configFile);

  if (info.isFile()) {
    const m = CANONICAL_VERSION_FILE.exec(basename(abs));
    if (!m?.[1]) {
      throw new UserError("is not a prompt version file (expected a name like v3.yaml)", { file: path });
    }
    const dir = dirname(abs);
    return {
      project,
      targets: [
        {
          name: basename(dir),
          dir,
          version: Number(m[1]),
          file: abs,
          reason: "file given on the command line",
        },
      ],
    };
  }

  const own = await listVersions(abs);
  const dirs = own.size > 0 ? [abs] : await listPromptDirs(abs === project.root ? project.promptsDir : abs);
  if (dirs.length === 0) {
    throw new UserError(
      "holds no prompts (no v<N>.yaml files here or in its sub-folders)",
      { file: path },
      "point at a prompt folder such as prompts/summarize",
    );
  }
  const targets: PromptTarget[] = [];
  for (const dir of dirs) {
    const name = basename(dir);
    const versions = own.size > 0 && dir === abs ? own : await listVersions(dir);
    if (opts.version !== undefined) {
      const file = versions.get(opts.version);
      if (!file) {
        throw new UserError(
          `${name} has no version ${opts.version}`,
          { file: dir },
          `available: ${[...versions.keys()].map((v) => `v${v}`).join(", ")}`,
        );
      }
      targets.push({ name, dir, version: opts.version, file, reason: "--version on the command line" });
      continue;
    }
    const { version, reason } = activeVersion(project, name, versions, environment);
    targets.push({ name, dir, version, file: versions.get(version) ?? "", reason });
  }
  return { project, targets };
}
