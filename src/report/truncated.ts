import type { SuiteSummary } from "../engine/aggregate.js";

/** Answers cut at max_tokens, in words: scored as usual, but a reader should know. */
export function truncatedNote(summary: Pick<SuiteSummary, "truncated"> | undefined, whose: string): string[] {
  // Results written before the count existed have no `truncated`.
  const n = summary?.truncated ?? 0;
  if (n === 0) return [];
  return [`${n} of ${whose} answers ${n === 1 ? "was" : "were"} cut at max_tokens (finish_reason "length")`];
}

/** The compare report's line for both sides, e.g. "3 of the challenger's answers were cut at max_tokens". */
export function truncatedSides(
  champion: { summary: Pick<SuiteSummary, "truncated"> } | null | undefined,
  challenger: { summary: Pick<SuiteSummary, "truncated"> },
): string[] {
  const lines = [
    ...truncatedNote(champion?.summary, "the champion's"),
    ...truncatedNote(challenger.summary, "the challenger's"),
  ];
  return lines.length > 0 ? [`${lines.join("; ")}; they are scored as they are.`, ""] : [];
}
