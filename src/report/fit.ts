import type { CompareResults } from "../pipeline/compare-run.js";
import { renderCompareMarkdown } from "./compare-report.js";

/**
 * Renders the report within `max` characters, giving up detail in order:
 * fewer flipped examples, then the sections of passing prompts, then a hard
 * cut. The verdict and the worst regressions always survive.
 */
export function renderWithin(results: CompareResults, max: number, extra = ""): string {
  const budget = max - extra.length;
  for (const flippedLimit of [10, 3, 0]) {
    const md = renderCompareMarkdown(results, { flippedLimit });
    if (md.length <= budget) return md + extra;
  }
  // Failing prompts first, then inconclusive, then the rest, until the budget runs out.
  const order = { fail: 0, needs_approval: 1, inconclusive: 1, pass: 2 } as const;
  const prompts = [...results.prompts].sort(
    (a, b) => order[a.comparison.verdict] - order[b.comparison.verdict],
  );
  for (let keep = prompts.length - 1; keep >= 1; keep--) {
    const md = renderCompareMarkdown({ ...results, prompts: prompts.slice(0, keep) }, { flippedLimit: 0 });
    const note = `\n> ${prompts.length - keep} more prompt section(s) left out to fit GitHub's size limit; see the results JSON and the job summary.\n`;
    if (md.length + note.length <= budget) return md + note + extra;
  }
  const note = "\n\n… (report cut to fit GitHub's size limit; see the job summary)\n";
  return renderCompareMarkdown(results, { flippedLimit: 0 }).slice(0, budget - note.length) + note + extra;
}

/**
 * The report within `maxBytes` of UTF-8 (the job summary's limit is in bytes).
 * A UTF-16 unit never takes more than 3 bytes, so a cut to a third of the bytes
 * in characters always fits.
 */
export function renderWithinBytes(results: CompareResults, maxBytes: number, extra = ""): string {
  const full = renderCompareMarkdown(results) + extra;
  return Buffer.byteLength(full, "utf8") <= maxBytes
    ? full
    : renderWithin(results, Math.floor(maxBytes / 3), extra);
}
