import type { EvalExample, ProjectConfig, PromptFile } from "../config/schema.js";

/** One thing the importer could not carry over, or carried over with a difference. */
export interface Note {
  /** Where in the source, e.g. `promptfooconfig.yaml tests[2].assert[1]`. */
  where: string;
  /** How many further places the same thing, for the same reason, was found. */
  more: number;
  /** What it is, e.g. `javascript assertion`. */
  what: string;
  reason: string;
}

/** The same thing left out for the same reason in many tests is one line, with a count. */
function add(list: Note[], note: Note): void {
  const same = list.find((n) => n.what === note.what && n.reason === note.reason);
  if (!same) list.push(note);
  else if (same.where !== note.where) same.more++;
}

/** Everything an import did not bring over as it was: printed, never dropped silently. */
export class ImportNotes {
  readonly skipped: Note[] = [];
  readonly changed: Note[] = [];
  skip(where: string, what: string, reason: string): void {
    add(this.skipped, { where, what, reason, more: 0 });
  }
  change(where: string, what: string, reason: string): void {
    add(this.changed, { where, what, reason, more: 0 });
  }
}

export interface ImportedPrompt {
  name: string;
  /** v1, v2, … in order; every version is scored on the same examples. */
  versions: PromptFile[];
  examples: EvalExample[];
  /** Where the versions came from, for the summary ("v2: prompt 1 on openai:o4-mini"). */
  origins: string[];
}

export interface ImportedProject {
  prompts: ImportedPrompt[];
  config: ProjectConfig;
  notes: ImportNotes;
  /** Set when assertions were written but none could be imported: the project checks nothing of them. */
  nothingChecked?: string;
}

const bullet = (n: Note): string =>
  `  - ${n.where}${n.more ? ` (and ${n.more} more)` : ""}: ${n.what}: ${n.reason}\n`;

/** The summary printed after an import: what was written, then what was not imported and why. */
export function renderSummary(project: ImportedProject, written: readonly string[]): string {
  let out = "";
  for (const p of project.prompts) {
    const checked = p.examples.filter((e) => e.checks).length;
    out += `prompt ${p.name}: ${p.versions.length} version(s), ${p.examples.length} example(s)${checked ? ` (${checked} with checks of their own)` : ""}, criteria ${p.versions[0]?.eval_criteria.map((c) => c.name).join(", ") ?? ""}\n`;
    p.origins.forEach((o, i) => (out += `  v${i + 1}: ${o}\n`));
  }
  out += `wrote ${written.length} file(s):\n${written.map((f) => `  ${f}\n`).join("")}`;
  const { skipped, changed } = project.notes;
  if (changed.length)
    out += `\nimported with a difference (${changed.length}):\n${changed.map(bullet).join("")}`;
  out += skipped.length
    ? `\nnot imported (${skipped.length}):\n${skipped.map(bullet).join("")}`
    : "\nnothing was left out.\n";
  return out;
}
