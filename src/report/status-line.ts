/**
 * The one-line verdict of a commit status (140 bytes) and of a check run's title:
 * plain text (GitHub shows these fields as typed, so no markdown escape), every
 * failing prompt named, shortened to fit, and what unblocks the PR. Pure.
 */
import { failureKind, type Verdict } from "../compare/compare.js";
import type { CompareResults } from "../pipeline/compare-run.js";
import { isPlannedSkip } from "../pipeline/not-evaluated.js";

/** GitHub refuses a commit status description over 140 characters; measured in bytes to be safe either way. */
export const MAX_STATUS_DESCRIPTION_BYTES = 140;
/** Check-run titles: GitHub documents no limit; 255 bytes keeps the checks list readable. */
export const MAX_CHECK_TITLE_BYTES = 255;

export const APPROVE_HINT = "a maintainer comments /agentops approve";

const bytes = (s: string): number => Buffer.byteLength(s, "utf8");
// Control characters, bidi overrides and newlines have no place in a one-line plain-text field.
// eslint-disable-next-line no-control-regex -- stripping control characters is the point
const UNPRINTABLE = /[\u0000-\u001F\u007F\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]+/g;
const plain = (s: string): string => s.replace(UNPRINTABLE, " ").replace(/\s+/g, " ").trim();

/** A name cut to `n` characters (code points) with an ellipsis. */
function shorten(name: string, n: number): string {
  const cps = Array.from(name);
  return cps.length <= n ? name : `${cps.slice(0, Math.max(1, n - 1)).join("")}…`;
}

/** The longest prefix of `s` within `max` bytes, ending in "…" when cut. */
export function fitBytes(s: string, max: number): string {
  if (bytes(s) <= max) return s;
  let out = "";
  for (const ch of s) {
    if (bytes(out + ch) + bytes("…") > max) break;
    out += ch;
  }
  return `${out}…`;
}

/**
 * `${head}${a, b, c}${tail}` within `max` bytes: every name whole if it fits, else every
 * name shortened alike (down to 6 characters), else as many as fit and "+N more".
 */
export function nameAll(head: string, names: readonly string[], tail: string, max: number): string {
  const clean = names.map(plain);
  const line = (list: readonly string[], more: number): string =>
    `${head}${list.join(", ")}${more > 0 ? `${list.length > 0 ? ", " : ""}+${more} more` : ""}${tail}`;
  const whole = line(clean, 0);
  if (bytes(whole) <= max) return whole;
  const longest = Math.max(...clean.map((n) => Array.from(n).length));
  for (let n = longest - 1; n >= 6; n--) {
    const l = line(
      clean.map((x) => shorten(x, n)),
      0,
    );
    if (bytes(l) <= max) return l;
  }
  for (let keep = clean.length - 1; keep >= 0; keep--) {
    const l = line(
      clean.slice(0, keep).map((x) => shorten(x, 12)),
      clean.length - keep,
    );
    if (bytes(l) <= max) return l;
  }
  return fitBytes(line([], clean.length), max);
}

const prompts = (n: number): string => `${n} prompt${n === 1 ? "" : "s"}`;

export interface StatusContext {
  /** fail-on: never reports a failing gate as success. */
  failOnNever?: boolean;
  /** The run had no API key (a fork PR): only a maintainer's rerun can evaluate. */
  noKey?: boolean;
}

/** The state of the commit status: what branch protection reads. */
export type LineState = "pending" | "success" | "failure" | "error";

/** The verdict as one plain-text line within `maxBytes`, and the commit-status state it goes with. */
export function gateLine(
  results: CompareResults,
  ctx: StatusContext,
  maxBytes: number,
): { state: LineState; description: string } {
  const verdict: Verdict = results.verdict;
  const n = results.prompts.length;
  const named = (v: Verdict): string[] =>
    results.prompts.filter((p) => p.comparison.verdict === v).map((p) => p.name);
  if (verdict === "needs_approval") {
    // Approval is what unblocks: it comes first, so no cut can hide it.
    const paths = [...new Set(results.gate_changes.map((g) => g.path))];
    const head = `needs approval: ${APPROVE_HINT} (gate changes: `;
    return { state: "failure", description: nameAll(head, paths, ")", maxBytes) };
  }
  // Only a run that finished with nothing to evaluate is a pass; a cancel before the first prompt is not.
  if (n === 0 && verdict === "pass")
    return { state: "success", description: "no prompt affected by this change" };
  if (verdict === "pass") return { state: "success", description: `pass: ${prompts(n)}, no regression` };
  // No prompt carries the verdict (e.g. a shard is missing): what was not evaluated says why.
  const missing = results.not_evaluated.find((x) => !isPlannedSkip(x.reason));
  if (verdict === "fail") {
    const failing = named("fail");
    const kind = failureKind(results.prompts.map((p) => p.comparison));
    const what = `${prompts(failing.length)} failed: `;
    if (ctx.failOnNever)
      return {
        state: "success",
        description: nameAll(`${kind} (not gating, fail-on: never): ${what}`, failing, "", maxBytes),
      };
    return {
      state: "failure",
      description: nameAll(`${kind}: ${what}`, failing, `. Push a fix, or ${APPROVE_HINT}`, maxBytes),
    };
  }
  if (ctx.noKey)
    return {
      state: "pending",
      description: fitBytes(
        "not evaluated: no API key (fork PR?). A maintainer can comment /agentops rerun",
        maxBytes,
      ),
    };
  const unsure = results.prompts.filter((p) => p.comparison.verdict === verdict);
  if (unsure.length > 0) {
    // The names first (within a share of the room), then why the first could not be decided.
    const names = nameAll(
      `inconclusive: ${prompts(unsure.length)}: `,
      unsure.map((p) => p.name),
      "",
      Math.min(maxBytes, 80),
    );
    const why = plain(unsure[0]?.comparison.reason ?? "");
    return { state: "error", description: fitBytes(why ? `${names} — ${why}` : names, maxBytes) };
  }
  return {
    state: "error",
    description: fitBytes(
      plain(`inconclusive${missing ? `: ${missing.prompt}: ${missing.reason}` : ""}`),
      maxBytes,
    ),
  };
}
