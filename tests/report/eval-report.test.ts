import { expect, test } from "vitest";
import { renderEvalMarkdown, renderEvalText } from "../../src/report/eval-report.js";
import { buildEvalResults } from "../../src/report/results.js";
import { runOf } from "../helpers/runs.js";

function results(mutate: (run: ReturnType<typeof runOf>) => void = () => undefined) {
  const run = runOf(
    1,
    Array.from({ length: 12 }, (_, i) => [i % 3 !== 0, 0.8] as [boolean, number]),
  );
  mutate(run);
  return buildEvalResults({
    version: "t",
    provider: "mock",
    startedAt: new Date(0),
    finishedAt: new Date(1000),
    runs: [run],
    failed: [],
  });
}

test("the headline gives the run's cost, or says the price is unknown", () => {
  const known = results((r) => (r.summary.cost_usd = 0.01234));
  expect(renderEvalText(known)).toContain("· $0.0123");
  const unknown = results((r) => (r.summary.cost_usd = null));
  expect(renderEvalText(unknown)).toContain("· cost unknown (no price for the model)");
});

test("a judge's agreement with human labels is reported, in text and markdown", () => {
  const r = results((run) => {
    const ok = run.criteria[0];
    if (ok) ok.judge_agreement = { n: 12, agreement: 0.75, kappa: 0.4 };
    const sim = run.criteria[1];
    if (sim) sim.judge_agreement = { n: 5, agreement: 1, kappa: null };
  });
  const text = renderEvalText(r);
  expect(text).toContain(
    "  ok: the judge agrees with the human labels on 75.0% of 12 examples (Cohen's κ 0.40)",
  );
  expect(text).toContain(
    "  sim: the judge agrees with the human labels on 100.0% of 5 examples (κ undefined: one class only)",
  );
  expect(renderEvalMarkdown(r)).toContain(
    "- ok: the judge agrees with the human labels on 75.0% of 12 examples (Cohen's κ 0.40)",
  );
});

test("without labels nothing is said about agreement", () => {
  expect(renderEvalText(results())).not.toContain("agrees");
});

test("--by tag: each criterion by category, and the failing examples grouped by category with counts", () => {
  const r = results((run) => {
    run.example_categories = { e0: ["refund"], e3: ["refund", "vip"], e4: ["shipping"] };
  });
  expect(r.categories?.[0]?.breakdown.categories).toEqual(["refund", "shipping", "vip", "(untagged)"]);
  const text = renderEvalText(r, { byTag: true });
  expect(text).toMatch(/\| refund \(2\) +\| +0% \| +80% \|/);
  expect(text).toContain("ok: 4 failing examples — refund 2 (e0, e3); (untagged) 2 (e6, e9); vip 1 (e3)");
  expect(renderEvalText(r)).not.toContain("by category");
  expect(renderEvalMarkdown(r)).toContain("<details><summary>By category (4): score %</summary>");
  expect(renderEvalText(results(), { byTag: true })).toContain("no example has tags or labels.category");
});
