import type { CriterionOf } from "../../config/schema.js";
import type { CriterionScore, ScoreContext } from "../types.js";
import { describeBounds, shareOf, withinBounds } from "./bounds.js";
import { parseJsonOutput } from "./json-output.js";

const BULLET = /^\s*(?:[-*•+]|\d{1,3}[.)])\s+\S/;

export function countBullets(output: string): number {
  return output.split(/\r?\n/).filter((l) => BULLET.test(l)).length;
}

export function countLines(output: string): number {
  return output.split(/\r?\n/).filter((l) => l.trim() !== "").length;
}

export function scoreFormatCheck(c: CriterionOf<"format_check">, ctx: ScoreContext): CriterionScore {
  const checks: boolean[] = [];
  const notes: string[] = [];
  if (c.bullets) {
    const n = countBullets(ctx.output);
    const ok = withinBounds(n, c.bullets);
    checks.push(ok);
    notes.push(`${n} bullets${ok ? "" : `, expected ${describeBounds(c.bullets)}`}`);
  }
  if (c.lines) {
    const n = countLines(ctx.output);
    const ok = withinBounds(n, c.lines);
    checks.push(ok);
    notes.push(`${n} lines${ok ? "" : `, expected ${describeBounds(c.lines)}`}`);
  }
  if (c.json) {
    const parsed = parseJsonOutput(ctx.output);
    checks.push(parsed.ok);
    notes.push(parsed.ok ? "valid JSON" : `not JSON (${parsed.error})`);
  }
  return { ...shareOf(checks), detail: notes.join("; ") };
}
