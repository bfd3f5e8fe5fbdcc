import { markdownTable } from "markdown-table";
import { escapeInline } from "../report/escape.js";
import { pct } from "../report/format.js";
import type { DriftReport, FeatureDrift } from "./drift.js";
import type { PsiBand } from "./drift-stats.js";

const BAND: Record<PsiBand, string> = {
  none: "none",
  moderate: "⚠️ moderate",
  significant: "❌ significant",
};

const p = (x: number): string => (x < 0.001 ? x.toExponential(1) : x.toPrecision(2));
const psiCell = (psi: number, band: PsiBand): string => `${psi.toFixed(3)} (${BAND[band]})`;
const ksCell = (ks: { d: number; p_value: number } | null): string =>
  ks ? `D ${ks.d.toFixed(3)}, p ${p(ks.p_value)}` : "–";

function topShares(f: FeatureDrift): string {
  if (!f.shares) return "";
  const moved = [...f.shares]
    .sort((a, b) => Math.abs(b.current - b.baseline) - Math.abs(a.current - a.baseline))
    .slice(0, 3);
  return moved
    .map((s) => `${escapeInline(s.category, 60)} ${pct(s.baseline)} → ${pct(s.current)}`)
    .join("; ");
}

/** The drift report as markdown; names and categories from traces are escaped. */
export function renderDriftMarkdown(r: DriftReport): string {
  const head = r.drifted
    ? `## ❌ agentops drift: ${escapeInline(r.prompt)} — PSI above ${r.fail_psi}`
    : `## ✅ agentops drift: ${escapeInline(r.prompt)} — no PSI above ${r.fail_psi}`;
  const criteria = markdownTable([
    ["criterion", "n (baseline → current)", "mean", "pass rate", "PSI", "KS (graded)", "pass rate z-test"],
    ...r.criteria.map((c) => [
      escapeInline(c.criterion),
      `${c.n.baseline} → ${c.n.current}`,
      `${pct(c.mean.baseline)} → ${pct(c.mean.current)}`,
      `${pct(c.pass_rate.baseline)} → ${pct(c.pass_rate.current)}`,
      psiCell(c.psi, c.band),
      ksCell(c.ks),
      c.pass_rate_test ? `z ${c.pass_rate_test.z.toFixed(2)}, p ${p(c.pass_rate_test.p_value)}` : "–",
    ]),
  ]);
  const parts = [head, "", "### Scores", "", criteria, ""];
  if (r.outputs.length > 0)
    parts.push(
      "### Outputs (labels)",
      "",
      markdownTable([
        ["label of", "n (baseline → current)", "PSI", "JS divergence", "largest moves"],
        ...r.outputs.map((f) => [
          escapeInline(f.feature),
          `${f.n.baseline} → ${f.n.current}`,
          psiCell(f.psi, f.band),
          f.js_divergence.toFixed(3),
          topShares(f),
        ]),
      ]),
      "",
    );
  parts.push("### Inputs", "");
  if (r.inputs.length > 0) {
    parts.push(
      markdownTable([
        ["feature", "n (baseline → current)", "PSI", "KS", "largest moves"],
        ...r.inputs.map((f) => [
          escapeInline(f.feature),
          `${f.n.baseline} → ${f.n.current}`,
          psiCell(f.psi, f.band),
          ksCell(f.ks),
          topShares(f),
        ]),
      ]),
      "",
    );
  } else parts.push(escapeInline(r.inputs_note ?? "no input features", 500), "");
  parts.push(
    "PSI bands: < 0.1 none, 0.1–0.25 moderate, > 0.25 significant. Scores in 10 equal bins over [0, 1]; input lengths and numbers in the baseline's deciles; ½ added to every bin not empty on both sides. Jensen–Shannon divergence of the label shares in bits (0 same, 1 disjoint), unsmoothed. See docs/statistics.md, “Drift”.",
    "",
  );
  return parts.join("\n");
}
