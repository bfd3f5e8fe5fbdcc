import type { CompareResults } from "../pipeline/compare-run.js";
import { artifactsUrl, renderCompareMarkdown, type ReportLinks } from "./compare-report.js";

/** UTF-8 bytes: GitHub's size limits (comment bodies, check-run summaries, job summaries) are checked in bytes. */
export const utf8Bytes = (s: string): number => Buffer.byteLength(s, "utf8");

/** The longest prefix of `s` within `maxBytes` of UTF-8, never splitting a character. */
export function cutToBytes(s: string, maxBytes: number): string {
  if (utf8Bytes(s) <= maxBytes) return s;
  let bytes = 0;
  let end = 0;
  for (const ch of s) {
    const b = utf8Bytes(ch);
    if (bytes + b > maxBytes) break;
    bytes += b;
    end += ch.length;
  }
  return s.slice(0, end);
}

/** Where the left-out part can be read: the run's job summary and artifacts when there is a run. */
function elsewhere(links: ReportLinks): string {
  return links.runUrl
    ? `the [job summary](${links.runUrl}) and the [results JSON and full report](${artifactsUrl(links.runUrl)})`
    : "the results JSON and the full report file";
}

/**
 * Renders the report within `maxBytes` of UTF-8, giving up detail in order:
 * fewer flipped examples, then the sections of passing prompts, then a hard
 * cut. The verdict and the worst regressions always survive. Bytes, because
 * GitHub measures its limits in bytes, and a fit in bytes also fits in
 * characters (no character takes fewer UTF-8 bytes than UTF-16 units).
 */
export function renderWithin(
  results: CompareResults,
  maxBytes: number,
  extra = "",
  links: ReportLinks = {},
): string {
  const budget = maxBytes - utf8Bytes(extra);
  for (const flippedLimit of [10, 3, 0]) {
    const md = renderCompareMarkdown(results, { ...links, flippedLimit });
    if (utf8Bytes(md) <= budget) return md + extra;
  }
  // Failing prompts first, then inconclusive, then the rest, until the budget runs out.
  const order = { fail: 0, needs_approval: 1, inconclusive: 1, pass: 2 } as const;
  const prompts = [...results.prompts].sort(
    (a, b) => order[a.comparison.verdict] - order[b.comparison.verdict],
  );
  for (let keep = prompts.length - 1; keep >= 1; keep--) {
    const md = renderCompareMarkdown(
      { ...results, prompts: prompts.slice(0, keep) },
      { ...links, flippedLimit: 0 },
    );
    const note = `\n> ${prompts.length - keep} more prompt section(s) left out to fit GitHub's size limit; see ${elsewhere(links)}.\n`;
    if (utf8Bytes(md) + utf8Bytes(note) <= budget) return md + note + extra;
  }
  const note = `\n\n… (report cut to fit GitHub's size limit; see ${elsewhere(links)})\n`;
  const md = renderCompareMarkdown(results, { ...links, flippedLimit: 0 });
  return cutToBytes(md, budget - utf8Bytes(note)) + note + extra;
}

/** The report within `maxBytes` of UTF-8 (the job summary's limit), whole when it fits. */
export function renderWithinBytes(
  results: CompareResults,
  maxBytes: number,
  extra = "",
  links: ReportLinks = {},
): string {
  return renderWithin(results, maxBytes, extra, links);
}
