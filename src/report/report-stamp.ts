/**
 * What commit a report comment is about, for readers and for /agentops approve.
 * The visible line tells a reader the commit; the hidden state (last in the
 * body) records the head SHA, the verdict and when each SHA started to be shown,
 * so an approval can find which report its author was reading.
 */
import { APPROVAL_MARKER, approvalNote, withoutApprovalNote } from "./approval.js";
import { escapeInline } from "./escape.js";

export const STATE_MARKER = "<!-- agentops-state ";

/** Entries kept: enough for any review, small beside the 65,536-character limit. */
export const MAX_HISTORY = 20;
/** Characters the visible line and the hidden state can take at most. */
export const STAMP_RESERVE = 3_000;

/** A maintainer's /agentops approve, kept in the state so a re-run of the same commit keeps it in view. */
export interface RecordedApproval {
  sha: string;
  by: string;
  /** The verdict of the report that was approved: a re-run that finds another verdict is not covered. */
  verdict: string;
  label: string;
  comment_url: string;
}

export interface ReportState {
  sha: string;
  /** The report's verdict (pass, fail, needs_approval, inconclusive, error): what an approval accepts. */
  verdict: string;
  /** When each SHA was first shown, oldest first (ISO times). */
  history: { sha: string; at: string }[];
  approval?: RecordedApproval;
  /**
   * The plan identity of the evaluation of `sha` (src/scale/plan-identity.ts,
   * without revisions): a merge-queue run with the same one reuses `verdict`.
   */
  plan?: string;
}

const SHA = /^[0-9a-f]{7,64}$/;
const VERDICT = /^[a-z_]{1,40}$/;
const LOGIN = /^[A-Za-z0-9][A-Za-z0-9-]{0,38}(\[bot\])?$/;
const LABEL = /^[a-z ]{1,40}$/;
// No whitespace and no "-->", so the state stays one hidden line.
const URL_SAFE = /^https?:\/\/[^\s<>"]{1,300}$/;

function isApproval(v: unknown): v is RecordedApproval {
  if (typeof v !== "object" || v === null) return false;
  const a = v as Record<string, unknown>;
  return (
    typeof a.sha === "string" &&
    SHA.test(a.sha) &&
    typeof a.by === "string" &&
    LOGIN.test(a.by) &&
    typeof a.verdict === "string" &&
    VERDICT.test(a.verdict) &&
    typeof a.label === "string" &&
    LABEL.test(a.label) &&
    typeof a.comment_url === "string" &&
    URL_SAFE.test(a.comment_url) &&
    !a.comment_url.includes("-->")
  );
}

function isState(v: unknown): v is ReportState {
  if (typeof v !== "object" || v === null) return false;
  const s = v as Record<string, unknown>;
  return (
    typeof s.sha === "string" &&
    SHA.test(s.sha) &&
    typeof s.verdict === "string" &&
    VERDICT.test(s.verdict) &&
    (s.approval === undefined || isApproval(s.approval)) &&
    (s.plan === undefined || (typeof s.plan === "string" && /^[0-9a-f]{64}$/.test(s.plan))) &&
    Array.isArray(s.history) &&
    s.history.every(
      (h: unknown) =>
        typeof h === "object" &&
        h !== null &&
        typeof (h as Record<string, unknown>).sha === "string" &&
        SHA.test((h as { sha: string }).sha) &&
        typeof (h as Record<string, unknown>).at === "string" &&
        !Number.isNaN(Date.parse((h as { at: string }).at)),
    )
  );
}

/** The hidden state of a report body we wrote; only a final line counts (the report's own text is escaped). */
export function readState(body: string): ReportState | undefined {
  const last = body.trimEnd().split("\n").at(-1) ?? "";
  if (!last.startsWith(STATE_MARKER) || !last.endsWith(" -->")) return undefined;
  try {
    const parsed: unknown = JSON.parse(last.slice(STATE_MARKER.length, -" -->".length));
    return isState(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

function withoutState(body: string): string {
  const lines = body.trimEnd().split("\n");
  return readState(body) ? lines.slice(0, -1).join("\n").trimEnd() : body.trimEnd();
}

/**
 * The next state: a new history entry only when the SHA changes, so an unchanged
 * report stays byte-identical. An approval of this same SHA is carried on: a
 * re-run must not drop it without a word (a new push does).
 */
export function nextState(
  previous: ReportState | undefined,
  now: { sha: string; verdict: string; at: string; plan?: string | undefined },
): ReportState {
  const history = [...(previous?.history ?? [])];
  if (history.at(-1)?.sha !== now.sha) history.push({ sha: now.sha, at: now.at });
  const approval = previous?.approval?.sha === now.sha ? previous.approval : undefined;
  return {
    sha: now.sha,
    verdict: now.verdict,
    history: history.slice(-MAX_HISTORY),
    ...(approval ? { approval } : {}),
    ...(now.plan !== undefined ? { plan: now.plan } : {}),
  };
}

/** Whether the state's approval covers its verdict: the same verdict as the report that was approved. */
export function approvalHolds(state: ReportState | undefined): RecordedApproval | undefined {
  const a = state?.approval;
  return a && a.sha === state.sha && a.verdict === state.verdict && state.verdict !== "error" ? a : undefined;
}

/** The line under the commit line that says who approved, or that a re-run found something the approval did not cover. */
function approvalLines(state: ReportState): string[] {
  const a = state.approval;
  if (!a || a.sha !== state.sha) return [];
  if (approvalHolds(state))
    return ["", approvalNote({ author: a.by, sha: a.sha, commentUrl: a.comment_url, label: a.label })];
  if (state.verdict === "pass") return [];
  return [
    "",
    `${APPROVAL_MARKER}\n> ⚠️ **The approval no longer applies**: @${escapeInline(a.by, 60)} accepted the \`${a.verdict}\` report of \`${a.sha.slice(0, 7)}\` ([comment](${a.comment_url})); this evaluation of the same commit found \`${state.verdict}\`. A maintainer who has read this report can comment \`/agentops approve\` again.`,
  ];
}

/** "Reports on commit `abc1234`", linked to the commit in the pull request. */
export function commitLine(sha: string, commitUrl: string | undefined): string {
  const short = `\`${sha.slice(0, 7)}\``;
  return `Reports on commit ${commitUrl ? `[${short}](${commitUrl})` : short}.`;
}

/**
 * The report with the commit line right under its verdict heading and the
 * state as its last line. `report` is the renderer's markdown, unchanged.
 */
export function stampReport(report: string, state: ReportState, commitUrl: string | undefined): string {
  const lines = withoutState(report).split("\n");
  const heading = lines.findIndex((l) => l.startsWith("## "));
  lines.splice(
    heading === -1 ? 0 : heading + 1,
    0,
    "",
    commitLine(state.sha, commitUrl),
    ...approvalLines(state),
  );
  // JSON of hex SHAs, ISO times, verdict words, logins and a checked URL cannot contain "-->".
  return `${lines.join("\n")}\n\n${STATE_MARKER}${JSON.stringify(state)} -->\n`;
}

/**
 * An already stamped report with a new state (an approval recorded): the
 * approval line under the commit line is replaced, the rest kept as it is.
 */
export function restampReport(stamped: string, state: ReportState): string {
  const lines = withoutApprovalNote(withoutState(stamped)).split("\n");
  const commit = lines.findIndex((l) => l.startsWith("Reports on commit "));
  const heading = lines.findIndex((l) => l.startsWith("## "));
  const at = commit !== -1 ? commit + 1 : heading !== -1 ? heading + 1 : 0;
  lines.splice(at, 0, ...approvalLines(state));
  return `${lines.join("\n")}\n\n${STATE_MARKER}${JSON.stringify(state)} -->\n`;
}

/**
 * The SHA the report showed when a comment was written at `when`, or undefined
 * when that cannot be told for sure. GitHub gives times in whole seconds, so
 * a report written in the same second as the comment does not count as read.
 */
export function shaShownAt(
  state: ReportState,
  reportUpdatedAt: string | undefined,
  when: string,
): string | undefined {
  const t = Date.parse(when);
  if (Number.isNaN(t)) return undefined;
  if (reportUpdatedAt !== undefined && Date.parse(reportUpdatedAt) < t) return state.sha;
  // The report changed after the comment was written: the last SHA shown before it.
  return state.history.filter((h) => Date.parse(h.at) < t).at(-1)?.sha;
}
