/**
 * Which revision each input of a pull request's evaluation is read from. This is
 * the one place that decides it; the plan, the pipeline and both entries apply
 * what it says. The rule: the base revision and the Action's inputs decide how a
 * change is judged; from the change the gate takes only what is under test.
 *
 * Everything here is pure: texts in, decisions out.
 */
import type { Criterion, ProjectConfig } from "../config/schema.js";
import type { LoadedEvalSet } from "../config/load.js";
import { canonicalJson } from "../engine/request.js";

export type TrustSource = "base" | "head" | "base + head additions" | "inputs" | "inputs, then base";

/** The whole model, as data, so SECURITY.md, the report and the tests say the same thing. */
export const TRUST_MODEL: readonly { input: string; from: TrustSource; note: string }[] = [
  {
    input: "project config (location and content)",
    from: "base",
    note: "located by the base's layout; a config the change adds, moves, deletes or edits outside the pins is a gate change",
  },
  {
    input: "environment pins",
    from: "head",
    note: "the versions the change deploys: each resolves, by the one resolver the CLI uses (src/config/versions.ts), to the file evaluated; a pin to a missing prompt or version, or an ambiguous layout, is an error; un-pinning a prompt the base pins is a gate change",
  },
  {
    input: "prompt files of the challenger",
    from: "head",
    note: "template, system, messages, tools, model and parameters: what is under test; the head's active file whenever its bytes changed (its sha256 is in the results and the report)",
  },
  {
    input: "criteria of an existing prompt",
    from: "base",
    note: "criteria the change adds count too; a removed, renamed or edited criterion is a gate change",
  },
  { input: "rubric files", from: "base", note: "a changed rubric is a gate change" },
  {
    input: "eval set",
    from: "base + head additions",
    note: "the base's examples alone decide the paired test and the thresholds (a max_examples sample draws them first, seeded by the base commit); examples the change adds are a separate population that can only add failures, at most 10,000 (more is a gate change); examples the change deletes or edits are evaluated in their base form, and that is a gate change",
  },
  {
    input: "replay recordings",
    from: "base",
    note: "read from the base revision through git; recordings the change adds or edits have no effect",
  },
  {
    input: "answer cache",
    from: "inputs",
    note: "restored outside the workspace from the Actions cache, written only by default-branch runs",
  },
  {
    input: "provider, endpoint, key, budgets",
    from: "inputs, then base",
    note: "the Action's inputs, then the base config; a budget input can only tighten",
  },
  {
    input: "tolerance, max error rate, gate environment",
    from: "inputs, then base",
    note: "never the change's config",
  },
];

export type GateChangeKind = "config" | "criterion" | "rubric" | "eval_set";

/** A change to how the pull request is judged; each one needs a maintainer's approval. */
export interface GateChange {
  kind: GateChangeKind;
  /** The prompt it concerns; absent for project-wide changes (the config). */
  prompt?: string;
  /** Repository path of the file concerned. */
  path: string;
  /** One sentence for the report, e.g. "criterion bullets edited"; the path is shown beside it, not in it. */
  summary: string;
  /** Each value the change edited, as it was on the base and as the change has it (absent: not there). */
  edits?: FieldEdit[];
}

/** One edited value of a gate change: `field` is a dotted path within the file's YAML ("thresholds.alpha"). */
export interface FieldEdit {
  field: string;
  from?: unknown;
  to?: unknown;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/** The leaves that differ between two values, by dotted path; lists and scalars compare whole. */
export function fieldEdits(a: unknown, b: unknown, prefix = ""): FieldEdit[] {
  if (isRecord(a) && isRecord(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    return keys.flatMap((k) => fieldEdits(a[k], b[k], prefix ? `${prefix}.${k}` : k));
  }
  if (canonicalJson(a ?? null) === canonicalJson(b ?? null)) return [];
  return [{ field: prefix, ...(a !== undefined ? { from: a } : {}), ...(b !== undefined ? { to: b } : {}) }];
}

/** A config file as found at a revision. */
export interface ConfigText {
  path: string;
  text: string;
  config: ProjectConfig;
}

/** Everything but the environment pins, which a change may edit (they are what it deploys). */
function withoutPins(config: ProjectConfig): Omit<ProjectConfig, "environments"> {
  const { environments: _pins, ...rest } = config;
  return rest;
}

/**
 * What a change did to the project config that touches the gate. `head` is the
 * file at the base's config path on the head; `others` maps every other config
 * candidate path to its text at base and head (undefined where absent).
 */
export function configGateChanges(
  base: ConfigText | undefined,
  head: ConfigText | undefined,
  others: ReadonlyMap<string, { base: string | undefined; head: string | undefined }>,
): GateChange[] {
  const out: GateChange[] = [];
  if (base && !head) {
    out.push({
      kind: "config",
      path: base.path,
      summary: `${base.path} deleted or moved by this change; the base's config still judges it`,
    });
  }
  if (base && head) {
    const a = withoutPins(base.config) as Record<string, unknown>;
    const b = withoutPins(head.config) as Record<string, unknown>;
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    const edited = keys.filter((k) => canonicalJson(a[k] ?? null) !== canonicalJson(b[k] ?? null));
    if (edited.length > 0) {
      out.push({
        kind: "config",
        path: base.path,
        summary: `${edited.join(", ")} edited; only environment pins are taken from a change, so the base's values judged it`,
        edits: fieldEdits(
          Object.fromEntries(edited.map((k) => [k, a[k]])),
          Object.fromEntries(edited.map((k) => [k, b[k]])),
        ),
      });
    }
  }
  for (const [path, t] of others) {
    if (t.base === t.head) continue;
    const what = t.base === undefined ? "added" : t.head === undefined ? "deleted" : "edited";
    out.push({
      kind: "config",
      path,
      summary: `${path} ${what}; ignored: the config is located by the base's layout (${base?.path ?? "no config file"})`,
    });
  }
  return out;
}

/** A criterion as compared across revisions: its definition with the rubric file's text in place of its name. */
function definition(c: Criterion): string {
  if (c.type !== "llm_judge") return canonicalJson(c);
  const { rubric_file: _file, ...rest } = c;
  return canonicalJson(rest);
}

/** The fields whose values differ, for a sentence such as "threshold, value edited". */
function editedFields(a: Criterion, b: Criterion): string[] {
  const x = a as unknown as Record<string, unknown>;
  const y = b as unknown as Record<string, unknown>;
  return [...new Set([...Object.keys(x), ...Object.keys(y)])]
    .filter((k) => k !== "rubric_file" && canonicalJson(x[k] ?? null) !== canonicalJson(y[k] ?? null))
    .sort();
}

const pick = (c: Criterion, fields: readonly string[]): Record<string, unknown> => {
  const x = c as unknown as Record<string, unknown>;
  return Object.fromEntries(fields.map((f) => [f, x[f]]));
};

export interface TrustedCriteria {
  /** What judges the challenger: the base's criteria, then those the change adds. */
  judged: Criterion[];
  /** The change's own versions of criteria it edited, scored for the report but never gating. */
  informational: Criterion[];
  changes: GateChange[];
}

/** Suffix of an informational criterion's name: the change's own version of an edited criterion. */
export const AS_EDITED = " (as edited)";

/**
 * Criteria of an existing prompt: `base` from the champion's file at the base
 * revision, `head` from the challenger's file (rubric files already read, each
 * at its own revision). Adding a criterion can only make the gate stricter, so it
 * counts; anything else a change does to its criteria is a gate change.
 */
export function trustedCriteria(
  prompt: string,
  base: readonly Criterion[],
  head: readonly Criterion[],
  paths: { base: string; head: string },
): TrustedCriteria {
  const headByName = new Map(head.map((c) => [c.name, c]));
  const baseNames = new Set(base.map((c) => c.name));
  const changes: GateChange[] = [];
  const informational: Criterion[] = [];
  for (const c of base) {
    const h = headByName.get(c.name);
    if (!h) {
      changes.push({
        kind: "criterion",
        prompt,
        path: paths.head,
        summary: `criterion ${c.name} removed or renamed; it still judges this change`,
      });
      continue;
    }
    if (definition(c) === definition(h)) continue;
    const fields = editedFields(c, h);
    const rubricOnly = fields.length === 1 && fields[0] === "rubric";
    changes.push({
      kind: rubricOnly ? "rubric" : "criterion",
      prompt,
      path: rubricOnly && h.type === "llm_judge" && h.rubric_file ? h.rubric_file : paths.head,
      summary: rubricOnly
        ? `rubric of ${c.name} changed; the base's rubric judged this change`
        : `criterion ${c.name} edited (${fields.join(", ")}); the base's definition judged this change`,
      ...(rubricOnly ? {} : { edits: fieldEdits(pick(c, fields), pick(h, fields)) }),
    });
    informational.push({ ...h, name: `${c.name}${AS_EDITED}`.slice(0, 100) });
  }
  const added = head.filter((c) => !baseNames.has(c.name));
  return { judged: [...base, ...added], informational, changes };
}

/**
 * Examples one change may add to a prompt's eval set. Beyond it the additions are not read at all
 * (a million added lines must not become a 600 MB results file or a gigabyte of memory): the base's
 * examples are evaluated alone, and the addition is a gate change a maintainer accepts.
 */
export const MAX_ADDED_EXAMPLES = 10_000;

/** Non-blank lines of a JSONL text, counted without splitting it. */
export function countLines(text: string): number {
  let n = 0;
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf("\n", start);
    if (end === -1) end = text.length;
    if (text.slice(start, end).trim() !== "") n++;
    start = end + 1;
  }
  return n;
}

/** A gate change when the head's eval set holds more lines than the base's examples plus the cap allow. */
export function tooManyAdded(
  prompt: string,
  baseExamples: number,
  head: EvalSetText,
): GateChange | undefined {
  const extra = countLines(head.text) - baseExamples;
  if (extra <= MAX_ADDED_EXAMPLES) return undefined;
  return {
    kind: "eval_set",
    prompt,
    path: head.path,
    summary: `${extra} more lines than the base's examples, over the cap of ${MAX_ADDED_EXAMPLES} added examples per change; the additions were not read and only the base's examples were evaluated`,
  };
}

export interface EvalSetText {
  path: string;
  text: string;
}

export interface TrustedEvalSet extends EvalSetText {
  /** Ids of examples the change added (they are judged like the rest). */
  added: string[];
  changes: GateChange[];
}

/**
 * The eval set a change is judged on: every base example in its base form, then
 * the examples the change adds. Deleting or editing a base example is a gate
 * change: otherwise dropping the hard examples would pass any regression.
 */
export function trustedEvalSet(
  prompt: string,
  base: { raw: EvalSetText; parsed: LoadedEvalSet } | null,
  head: { raw: EvalSetText; parsed: LoadedEvalSet },
): TrustedEvalSet {
  if (!base) return { ...head.raw, added: head.parsed.examples.map((e) => e.id), changes: [] };
  const headLines = head.raw.text.split(/\r?\n/);
  const baseLines = base.raw.text.split(/\r?\n/);
  const headById = new Map(head.parsed.examples.map((e) => [e.id, e]));
  const baseIds = new Set(base.parsed.examples.map((e) => e.id));
  const deleted: string[] = [];
  const edited: string[] = [];
  for (const e of base.parsed.examples) {
    const h = headById.get(e.id);
    if (!h) deleted.push(e.id);
    else if (canonicalJson(strip(e)) !== canonicalJson(strip(h))) edited.push(e.id);
  }
  const addedExamples = head.parsed.examples.filter((e) => !baseIds.has(e.id));
  // The base file as it is (so its examples keep their line numbers), then the added lines: a change that
  // only appends examples is judged on exactly its own file, and errors point at the right lines.
  const kept = baseLines.at(-1) === "" ? baseLines.slice(0, -1) : baseLines;
  const lines = [...kept, ...addedExamples.map((e) => headLines[e.line - 1] ?? "")];
  const changes: GateChange[] = [];
  const list = (ids: string[]): string =>
    ids.slice(0, 5).join(", ") + (ids.length > 5 ? ` and ${ids.length - 5} more` : "");
  if (deleted.length > 0) {
    changes.push({
      kind: "eval_set",
      prompt,
      path: head.raw.path,
      summary: `${deleted.length} base example(s) deleted (${list(deleted)}); they were still evaluated`,
    });
  }
  if (edited.length > 0) {
    changes.push({
      kind: "eval_set",
      prompt,
      path: head.raw.path,
      summary: `${edited.length} base example(s) edited (${list(edited)}); they were evaluated in their base form`,
    });
  }
  if (base.raw.path !== head.raw.path) {
    changes.push({
      kind: "eval_set",
      prompt,
      path: head.raw.path,
      summary: `eval set moved from ${base.raw.path} to ${head.raw.path}; the base's examples still count`,
    });
  }
  return {
    path: head.raw.path,
    text: lines.join("\n") + "\n",
    added: addedExamples.map((e) => e.id),
    changes,
  };
}

/** An example as data, without where it stood in its file. */
function strip(e: LoadedEvalSet["examples"][number]): Record<string, unknown> {
  const { line: _line, ...rest } = e;
  return rest;
}
