import { parseVersionRef, type ProjectConfig } from "../config/schema.js";
import type { ChangedFile } from "./diff.js";

const VERSION_FILE = /^v(\d+)\.ya?ml$/;

export interface AffectedPrompt {
  name: string;
  reasons: string[];
  /** Version files this change added or edited, for picking the challenger. */
  touchedVersions: number[];
  /** The change set a different active version in the gate environment. */
  activeChanged?: { from: number | undefined; to: number | undefined };
}

export interface Layout {
  /** Prompts folder relative to the repository root, with "/" separators, e.g. "prompts". */
  promptsDir: string;
  /** Project config relative to the repository root, when there is one. */
  configPath: string | undefined;
}

function promptOf(path: string, promptsDir: string): { name: string; file: string } | undefined {
  const prefix = promptsDir === "" || promptsDir === "." ? "" : `${promptsDir.replace(/\/+$/, "")}/`;
  if (!path.startsWith(prefix)) return undefined;
  const rest = path.slice(prefix.length).split("/");
  if (rest.length < 2) return undefined;
  const [name, ...file] = rest;
  return name ? { name, file: file.join("/") } : undefined;
}

const VERB: Record<ChangedFile["status"], string> = {
  added: "added",
  modified: "edited",
  deleted: "deleted",
  renamed: "renamed",
  copied: "copied",
  type_changed: "changed",
};

function describe(file: string, status: ChangedFile["status"]): string {
  if (file === "eval_set.jsonl")
    return `eval set ${status === "added" ? "added" : status === "deleted" ? "deleted" : "changed"}`;
  if (VERSION_FILE.test(file)) return `${file} ${VERB[status]}`;
  return `${file} ${VERB[status]}`;
}

export function activeIn(
  config: ProjectConfig | undefined,
  environment: string,
  name: string,
): number | undefined {
  const v = config?.environments?.[environment]?.[name];
  return v === undefined ? undefined : parseVersionRef(v);
}

/**
 * Which prompts a change affects, and why. Files outside the prompts folder
 * and the config affect nothing; a config edit matters only where it changes
 * the active version of a prompt in the gate environment.
 */
export function affectedPrompts(
  changed: readonly ChangedFile[],
  layout: Layout,
  configs: { base: ProjectConfig | undefined; head: ProjectConfig | undefined },
  environment: string,
): { prompts: AffectedPrompt[]; ignored: string[] } {
  const byName = new Map<string, AffectedPrompt>();
  const ignored: string[] = [];
  const entry = (name: string): AffectedPrompt => {
    let e = byName.get(name);
    if (!e) {
      e = { name, reasons: [], touchedVersions: [] };
      byName.set(name, e);
    }
    return e;
  };

  for (const change of changed) {
    let used = false;
    const paths: [string, ChangedFile["status"]][] = [[change.path, change.status]];
    if (change.previousPath && change.status === "renamed") paths.push([change.previousPath, "deleted"]);
    for (const [path, status] of paths) {
      const hit = promptOf(path, layout.promptsDir);
      if (!hit || (layout.configPath !== undefined && path === layout.configPath)) continue;
      used = true;
      const e = entry(hit.name);
      const reason =
        change.status === "renamed" && path === change.path && change.previousPath
          ? `${hit.file} renamed from ${change.previousPath}`
          : describe(hit.file, status);
      if (!e.reasons.includes(reason)) e.reasons.push(reason);
      const m = VERSION_FILE.exec(hit.file);
      if (m?.[1] && status !== "deleted") e.touchedVersions.push(Number(m[1]));
    }
    if (layout.configPath !== undefined && change.path === layout.configPath) {
      const names = new Set([
        ...Object.keys(configs.base?.environments?.[environment] ?? {}),
        ...Object.keys(configs.head?.environments?.[environment] ?? {}),
      ]);
      for (const name of [...names].sort()) {
        const from = activeIn(configs.base, environment, name);
        const to = activeIn(configs.head, environment, name);
        if (from === to) continue;
        used = true;
        const e = entry(name);
        e.activeChanged = { from, to };
        const fmt = (v: number | undefined): string => (v === undefined ? "newest" : `v${v}`);
        e.reasons.push(`${environment} version changed in ${layout.configPath} (${fmt(from)} → ${fmt(to)})`);
      }
    }
    if (!used) ignored.push(change.path);
  }
  for (const e of byName.values()) e.reasons.sort((x, y) => reasonRank(x) - reasonRank(y));
  return { prompts: [...byName.values()].sort((a, b) => a.name.localeCompare(b.name)), ignored };
}

/** Version files first, then the config switch, the eval set and anything else: the order a reviewer reads. */
function reasonRank(reason: string): number {
  if (/^v\d+\.ya?ml /.test(reason)) return 0;
  if (reason.includes(" version changed in ")) return 1;
  if (reason.startsWith("eval set")) return 2;
  return 3;
}
