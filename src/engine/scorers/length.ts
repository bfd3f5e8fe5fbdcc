import type { CriterionOf } from "../../config/schema.js";
import type { CriterionScore, ScoreContext } from "../types.js";
import { boundsCheck, shareOf, type Check } from "./bounds.js";

const segmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });

/**
 * What a reader counts as characters: "é" (either Unicode form), an emoji with a skin tone or a
 * flag is one, however many code points or UTF-16 units it takes.
 */
export function countChars(text: string): number {
  let n = 0;
  for (const _ of segmenter.segment(text)) n++;
  return n;
}

export function countWords(text: string): number {
  return text.split(/\s+/).filter((w) => w !== "").length;
}

export function scoreLength(c: CriterionOf<"length">, ctx: ScoreContext): CriterionScore {
  const checks: Check[] = [];
  if (c.chars) checks.push(boundsCheck(countChars(ctx.output), "chars", c.chars));
  if (c.words) checks.push(boundsCheck(countWords(ctx.output), "words", c.words));
  return shareOf(checks);
}
