import type { CompareResults } from "../pipeline/compare-run.js";
import { AS_EDITED } from "../plan/trust.js";
import { codeSpan, escapeInline } from "./escape.js";
import { pct } from "./format.js";

/** Edits listed per gate change; a rewritten file lists the first ones and counts the rest. */
const MAX_EDITS_SHOWN = 10;

/** A YAML value as a reviewer reads it: scalars as written, lists and maps as compact JSON, absence said. */
export function shownValue(v: unknown): string {
  if (v === undefined) return "(not set)";
  if (typeof v === "string")
    return JSON.stringify(v).length > v.length + 2 || /^\s|\s$|^$/.test(v) ? JSON.stringify(v) : v;
  if (typeof v === "number" || typeof v === "boolean" || v === null) return String(v);
  return JSON.stringify(v);
}

/** One line for the headline: why the change needs a maintainer. */
export function gateChangeHeadline(results: CompareResults): string {
  const n = results.gate_changes.length;
  return `this change edits how it is judged (${n} gate change${n === 1 ? "" : "s"}); a maintainer can accept it with /agentops approve`;
}

/**
 * The section a reviewer reads before accepting a gate change: each change, and
 * what the change's own versions of edited criteria would have scored.
 */
export function renderGateChanges(results: CompareResults): string[] {
  const out: string[] = [];
  if (results.gate_changes.length > 0) {
    out.push(
      "### 🔐 Gate changes: a maintainer must approve",
      "",
      "This change edits what judges it. It was judged by the base branch's config, criteria, rubrics and examples (plus criteria and examples it adds); comment `/agentops approve` to accept the changes below.",
      "",
    );
    for (const g of results.gate_changes) {
      const where = g.prompt ? `**${escapeInline(g.prompt)}** · ` : "";
      // Summaries from older results may still start with the path: it is shown once, before them.
      const summary = g.summary.startsWith(`${g.path}: `) ? g.summary.slice(g.path.length + 2) : g.summary;
      out.push(`- ${where}${codeSpan(g.path)}: ${escapeInline(summary, 400)}`);
      for (const e of (g.edits ?? []).slice(0, MAX_EDITS_SHOWN))
        out.push(
          `  - ${codeSpan(`${e.field}: ${shownValue(e.from)} → ${shownValue(e.to)}`, { maxLength: 160 })}`,
        );
      const more = (g.edits?.length ?? 0) - MAX_EDITS_SHOWN;
      if (more > 0) out.push(`  - … and ${more} more`);
    }
    const asEdited = results.prompts.flatMap((p) =>
      p.challenger.criteria
        .filter((c) => c.name.endsWith(AS_EDITED))
        .map(
          (c) => `- **${escapeInline(p.name)}** · ${escapeInline(c.name)}: ${c.n ? pct(c.mean_score) : "–"}`,
        ),
    );
    if (asEdited.length > 0)
      out.push("", "The change's own versions of the criteria it edited (not gating):", ...asEdited);
    out.push("");
  }
  if (results.ignored_inputs.length > 0) {
    out.push("<details><summary>Inputs from this change that were ignored</summary>", "");
    for (const i of results.ignored_inputs) out.push(`- ${escapeInline(i, 300)}`);
    out.push("", "</details>", "");
  }
  return out;
}
