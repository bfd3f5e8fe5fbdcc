/**
 * The flywheel: production traces that failed, that a person flagged, or on
 * which a judge and a person disagree become proposed eval examples. Pure but
 * for the embedding call, which is passed in.
 */
import { createHash } from "node:crypto";
import type { LoadedExample } from "../config/load.js";
import type { ExampleResult } from "../engine/runner.js";
import { cosine } from "../engine/scorers/embedder.js";
import { humanPass } from "./feedback.js";
import type { Trace } from "./traces.js";

export const FROM_PRODUCTION = "from-production";
export const UNTAGGED = "(untagged)";

export type CurateReason =
  | { kind: "disagreement"; criterion: string; judge: boolean; human: boolean }
  | { kind: "flagged"; thumbs?: "up" | "down"; rating?: number }
  | { kind: "failed"; criteria: string[] };

export interface Candidate {
  trace: Trace;
  reasons: CurateReason[];
  /** The first tag, or (untagged): the stratum it is drawn from. */
  stratum: string;
  /** Canonical text of the input, for the exact near-duplicate test. */
  normalized: string;
}

/** What curate proposes: an eval-set line, with no `expected` (a person writes it). */
export interface ProposedExample {
  id: string;
  input: Record<string, unknown>;
  reference_output: string;
  tags: string[];
  metadata: Record<string, unknown>;
}

/** Lower-cased, whitespace collapsed and trimmed, keys sorted: "Refund?  " and "refund?" are one input. */
export function normalizeInput(value: unknown): string {
  const walk = (v: unknown): unknown => {
    if (typeof v === "string") return v.normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim();
    if (Array.isArray(v)) return v.map(walk);
    if (v !== null && typeof v === "object")
      return Object.fromEntries(
        Object.keys(v)
          .sort()
          .map((k) => [k, walk((v as Record<string, unknown>)[k])]),
      );
    return v;
  };
  return JSON.stringify(walk(value));
}

/** Every string of an input, joined: what is embedded. */
export function inputText(value: unknown): string {
  if (typeof value === "string") return value;
  if (Array.isArray(value)) return value.map(inputText).filter(Boolean).join("\n");
  if (value !== null && typeof value === "object")
    return Object.values(value).map(inputText).filter(Boolean).join("\n");
  return typeof value === "number" || typeof value === "boolean" ? String(value) : "";
}

/** Why a trace is worth an example: judge/person disagreement first, then flagged, then failing. */
const RANK: Record<CurateReason["kind"], number> = { disagreement: 0, flagged: 1, failed: 2 };

/**
 * The traces worth a look, in the order they are taken: by their strongest
 * reason, then by their line. `judges` are the llm_judge criteria whose
 * verdicts are compared with the feedback. Errors are not candidates (nothing
 * was scored).
 */
export function candidates(
  traces: readonly Trace[],
  results: readonly ExampleResult[],
  judges: readonly string[],
): Candidate[] {
  const first = new Map<string, ExampleResult>();
  for (const r of results) if (r.status === "ok" && !first.has(r.id)) first.set(r.id, r);
  const out: Candidate[] = [];
  for (const trace of traces) {
    const r = first.get(trace.id);
    if (!r) continue;
    const reasons: CurateReason[] = [];
    const human = humanPass(trace.feedback);
    for (const name of judges) {
      const v = r.criteria[name];
      if (v && human !== undefined && v.passed !== human)
        reasons.push({ kind: "disagreement", criterion: name, judge: v.passed, human });
    }
    if (human === false)
      reasons.push({
        kind: "flagged",
        ...(trace.feedback?.thumbs ? { thumbs: trace.feedback.thumbs } : {}),
        ...(trace.feedback?.rating !== undefined ? { rating: trace.feedback.rating } : {}),
      });
    const failed = Object.entries(r.criteria)
      .filter(([, v]) => !v.passed)
      .map(([name]) => name);
    if (failed.length) reasons.push({ kind: "failed", criteria: failed });
    if (reasons.length === 0) continue;
    reasons.sort((a, b) => RANK[a.kind] - RANK[b.kind]);
    out.push({
      trace,
      reasons,
      stratum: trace.tags?.[0] ?? UNTAGGED,
      normalized: normalizeInput(trace.input),
    });
  }
  const rank = (c: Candidate) => RANK[c.reasons[0]?.kind ?? "failed"];
  return out.sort((a, b) => rank(a) - rank(b) || a.trace.line - b.trace.line);
}

export interface Dropped {
  trace: string;
  line: number;
  why:
    | "same input as an eval example"
    | "same input as a kept trace"
    | "embedding near an eval example"
    | "embedding near a kept trace";
  /** The eval example or trace it duplicates. */
  of: string;
  similarity?: number;
}

/** Drops candidates whose normalized input equals an eval example's or an earlier candidate's. */
export function dedupeByInput(
  list: readonly Candidate[],
  examples: readonly Pick<LoadedExample, "id" | "input">[],
): { kept: Candidate[]; dropped: Dropped[] } {
  const known = new Map(examples.map((e) => [normalizeInput(e.input), e.id]));
  const seen = new Map<string, string>();
  const kept: Candidate[] = [];
  const dropped: Dropped[] = [];
  for (const c of list) {
    const example = known.get(c.normalized);
    const earlier = seen.get(c.normalized);
    if (example !== undefined)
      dropped.push({
        trace: c.trace.id,
        line: c.trace.line,
        why: "same input as an eval example",
        of: example,
      });
    else if (earlier !== undefined)
      dropped.push({ trace: c.trace.id, line: c.trace.line, why: "same input as a kept trace", of: earlier });
    else {
      seen.set(c.normalized, c.trace.id);
      kept.push(c);
    }
  }
  return { kept, dropped };
}

/**
 * Drops candidates whose input embedding has cosine ≥ `threshold` with an eval
 * example's or an earlier kept candidate's (greedy, in the candidates' order).
 * `embed` answers one vector per text, in order.
 */
export async function dedupeByEmbedding(
  list: readonly Candidate[],
  examples: readonly Pick<LoadedExample, "id" | "input">[],
  threshold: number,
  embed: (texts: string[]) => Promise<number[][]>,
): Promise<{ kept: Candidate[]; dropped: Dropped[] }> {
  const vectors = await embed([
    ...examples.map((e) => inputText(e.input)),
    ...list.map((c) => inputText(c.trace.input)),
  ]);
  const exampleVectors = examples.map((e, i) => ({ id: e.id, v: vectors[i] ?? [] }));
  const keptVectors: { id: string; v: number[] }[] = [];
  const kept: Candidate[] = [];
  const dropped: Dropped[] = [];
  list.forEach((c, i) => {
    const v = vectors[examples.length + i] ?? [];
    const near = (pool: { id: string; v: number[] }[]) => {
      let best: { id: string; s: number } | undefined;
      for (const p of pool) {
        const s = cosine(v, p.v);
        if (s >= threshold && (!best || s > best.s)) best = { id: p.id, s };
      }
      return best;
    };
    const example = near(exampleVectors);
    const earlier = example ? undefined : near(keptVectors);
    if (example)
      dropped.push({
        trace: c.trace.id,
        line: c.trace.line,
        why: "embedding near an eval example",
        of: example.id,
        similarity: example.s,
      });
    else if (earlier)
      dropped.push({
        trace: c.trace.id,
        line: c.trace.line,
        why: "embedding near a kept trace",
        of: earlier.id,
        similarity: earlier.s,
      });
    else {
      kept.push(c);
      keptVectors.push({ id: c.trace.id, v });
    }
  });
  return { kept, dropped };
}

/**
 * Up to `max` candidates drawn round-robin over the strata (first tag), each
 * stratum in its own order, strata in order of first appearance: a common
 * tag cannot crowd out a rare one.
 */
export function stratify(list: readonly Candidate[], max: number): Candidate[] {
  const strata = new Map<string, Candidate[]>();
  for (const c of list) {
    const s = strata.get(c.stratum) ?? [];
    s.push(c);
    strata.set(c.stratum, s);
  }
  const queues = [...strata.values()];
  const out: Candidate[] = [];
  for (let round = 0; out.length < max; round++) {
    let took = false;
    for (const q of queues) {
      const c = q[round];
      if (c && out.length < max) {
        out.push(c);
        took = true;
      }
    }
    if (!took) break;
  }
  return out;
}

export function describeReason(r: CurateReason): string {
  if (r.kind === "failed") return `failed ${r.criteria.join(", ")}`;
  if (r.kind === "flagged")
    return `flagged by a person (${[r.thumbs ? `thumbs ${r.thumbs}` : "", r.rating !== undefined ? `rating ${r.rating}` : ""].filter(Boolean).join(", ")})`;
  return `judge ${r.criterion} said ${r.judge ? "pass" : "fail"}, the person ${r.human ? "pass" : "fail"}`;
}

/** A fresh id from the trace's id and input: the same trace proposes the same id on every run. */
export function freshId(trace: Trace, normalized: string): string {
  return `prod-${createHash("sha256").update(`${trace.id}\n${normalized}`).digest("hex").slice(0, 10)}`;
}

export function propose(c: Candidate, tracesFile: string): ProposedExample {
  const tags = [...(c.trace.tags ?? []).filter((t) => t !== FROM_PRODUCTION), FROM_PRODUCTION];
  return {
    id: freshId(c.trace, c.normalized),
    input: c.trace.input,
    reference_output: c.trace.output,
    tags,
    metadata: {
      ...(c.trace.metadata ?? {}),
      curated_from: {
        trace: c.trace.id,
        file: tracesFile,
        line: c.trace.line,
        ...(c.trace.timestamp !== undefined ? { timestamp: c.trace.timestamp } : {}),
        why: c.reasons.map(describeReason),
        ...(c.trace.feedback?.comment !== undefined ? { comment: c.trace.feedback.comment } : {}),
      },
    },
  };
}
