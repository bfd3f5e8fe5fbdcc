import { escapeInline } from "./escape.js";

/** Starts the approval line inside the report comment, so the next approval replaces it. */
export const APPROVAL_MARKER = "<!-- agentops-approval -->";

/** What an approval accepts, from the verdict of the report it was given on. */
export function acceptedLabel(verdict: string | undefined): string {
  if (verdict === "fail") return "regression accepted";
  if (verdict === "needs_approval") return "gate change accepted";
  return "accepted";
}

/** The line recording who accepted a regression, for which commit, and from which comment. */
export function approvalNote(a: { author: string; sha: string; commentUrl: string; label?: string }): string {
  const label = a.label ?? "regression accepted";
  const title = label.charAt(0).toUpperCase() + label.slice(1);
  return `${APPROVAL_MARKER}\n> ✅ **${title}** by @${escapeInline(a.author, 60)} for \`${a.sha.slice(0, 7)}\` ([comment](${a.commentUrl})). A new push resets this.`;
}

const EARLIER_NOTES = new RegExp(`\\n*${APPROVAL_MARKER}\\n>[^\\n]*`, "g");

/** The report without any approval line. */
export function withoutApprovalNote(report: string): string {
  return report.replace(EARLIER_NOTES, "");
}

/**
 * The report with `note` right under its verdict heading, where a reviewer looks
 * first, and any earlier note removed. Undefined when the result would exceed
 * `maxChars` (GitHub's comment limit): the caller then posts the note on its own.
 */
export function withApprovalNote(report: string, note: string, maxChars: number): string | undefined {
  const lines = report.replace(EARLIER_NOTES, "").trimEnd().split("\n");
  const heading = lines.findIndex((l) => l.startsWith("## "));
  lines.splice(heading === -1 ? 1 : heading + 1, 0, "", note);
  const body = lines.join("\n");
  return body.length <= maxChars ? body : undefined;
}
