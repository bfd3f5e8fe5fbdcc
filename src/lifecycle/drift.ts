import type { ExampleResult } from "../engine/runner.js";
import {
  binByEdges,
  categoryBins,
  decileEdges,
  ksTest,
  psi,
  psiBand,
  scoreBins,
  twoProportionTest,
  type PsiBand,
} from "./drift-stats.js";
import type { OutputDrift } from "./label-drift.js";
import type { Trace } from "./traces.js";

export interface CriterionDrift {
  criterion: string;
  /** Graded: its scores take values other than 0 and 1 (then the KS test applies). */
  graded: boolean;
  n: { baseline: number; current: number };
  mean: { baseline: number; current: number };
  pass_rate: { baseline: number; current: number };
  psi: number;
  band: PsiBand;
  ks: { d: number; p_value: number } | null;
  pass_rate_test: { z: number; p_value: number } | null;
}

export interface FeatureDrift {
  /** "text length", "tags", or "input.<field>". */
  feature: string;
  kind: "numeric" | "categorical";
  n: { baseline: number; current: number };
  psi: number;
  band: PsiBand;
  ks: { d: number; p_value: number } | null;
  /** Categorical: the share of each category in both windows. */
  shares?: { category: string; baseline: number; current: number }[];
}

export interface DriftReport {
  prompt: string;
  fail_psi: number;
  criteria: CriterionDrift[];
  inputs: FeatureDrift[];
  /** What the model said: one_of/equals labels and --field output.<path>, with PSI and Jensen–Shannon divergence. */
  outputs: OutputDrift[];
  /** Why input drift is missing, when a window came as scored results (they carry no inputs). */
  inputs_note?: string;
  drifted: boolean;
}

/** Every scored observation (example × repeat) of a criterion: its score and whether it passed. */
function observations(
  results: readonly ExampleResult[],
  criterion: string,
): { score: number; passed: boolean }[] {
  return results.flatMap((r) => {
    const c = r.status === "ok" ? r.criteria[criterion] : undefined;
    return c ? [{ score: c.score, passed: c.passed }] : [];
  });
}

const mean = (xs: readonly number[]): number => (xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : 0);

export function criterionDrift(
  name: string,
  baseline: readonly ExampleResult[],
  current: readonly ExampleResult[],
): CriterionDrift {
  const a = observations(baseline, name);
  const b = observations(current, name);
  const sa = a.map((o) => o.score);
  const sb = b.map((o) => o.score);
  const graded = [...sa, ...sb].some((s) => s !== 0 && s !== 1);
  const pa = a.filter((o) => o.passed).length;
  const pb = b.filter((o) => o.passed).length;
  const value = psi(scoreBins(sa), scoreBins(sb));
  return {
    criterion: name,
    graded,
    n: { baseline: a.length, current: b.length },
    mean: { baseline: mean(sa), current: mean(sb) },
    pass_rate: { baseline: a.length ? pa / a.length : 0, current: b.length ? pb / b.length : 0 },
    psi: value,
    band: psiBand(value),
    ks: graded ? ksTest(sa, sb) : null,
    pass_rate_test: twoProportionTest(pa, a.length, pb, b.length),
  };
}

/** Characters of every string in a value, recursively (an input's text length). */
export function textLength(value: unknown): number {
  if (typeof value === "string") return value.length;
  if (Array.isArray(value)) return value.reduce((n: number, v) => n + textLength(v), 0);
  if (value !== null && typeof value === "object")
    return Object.values(value).reduce((n: number, v) => n + textLength(v), 0);
  return 0;
}

export function numericDrift(feature: string, a: readonly number[], b: readonly number[]): FeatureDrift {
  const edges = decileEdges(a);
  const value = a.length && b.length ? psi(binByEdges(a, edges), binByEdges(b, edges)) : 0;
  return {
    feature,
    kind: "numeric",
    n: { baseline: a.length, current: b.length },
    psi: value,
    band: psiBand(value),
    ks: ksTest(a, b),
  };
}

export function categoricalDrift(feature: string, a: readonly string[], b: readonly string[]): FeatureDrift {
  const bins = categoryBins(a, b);
  const value = a.length && b.length ? psi(bins.a, bins.b) : 0;
  return {
    feature,
    kind: "categorical",
    n: { baseline: a.length, current: b.length },
    psi: value,
    band: psiBand(value),
    ks: null,
    shares: bins.categories.map((category, i) => ({
      category,
      baseline: a.length ? (bins.a[i] ?? 0) / a.length : 0,
      current: b.length ? (bins.b[i] ?? 0) / b.length : 0,
    })),
  };
}

export const MISSING = "(missing)";
export const UNTAGGED = "(untagged)";

/** Input drift: text length, tag mix, and each --field (numeric when every present value is a number). */
export function inputDrift(
  a: readonly Trace[],
  b: readonly Trace[],
  fields: readonly string[],
): FeatureDrift[] {
  const tags = (ts: readonly Trace[]) => ts.flatMap((t) => (t.tags?.length ? t.tags : [UNTAGGED]));
  const out = [
    numericDrift(
      "text length",
      a.map((t) => textLength(t.input)),
      b.map((t) => textLength(t.input)),
    ),
    categoricalDrift("tags", tags(a), tags(b)),
  ];
  for (const field of fields) {
    const values = (ts: readonly Trace[]) =>
      ts.map((t) => (Object.hasOwn(t.input, field) ? t.input[field] : undefined));
    const va = values(a);
    const vb = values(b);
    const present = [...va, ...vb].filter((v) => v !== undefined);
    if (present.length > 0 && present.every((v) => typeof v === "number")) {
      const nums = (vs: unknown[]) => vs.filter((v): v is number => typeof v === "number");
      out.push(numericDrift(`input.${field}`, nums(va), nums(vb)));
    } else {
      const cat = (vs: unknown[]) =>
        vs.map((v) => (v === undefined ? MISSING : typeof v === "string" ? v : JSON.stringify(v)));
      out.push(categoricalDrift(`input.${field}`, cat(va), cat(vb)));
    }
  }
  return out;
}

export function driftReport(input: {
  prompt: string;
  failPsi: number;
  criteria: readonly string[];
  baseline: readonly ExampleResult[];
  current: readonly ExampleResult[];
  inputs: FeatureDrift[] | { note: string };
  outputs?: OutputDrift[];
}): DriftReport {
  const criteria = input.criteria.map((c) => criterionDrift(c, input.baseline, input.current));
  const inputs = Array.isArray(input.inputs) ? input.inputs : [];
  const outputs = input.outputs ?? [];
  const drifted = [...criteria, ...inputs, ...outputs].some((d) => d.psi > input.failPsi);
  return {
    prompt: input.prompt,
    fail_psi: input.failPsi,
    criteria,
    inputs,
    outputs,
    ...(Array.isArray(input.inputs) ? {} : { inputs_note: input.inputs.note }),
    drifted,
  };
}
