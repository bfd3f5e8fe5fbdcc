/**
 * Drift of what the model says: the distribution of a classifier's output
 * labels between two windows. A label is the `one_of` label an answer matched
 * (its verdict's detail), the answer itself for an `equals` criterion, or a
 * field of a JSON answer (`--field output.<path>`). Pure.
 */
import { parseJsonOutput } from "../engine/scorers/json-output.js";
import { normalizeLabel } from "../engine/scorers/one-of.js";
import type { Criterion } from "../config/schema.js";
import type { ExampleResult } from "../engine/runner.js";
import { categoryBins, jsDivergence, psi, psiBand } from "./drift-stats.js";
import type { FeatureDrift } from "./drift.js";

export const NOT_A_LABEL = "(not a label)";
export const MISSING_FIELD = "(missing)";
/** Labels longer than this are cut: a free-text answer is not a label, but must not bloat the report. */
const MAX_LABEL = 80;

/** A label source: a criterion's label, or a field of the JSON output. */
export type LabelSource =
  { kind: "one_of" | "equals"; criterion: string } | { kind: "field"; path: string[]; name: string };

export type OutputDrift = FeatureDrift & { js_divergence: number };

const cut = (s: string): string => (s.length > MAX_LABEL ? `${s.slice(0, MAX_LABEL - 1)}…` : s);

function fieldOf(output: string, path: readonly string[]): string {
  const parsed = parseJsonOutput(output);
  if (!parsed.ok) return MISSING_FIELD;
  let v: unknown = parsed.value;
  for (const key of path) {
    if (typeof v !== "object" || v === null || !Object.hasOwn(v, key)) return MISSING_FIELD;
    v = (v as Record<string, unknown>)[key];
  }
  return cut(typeof v === "string" ? v : JSON.stringify(v));
}

/** One label per scored answer (example × repeat); answers that errored have none. */
export function labelsOf(results: readonly ExampleResult[], source: LabelSource): string[] {
  return results.flatMap((r) => {
    if (r.status !== "ok" || r.output === undefined) return [];
    if (source.kind === "field") return [fieldOf(r.output, source.path)];
    if (source.kind === "equals") return [cut(normalizeLabel(r.output).toLowerCase())];
    const v = r.criteria[source.criterion];
    if (!v) return [];
    return [v.passed && v.detail ? cut(v.detail) : NOT_A_LABEL];
  });
}

/** `--field output.a.b` → the path [a, b]; other fields are input fields. */
export function outputFieldSource(field: string): LabelSource | undefined {
  if (!field.startsWith("output.") || field.length <= "output.".length) return undefined;
  return { kind: "field", path: field.slice("output.".length).split("."), name: field };
}

/** The label sources of a prompt's criteria: every one_of and equals criterion. */
export function criterionSources(
  criteria: readonly { name: string; type: Criterion["type"] }[],
): LabelSource[] {
  return criteria.flatMap((c) =>
    c.type === "one_of" || c.type === "equals" ? [{ kind: c.type, criterion: c.name }] : [],
  );
}

export function sourceName(s: LabelSource): string {
  return s.kind === "field" ? s.name : `${s.criterion} (${s.kind} label)`;
}

export function labelDrift(
  source: LabelSource,
  baseline: readonly ExampleResult[],
  current: readonly ExampleResult[],
): OutputDrift {
  const a = labelsOf(baseline, source);
  const b = labelsOf(current, source);
  const bins = categoryBins(a, b);
  const value = a.length && b.length ? psi(bins.a, bins.b) : 0;
  return {
    feature: sourceName(source),
    kind: "categorical",
    n: { baseline: a.length, current: b.length },
    psi: value,
    band: psiBand(value),
    ks: null,
    js_divergence: jsDivergence(bins.a, bins.b),
    shares: bins.categories.map((category, i) => ({
      category,
      baseline: a.length ? (bins.a[i] ?? 0) / a.length : 0,
      current: b.length ? (bins.b[i] ?? 0) / b.length : 0,
    })),
  };
}
