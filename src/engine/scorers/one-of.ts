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
  const answer = normalizeLabel(ctx.output);
  // Labels are normalized too, so a label that itself ends in "." (say "U.S.") still matches.
  const label = c.labels.find((l) => fold(normalizeLabel(l)) === fold(answer));
  if (label !== undefined) return { score: 1, passed: true, detail: label };
  return { score: 0, passed: false, detail: `${JSON.stringify(answer.slice(0, 60))} is not a label` };
}
