import type { CriterionOf } from "../../config/schema.js";
import type { CriterionScore, ScoreContext } from "../types.js";
import { boundsCheck, shareOf, type Check } from "./bounds.js";
import { parseJsonOutput } from "./json-output.js";

/**
 * A Markdown list item: "-", "*", "+", "•" or "1." / "1)" followed by whitespace and some text.
 * Requiring the space keeps "**bold**", "---" rules and "1.5 million" from counting as bullets.
 */
const BULLET = /^\s*(?:[-*+•]|\d{1,3}[.)])\s+\S/;

const linesOf = (output: string): string[] => output.split(/\r\n|\r|\n/);

export function countBullets(output: string): number {
  return linesOf(output).filter((l) => BULLET.test(l)).length;
}

export function countLines(output: string): number {
  return linesOf(output).filter((l) => l.trim() !== "").length;
}

function jsonCheck(output: string): Check {
  const parsed = parseJsonOutput(output);
  return parsed.ok ? { ok: true, note: "valid JSON" } : { ok: false, note: `not JSON (${parsed.error})` };
}

export function scoreFormatCheck(c: CriterionOf<"format_check">, ctx: ScoreContext): CriterionScore {
  const checks: Check[] = [];
  if (c.expected !== undefined)
    checks.push(boundsCheck(countBullets(ctx.output), "bullets", { min: c.expected, max: c.expected }));
  if (c.bullets) checks.push(boundsCheck(countBullets(ctx.output), "bullets", c.bullets));
  if (c.lines) checks.push(boundsCheck(countLines(ctx.output), "lines", c.lines));
  if (c.json) checks.push(jsonCheck(ctx.output));
  return shareOf(checks);
}
