import type { CriterionOf } from "../../config/schema.js";
import type { CriterionScore, ScoreContext } from "../types.js";

const QUOTES = /^["'`“”‘’]+|["'`“”‘’]+$/g;

const unquote = (s: string): string => s.trim().replace(QUOTES, "").trim();

/**
 * `"Billing."`, `Billing".` and `` `billing` `` all answer "billing": models dress labels in quotes,
 * backticks and a full stop. Only one trailing period goes, inside or outside the quotes.
 */
export function normalizeLabel(output: string): string {
  const s = unquote(output);
  return s.endsWith(".") ? unquote(s.slice(0, -1)) : s;
}

export function scoreOneOf(c: CriterionOf<"one_of">, ctx: ScoreContext): CriterionScore {
  const fold = (s: string): string => (c.case_sensitive ? s : s.toLowerCase());
  // The plain trimmed output is tried too, so a label that itself ends in "." (say "U.S.") still matches.
  const candidates = new Set([fold(ctx.output.trim()), fold(normalizeLabel(ctx.output))]);
  const label = c.labels.find((l) => candidates.has(fold(l)));
  if (label !== undefined) return { score: 1, passed: true, detail: label };
  const shown = normalizeLabel(ctx.output).slice(0, 60);
  return { score: 0, passed: false, detail: `${JSON.stringify(shown)} is not a label` };
}
