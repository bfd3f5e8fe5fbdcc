import { parseProjectConfig } from "../config/load.js";
import { parseVersionRef } from "../config/schema.js";
import { isUserError } from "../errors.js";
import { showFile, type Git } from "../plan/git.js";

export interface PreviousVersion {
  version: number;
  /** The newest commit at which the environment ran that version. */
  commit: string;
}

/**
 * The version an environment ran before `current`, from the config file's git
 * history (newest commit first): the first pin that differs from `current`.
 * Revisions where the file does not load, or has no pin for the prompt, are
 * passed over. `path` is relative to the repository root.
 */
export async function previousVersion(
  git: Git,
  path: string,
  environment: string,
  prompt: string,
  current: number | undefined,
): Promise<PreviousVersion | undefined> {
  const log = await git.run(["log", "--format=%H", "--", `:(top)${path}`]);
  for (const commit of log.split("\n").filter(Boolean)) {
    const text = await showFile(git, commit, path);
    if (text === undefined) continue;
    let pin: number | string | undefined;
    try {
      pin = parseProjectConfig(text, `${path}@${commit.slice(0, 7)}`).config.environments?.[environment]?.[
        prompt
      ];
    } catch (e) {
      if (isUserError(e)) continue;
      throw e;
    }
    if (pin === undefined) continue;
    const version = parseVersionRef(pin);
    if (version !== current) return { version, commit };
  }
  return undefined;
}
