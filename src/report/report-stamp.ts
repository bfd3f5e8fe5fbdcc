/**
 * What commit a report comment is about, for readers and for /agentops approve.
 * The visible line tells a reader the commit; the hidden state (last in the
 * body) records the head SHA, the verdict and when each SHA started to be shown,
 * so an approval can find which report its author was reading.
 */
export const STATE_MARKER = "<!-- agentops-state ";

/** Entries kept: enough for any review, small beside the 65,536-character limit. */
export const MAX_HISTORY = 20;
/** Characters the visible line and the hidden state can take at most. */
export const STAMP_RESERVE = 3_000;

export interface ReportState {
  sha: string;
  /** The report's verdict (pass, fail, needs_approval, inconclusive, error): what an approval accepts. */
  verdict: string;
  /** When each SHA was first shown, oldest first (ISO times). */
  history: { sha: string; at: string }[];
}

const SHA = /^[0-9a-f]{7,64}$/;
const VERDICT = /^[a-z_]{1,40}$/;

function isState(v: unknown): v is ReportState {
  if (typeof v !== "object" || v === null) return false;
  const s = v as Record<string, unknown>;
  return (
    typeof s.sha === "string" &&
    SHA.test(s.sha) &&
    typeof s.verdict === "string" &&
    VERDICT.test(s.verdict) &&
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

/** The next state: a new history entry only when the SHA changes, so an unchanged report stays byte-identical. */
export function nextState(
  previous: ReportState | undefined,
  now: { sha: string; verdict: string; at: string },
): ReportState {
  const history = [...(previous?.history ?? [])];
  if (history.at(-1)?.sha !== now.sha) history.push({ sha: now.sha, at: now.at });
  return { sha: now.sha, verdict: now.verdict, history: history.slice(-MAX_HISTORY) };
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
  lines.splice(heading === -1 ? 0 : heading + 1, 0, "", commitLine(state.sha, commitUrl));
  // JSON of hex SHAs, ISO times and a verdict word cannot contain "-->".
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
