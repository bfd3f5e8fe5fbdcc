import { markdownTable } from "markdown-table";
import { escapeInline } from "../report/escape.js";
import { int, pct } from "../report/format.js";
import type { EvalResults } from "../report/results.js";
import type { FeedbackAgreement, FeedbackDisagreement } from "./feedback.js";
import type { SkippedCriterion } from "./score-traces.js";

/** What scoring traces adds to eval's results: the criteria it left out, and the judges against the feedback. */
export interface TraceScoring {
  /** The traces file, as given. */
  traces_file: string;
  traces: number;
  /** Traces carrying human feedback with a verdict (thumbs or rating). */
  with_feedback: number;
  skipped_criteria: SkippedCriterion[];
  feedback_agreement: FeedbackAgreement[];
}

/** The results JSON of `agentops score`: eval's, plus `trace_scoring`. */
export type ScoreResults = EvalResults & { trace_scoring?: TraceScoring };

/** Disagreements shown in the text and markdown; the results JSON holds all of them. */
const SHOWN = 10;

const verdict = (passed: boolean): string => (passed ? "pass" : "fail");

function humanSays(d: FeedbackDisagreement): string {
  const parts = [
    ...(d.human.thumbs ? [d.human.thumbs === "up" ? "👍 thumbs up" : "👎 thumbs down"] : []),
    ...(d.human.rating !== undefined ? [`rating ${d.human.rating}`] : []),
  ];
  return `${verdict(d.human.passed)} (${parts.join(", ")})`;
}

const kappaText = (k: number | null): string =>
  k === null ? "κ undefined: one class only" : `Cohen's κ ${k.toFixed(2)}`;

export function renderTraceScoringText(t: TraceScoring): string {
  const lines: string[] = [];
  for (const s of t.skipped_criteria) lines.push(`skipped ${s.criterion} (${s.type}): ${s.reason}`);
  for (const a of t.feedback_agreement) {
    lines.push(
      `${a.criterion}: the judge agrees with the human feedback on ${pct(a.agreement)} of ${int(a.n)} traces (${kappaText(a.kappa)})`,
    );
    for (const d of a.disagreements.slice(0, SHOWN))
      lines.push(
        `  ${d.id} (line ${d.line}): judge ${verdict(d.judge.passed)} (score ${d.judge.score.toFixed(2)}), human ${humanSays(d)}${d.human.comment ? ` — ${JSON.stringify(d.human.comment.slice(0, 120))}` : ""}`,
      );
    if (a.disagreements.length > SHOWN)
      lines.push(`  …and ${a.disagreements.length - SHOWN} more in the results JSON (trace_scoring)`);
  }
  if (t.with_feedback > 0 && t.feedback_agreement.length === 0)
    lines.push(
      `${int(t.with_feedback)} traces carry feedback, but no llm_judge criterion ran to compare with it`,
    );
  return lines.length ? `\n${lines.join("\n")}\n` : "";
}

export function renderTraceScoringMarkdown(t: TraceScoring): string {
  const parts: string[] = [];
  if (t.skipped_criteria.length) {
    parts.push(
      "### Criteria not run on these traces",
      "",
      markdownTable([
        ["criterion", "type", "why"],
        ...t.skipped_criteria.map((s) => [escapeInline(s.criterion), s.type, escapeInline(s.reason)]),
      ]),
      "",
    );
  }
  if (t.feedback_agreement.length) {
    parts.push("### Judges against the human feedback", "");
    for (const a of t.feedback_agreement) {
      parts.push(
        `**${escapeInline(a.criterion)}**: agrees on ${pct(a.agreement)} of ${int(a.n)} traces (${kappaText(a.kappa)})`,
        "",
      );
      if (a.disagreements.length)
        parts.push(
          markdownTable([
            ["trace", "judge", "human", "comment"],
            ...a.disagreements
              .slice(0, SHOWN)
              .map((d) => [
                escapeInline(d.id),
                `${verdict(d.judge.passed)} (${d.judge.score.toFixed(2)})`,
                escapeInline(humanSays(d)),
                escapeInline(d.human.comment ?? "", 200),
              ]),
          ]),
          "",
        );
      if (a.disagreements.length > SHOWN)
        parts.push(`…and ${a.disagreements.length - SHOWN} more in the results JSON (trace_scoring).`, "");
    }
  }
  return parts.length ? `\n${parts.join("\n")}` : "";
}
