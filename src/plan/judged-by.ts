import { posix } from "node:path";
import { parseEvalSet, parsePromptFile, type LoadedPrompt } from "../config/load.js";
import type { Criterion } from "../config/schema.js";
import { resolveRubrics } from "../engine/evaluate.js";
import { isUserError, UserError } from "../errors.js";
import { DEFAULT_EVAL_SET } from "./affected.js";
import { showFile, type Git } from "./git.js";
import { repoPath } from "./paths.js";
import { tooManyAdded, trustedCriteria, trustedEvalSet, type EvalSetText, type GateChange } from "./trust.js";

/** A version file's text at one revision. */
export interface VersionAtRev {
  version: number;
  /** Repository path of the version file. */
  path: string;
  text: string;
  /** sha256 of the text as read (UTF-8, a leading BOM dropped): the bytes the gate evaluated. */
  sha256?: string;
}

/** What judges one prompt's challenger, read from git by the trust model (src/plan/trust.ts). */
export interface JudgedBy {
  /** Both sides are scored on it: the base's examples in their base form, then those the change adds. */
  evalSet: EvalSetText | null;
  /** The base's criteria, then those the change adds (rubric files read, each at its own revision). */
  criteria: Criterion[];
  /** The change's own versions of criteria it edited: scored and shown, never gating. */
  informational: Criterion[];
  /** Example ids the change added to the eval set. */
  addedExamples: string[];
  /** What the change did to how this prompt is judged (criteria, rubrics, eval set). */
  gateChanges: GateChange[];
}

/** The eval set a prompt file names, as a repository path; an error names the field when it climbs out. */
export function evalSetPath(file: string, field: string | undefined, dir: string): string {
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

/** A prompt file parsed, with its rubric files read at the same revision (inside the repository only). */
async function loadAt(git: Git, rev: string, version: VersionAtRev, label: string): Promise<LoadedPrompt> {
  const loaded = parsePromptFile(version.text, label);
  return resolveRubrics(loaded, async (rel) => {
    const path = repoPath(version.path, rel);
    if (path === undefined) {
      throw new UserError(
        `rubric_file "${rel}" points outside the repository`,
        { file: label, field: "rubric_file" },
        "use a path relative to the prompt file, inside the repository",
      );
    }
    return showFile(git, rev, path);
  });
}

async function evalSetAt(
  git: Git,
  rev: string,
  prompt: LoadedPrompt,
  version: VersionAtRev,
  dir: string,
): Promise<EvalSetText | null> {
  const path = evalSetPath(version.path, prompt.data.eval_set, dir);
  const text = await showFile(git, rev, path);
  return text === undefined ? null : { path, text };
}

/**
 * The base's criteria and examples judge the challenger, plus what the change
 * adds; everything else the change did to them is a gate change. A new prompt
 * (no champion) is judged by its own criteria and examples.
 */
export async function judgedBy(
  git: Git,
  revs: { base: string; head: string },
  name: string,
  champion: VersionAtRev | null,
  challenger: VersionAtRev,
  dir: string,
): Promise<JudgedBy> {
  const head = await loadAt(git, revs.head, challenger, challenger.path);
  let base: LoadedPrompt | undefined;
  if (champion) {
    try {
      base = await loadAt(git, revs.base, champion, `${champion.path} (base)`);
    } catch (e) {
      // A base version that no longer parses is not this change's doing; the run reports it.
      if (!isUserError(e)) throw e;
    }
  }
  const criteria = base
    ? trustedCriteria(name, base.data.eval_criteria, head.data.eval_criteria, {
        base: champion?.path ?? challenger.path,
        head: challenger.path,
      })
    : { judged: head.data.eval_criteria, informational: [], changes: [] };
  const headSet = await evalSetAt(git, revs.head, head, challenger, dir);
  const baseSet = base && champion ? await evalSetAt(git, revs.base, base, champion, dir) : null;
  const judged = {
    criteria: criteria.judged,
    informational: criteria.informational,
    addedExamples: [] as string[],
    gateChanges: criteria.changes,
  };
  if (!headSet) {
    if (!baseSet) return { ...judged, evalSet: null };
    return {
      ...judged,
      evalSet: baseSet,
      gateChanges: [
        ...criteria.changes,
        {
          kind: "eval_set",
          prompt: name,
          path: baseSet.path,
          summary: `eval set ${baseSet.path} deleted; the base's examples were still evaluated`,
        },
      ],
    };
  }
  const baseParsed = baseSet
    ? { raw: baseSet, parsed: parseEvalSet(baseSet.text, `${baseSet.path} (base)`) }
    : null;
  // A new prompt has no base examples to fall back on: its own set is its whole population.
  const overCap = baseParsed ? tooManyAdded(name, baseParsed.parsed.examples.length, headSet) : undefined;
  if (overCap) {
    return {
      ...judged,
      evalSet: baseSet,
      gateChanges: [...criteria.changes, overCap],
    };
  }
  const set = trustedEvalSet(name, baseParsed, {
    raw: headSet,
    parsed: parseEvalSet(headSet.text, headSet.path),
  });
  return {
    ...judged,
    evalSet: { path: set.path, text: set.text },
    addedExamples: set.added,
    gateChanges: [...criteria.changes, ...set.changes],
  };
}
