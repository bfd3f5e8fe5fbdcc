import type { CriterionOf } from "../../config/schema.js";
import type { CriterionScore, ScoreContext } from "../types.js";
import { describeBounds, shareOf, withinBounds } from "./bounds.js";

const segmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });

/** What a reader counts as characters: "é" or a flag emoji is one, whatever its code points. */
export function countGraphemes(text: string): number {
  let n = 0;
  for (const _ of segmenter.segment(text)) n++;
  return n;
}

export function scoreLength(c: CriterionOf<"length">, ctx: ScoreContext): CriterionScore {
  const checks: boolean[] = [];
  const notes: string[] = [];
  if (c.chars) {
    const n = countGraphemes(ctx.output);
    checks.push(withinBounds(n, c.chars));
    notes.push(`${n} chars${checks.at(-1) ? "" : `, expected ${describeBounds(c.chars)}`}`);
  }
  if (c.words) {
    const n = ctx.output.split(/\s+/).filter(Boolean).length;
    checks.push(withinBounds(n, c.words));
    notes.push(`${n} words${checks.at(-1) ? "" : `, expected ${describeBounds(c.words)}`}`);
  }
  return { ...shareOf(checks), detail: notes.join("; ") };
}
