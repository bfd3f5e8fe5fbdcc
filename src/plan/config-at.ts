import { posix } from "node:path";
import { parseProjectConfig } from "../config/load.js";
import { CONFIG_CANDIDATES } from "../config/project.js";
import { normalizeDir } from "./affected.js";
import { showFile, type Git } from "./git.js";
import type { ConfigText } from "./trust.js";

/** Config files at revisions: the one in use, and the other places a config could be. */

/** The loader's config candidates (src/config/project.ts) as "/"-separated repository paths. */
export const REPO_CONFIG_NAMES = CONFIG_CANDIDATES.map((c) => c.replace(/\\/g, "/"));

/**
 * Where the project config may live: the one in use first, then the same
 * candidates the loader tries on disk, from the project root. The others are
 * watched: a change that adds, moves or edits one is a gate change.
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
  const candidates = REPO_CONFIG_NAMES.map((c) => normalizeDir(posix.join(root, c)));
  return [...new Set([...(configPath !== undefined ? [configPath] : []), ...candidates])];
}

export async function configAt(
  git: Git,
  rev: string,
  path: string,
  label: string,
): Promise<ConfigText | undefined> {
  const text = await showFile(git, rev, path);
  return text === undefined ? undefined : { path, text, config: parseProjectConfig(text, label).config };
}

/** Config candidates other than the one in use, at both revisions, for reporting what the change did to them. */
export async function otherConfigs(
  git: Git,
  revs: { base: string; head: string },
  candidates: readonly string[],
  inUse: string | undefined,
): Promise<Map<string, { base: string | undefined; head: string | undefined }>> {
  const out = new Map<string, { base: string | undefined; head: string | undefined }>();
  for (const path of candidates) {
    if (path === inUse) continue;
    const [base, head] = await Promise.all([showFile(git, revs.base, path), showFile(git, revs.head, path)]);
    out.set(path, { base, head });
  }
  return out;
}
