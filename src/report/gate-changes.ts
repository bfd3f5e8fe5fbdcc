import type { CompareResults } from "../pipeline/compare-run.js";
import { AS_EDITED } from "../plan/trust.js";
import { escapeInline } from "./escape.js";
import { pct } from "./format.js";

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
      out.push(`- ${where}\`${escapeInline(g.path, 200)}\`: ${escapeInline(g.summary, 400)}`);
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
