import { parseVersionRef, type ProjectConfig } from "../config/schema.js";
import type { ChangedFile, ChangeStatus } from "./diff.js";

/** Same naming rule as src/config/project.ts: v<N>.yaml or v<N>.yml directly in the prompt folder. */
export const VERSION_FILE = /^v(\d+)\.ya?ml$/;
export const DEFAULT_EVAL_SET = "eval_set.jsonl";

export interface AffectedPrompt {
  name: string;
  /** Human reasons, e.g. "v3.yaml added", "production version changed in prompts/config.yaml (v1 → v2)". */
  reasons: string[];
  /** Version files this change added, edited or renamed into place, for picking the challenger. */
  touchedVersions: number[];
  /** Set when the config changed which version is active in the gate environment. */
  activeChanged?: { from: number | undefined; to: number | undefined };
  /** The changes attributed to this prompt, so a folder that turns out not to be a prompt can hand them back. */
  changes: ChangedFile[];
}

export interface Layout {
  /** Prompts folder relative to the repository root, "/"-separated, e.g. "prompts" ("" for the root). */
  promptsDir: string;
  /** Project config relative to the repository root, when there is one. */
  configPath: string | undefined;
  /** Where the config lives at base and head, when that differs from configPath (the change moved it). */
  configPaths?: readonly (string | undefined)[];
}

export interface AffectedResult {
  prompts: AffectedPrompt[];
  /** Changes that affect no prompt: outside the prompts folder, or config edits that switch nothing. */
  ignored: ChangedFile[];
}

/** "prompts/" → "prompts", "./prompts" → "prompts", "." → "". */
export function normalizeDir(dir: string): string {
  const d = dir.replace(/\/+$/, "").replace(/^(?:\.\/)+/, "");
  return d === "." ? "" : d;
}

/** The prompt folder a path lies in, and the path inside it; undefined outside `<promptsDir>/<name>/`. */
export function promptOf(path: string, promptsDir: string): { name: string; file: string } | undefined {
  const dir = normalizeDir(promptsDir);
  const prefix = dir === "" ? "" : `${dir}/`;
  if (!path.startsWith(prefix)) return undefined;
  const [name, ...rest] = path.slice(prefix.length).split("/");
  // Files directly in the prompts folder (its config.yaml, a README) belong to no prompt.
  if (!name || rest.length === 0) return undefined;
  return { name, file: rest.join("/") };
}

/** The version a config pins for `name` in `environment`, if any. */
export function activeIn(
  config: ProjectConfig | undefined,
  environment: string,
  name: string,
): number | undefined {
  const v = config?.environments?.[environment]?.[name];
  return v === undefined ? undefined : parseVersionRef(v);
}

const VERB: Record<ChangeStatus, string> = {
  added: "added",
  modified: "edited",
  deleted: "deleted",
  renamed: "renamed",
  copied: "copied",
  type_changed: "changed type",
};

/** "v3.yaml added", "eval set changed", "rubric.md edited". */
function describeFile(file: string, status: ChangeStatus): string {
  if (file === DEFAULT_EVAL_SET) {
    return `eval set ${status === "added" || status === "deleted" ? status : "changed"}`;
  }
  return `${file} ${VERB[status]}`;
}

/** The old and new side of a change, each with the status it has for its own folder. */
function sides(change: ChangedFile): { path: string; status: ChangeStatus; role: "new" | "old" }[] {
  const out: { path: string; status: ChangeStatus; role: "new" | "old" }[] = [
    { path: change.path, status: change.status, role: "new" },
  ];
  // A rename empties its old place; a copy leaves the original untouched.
  if (change.status === "renamed" && change.previousPath !== undefined) {
    out.push({ path: change.previousPath, status: "deleted", role: "old" });
  }
  return out;
}

function reasonFor(
  change: ChangedFile,
  side: { path: string; status: ChangeStatus; role: "new" | "old" },
  hit: { name: string; file: string },
  promptsDir: string,
): string | undefined {
  if (side.role === "old") {
    // Within one folder the new side already tells the story ("v3.yaml renamed from v2.yaml").
    return promptOf(change.path, promptsDir)?.name === hit.name
      ? undefined
      : `${hit.file} moved to ${change.path}`;
  }
  const prev = change.previousPath !== undefined ? promptOf(change.previousPath, promptsDir) : undefined;
  const sameFolder = prev !== undefined && prev.name === hit.name;
  if ((change.status === "renamed" || change.status === "copied") && change.previousPath !== undefined) {
    const from = sameFolder ? prev.file : change.previousPath;
    return `${hit.file} ${VERB[change.status]} from ${from}`;
  }
  return describeFile(hit.file, side.status);
}

/** "v2", or "newest" when the config pins nothing (the newest version is then active). */
function versionLabel(v: number | undefined): string {
  return v === undefined ? "newest" : `v${v}`;
}

/**
 * Which prompts a change affects, and why. A file under `<promptsDir>/<name>/`
 * affects prompt <name> (a rename affects both folders); the config affects a prompt
 * only where it changes the version active in the gate environment, so a comment
 * or a budget edit re-evaluates nothing. Everything else is ignored.
 */
export function affectedPrompts(
  changed: readonly ChangedFile[],
  layout: Layout,
  configs: { base: ProjectConfig | undefined; head: ProjectConfig | undefined },
  environment: string,
): AffectedResult {
  const promptsDir = normalizeDir(layout.promptsDir);
  const configPaths = new Set(
    [layout.configPath, ...(layout.configPaths ?? [])].filter((p): p is string => p !== undefined),
  );
  const byName = new Map<string, AffectedPrompt>();
  const ignored: ChangedFile[] = [];
  const entry = (name: string): AffectedPrompt => {
    let e = byName.get(name);
    if (!e) {
      e = { name, reasons: [], touchedVersions: [], changes: [] };
      byName.set(name, e);
    }
    return e;
  };
  const addReason = (e: AffectedPrompt, reason: string): void => {
    if (!e.reasons.includes(reason)) e.reasons.push(reason);
  };

  let configChanged = false;
  for (const change of changed) {
    let used = false;
    if (
      configPaths.has(change.path) ||
      (change.previousPath !== undefined && configPaths.has(change.previousPath))
    ) {
      configChanged = true;
      // Whether it matters is decided below, once, from the two parsed configs.
      continue;
    }
    for (const side of sides(change)) {
      const hit = promptOf(side.path, promptsDir);
      if (!hit) continue;
      used = true;
      const e = entry(hit.name);
      if (!e.changes.includes(change)) e.changes.push(change);
      const reason = reasonFor(change, side, hit, promptsDir);
      if (reason) addReason(e, reason);
      const m = VERSION_FILE.exec(hit.file);
      if (m?.[1] && side.status !== "deleted") e.touchedVersions.push(Number(m[1]));
    }
    if (!used) ignored.push(change);
  }

  if (configChanged) {
    const configChanges = changed.filter(
      (c) => configPaths.has(c.path) || (c.previousPath !== undefined && configPaths.has(c.previousPath)),
    );
    const where = layout.configPath ?? configChanges[0]?.path ?? "the config";
    const names = new Set([
      ...Object.keys(configs.base?.environments?.[environment] ?? {}),
      ...Object.keys(configs.head?.environments?.[environment] ?? {}),
    ]);
    let switched = false;
    for (const name of [...names].sort()) {
      const from = activeIn(configs.base, environment, name);
      const to = activeIn(configs.head, environment, name);
      if (from === to) continue;
      switched = true;
      const e = entry(name);
      e.activeChanged = { from, to };
      for (const c of configChanges) if (!e.changes.includes(c)) e.changes.push(c);
      addReason(
        e,
        `${environment} version changed in ${where} (${versionLabel(from)} → ${versionLabel(to)})`,
      );
    }
    if (!switched) ignored.push(...configChanges);
  }

  for (const e of byName.values()) e.reasons.sort((x, y) => reasonRank(x) - reasonRank(y));
  return { prompts: [...byName.values()].sort((a, b) => compareNames(a.name, b.name)), ignored };
}

/** Files a prompt version reads besides itself, as repository paths. */
export interface PromptReferences {
  name: string;
  evalSet: string | undefined;
  rubrics: string[];
}

/**
 * Prompts affected through a file they point at outside their own folder
 * (`eval_set: ../shared/tickets.jsonl`, `rubric_file: ../shared/tone.md`).
 * Without this, editing a shared eval set would slip past the gate unevaluated.
 */
export function affectedByReferences(
  changes: readonly ChangedFile[],
  references: readonly PromptReferences[],
): AffectedResult {
  const byName = new Map<string, AffectedPrompt>();
  const ignored: ChangedFile[] = [];
  for (const change of changes) {
    const paths = [change.path, ...(change.previousPath !== undefined ? [change.previousPath] : [])];
    let used = false;
    for (const ref of references) {
      const reasons: string[] = [];
      if (ref.evalSet !== undefined && paths.includes(ref.evalSet))
        reasons.push(`eval set ${ref.evalSet} changed`);
      for (const r of ref.rubrics) if (paths.includes(r)) reasons.push(`rubric ${r} changed`);
      if (reasons.length === 0) continue;
      used = true;
      let e = byName.get(ref.name);
      if (!e) {
        e = { name: ref.name, reasons: [], touchedVersions: [], changes: [] };
        byName.set(ref.name, e);
      }
      for (const r of reasons) if (!e.reasons.includes(r)) e.reasons.push(r);
      if (!e.changes.includes(change)) e.changes.push(change);
    }
    if (!used) ignored.push(change);
  }
  return { prompts: [...byName.values()], ignored };
}

/** Joins two lists of affected prompts, merging reasons of a prompt in both. */
export function mergeAffected(a: readonly AffectedPrompt[], b: readonly AffectedPrompt[]): AffectedPrompt[] {
  const byName = new Map<string, AffectedPrompt>(a.map((p) => [p.name, { ...p }]));
  for (const p of b) {
    const have = byName.get(p.name);
    if (!have) {
      byName.set(p.name, { ...p });
      continue;
    }
    byName.set(p.name, {
      ...have,
      reasons: [...have.reasons, ...p.reasons.filter((r) => !have.reasons.includes(r))],
      touchedVersions: [...have.touchedVersions, ...p.touchedVersions],
      changes: [...have.changes, ...p.changes.filter((c) => !have.changes.includes(c))],
      ...((have.activeChanged ?? p.activeChanged)
        ? { activeChanged: have.activeChanged ?? p.activeChanged }
        : {}),
    });
  }
  return [...byName.values()].sort((x, y) => compareNames(x.name, y.name));
}

/** Locale-independent order, so a report lists prompts the same way on every runner. */
function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Version files first, then the config switch, the eval set and anything else: the order a reviewer reads. */
function reasonRank(reason: string): number {
  if (/^v\d+\.ya?ml /.test(reason)) return 0;
  if (reason.includes(" version changed in ")) return 1;
  if (reason.startsWith("eval set")) return 2;
  return 3;
}
