/**
 * The one resolver from a prompts folder's entries to "prompt name → version →
 * file". The CLI (`agentops eval --env`, reading the disk), the gate (reading git
 * trees) and deployment-facing commands all go through it, so a pin resolves to
 * the same file whoever reads it. Anything that would let two readers open
 * different files for one pin is an error naming the path. Pure.
 */
import { UserError } from "../errors.js";

/** What sits at a path: only regular files and folders are read; links and submodules are refused. */
export type EntryKind = "file" | "dir" | "symlink" | "other";

export interface PromptsEntry {
  /** Path relative to the prompts folder, "/"-separated: "summarize/v2.yaml", or "summarize" for a folder. */
  rel: string;
  kind: EntryKind;
}

/** The canonical spelling of a version file: v<N>.yaml or v<N>.yml, N without leading zeros. */
export const CANONICAL_VERSION_FILE = /^v([1-9]\d*)\.ya?ml$/;
/** Anything a reader might take for a version file (any case, leading zeros, v0). */
const VERSION_LIKE = /^v\d+\.ya?ml$/i;

export type PromptVersions = Map<string, Map<number, string>>;

/**
 * prompt name → version → path (as `display` spells it) of its file. Throws, naming the path, on a
 * symbolic link or submodule where a prompt folder or version file would be, a version file with a
 * non-canonical name (v02.yaml, V2.yaml, v2.YAML), two files for one version (v2.yaml + v2.yml), and
 * prompt folders whose names differ only in case (prompts/Summarize beside prompts/summarize).
 */
export function resolvePromptVersions(
  entries: readonly PromptsEntry[],
  display: (rel: string) => string,
): PromptVersions {
  const out: PromptVersions = new Map();
  const folders = new Map<string, string>();
  for (const e of entries) {
    const parts = e.rel.split("/");
    const name = parts[0];
    if (!name) continue;
    const file = parts.length === 2 ? parts[1] : undefined;
    // A link named like a folder (no extension) is where a prompt folder could be; README.md -> docs is not.
    if (parts.length === 1 && (e.kind === "symlink" || e.kind === "other") && !/\.\w+$/.test(name)) {
      throw new UserError(
        `is a ${e.kind === "symlink" ? "symbolic link" : "submodule or other non-regular entry"} in the prompts folder; a prompt folder must be a real folder, so every tool resolves a pin to the same file`,
        { file: display(e.rel) },
        "commit the folder itself (git rm the link and copy the files), or move the entry out of the prompts folder",
      );
    }
    const lower = name.toLowerCase();
    const twin = folders.get(lower);
    if (twin !== undefined && twin !== name) {
      throw new UserError(
        `prompt folders ${display(twin)} and ${display(name)} differ only in case; a case-insensitive checkout would merge them`,
        { file: display(name) },
        "keep one of them (prompt names are case-sensitive everywhere else)",
      );
    }
    folders.set(lower, name);
    if (file === undefined || !VERSION_LIKE.test(file)) continue;
    if (e.kind !== "file") {
      throw new UserError(
        `is a ${e.kind === "symlink" ? "symbolic link" : "non-regular entry"}; a prompt version must be a regular file`,
        { file: display(e.rel) },
        "commit the version file itself instead of a link to it",
      );
    }
    const m = CANONICAL_VERSION_FILE.exec(file);
    if (!m?.[1]) {
      throw new UserError(
        "is not a canonical version file name; tools could disagree on which version it is",
        { file: display(e.rel) },
        'name version files v<N>.yaml in lower case, N without leading zeros (e.g. "v2.yaml")',
      );
    }
    const version = Number(m[1]);
    let versions = out.get(name);
    if (!versions) {
      versions = new Map();
      out.set(name, versions);
    }
    const other = versions.get(version);
    if (other !== undefined) {
      throw new UserError(
        `two files for version ${version}: ${other} and ${display(e.rel)}; a deployment could open either`,
        { file: display(e.rel) },
        "delete one of them",
      );
    }
    versions.set(version, display(e.rel));
  }
  return out;
}
