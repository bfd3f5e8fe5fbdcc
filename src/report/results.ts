import { categoryBreakdown, type CategoryBreakdown } from "../compare/categories.js";
import type { PromptRun } from "../engine/evaluate.js";
import { scrubDeep } from "../secrets.js";

export const RESULTS_SCHEMA_VERSION = 1;

/** The results JSON of `agentops eval`; its shape is documented in the README. */
export interface EvalResults {
  schema_version: typeof RESULTS_SCHEMA_VERSION;
  kind: "eval";
  tool: { name: "agentops"; version: string };
  provider: string;
  started_at: string;
  finished_at: string;
  /** False when any prompt run stopped early or a prompt could not be run at all. */
  complete: boolean;
  runs: PromptRun[];
  /** Prompts that could not be evaluated at all, with the reason. */
  failed: { prompt: string; reason: string }[];
  /** Each run's criteria by eval-set category (tags, labels.category), for runs whose examples have any. */
  categories?: { prompt: string; version: number; breakdown: CategoryBreakdown }[];
}

/** The category breakdown of every run that has categories. */
export function evalCategories(runs: readonly PromptRun[]): NonNullable<EvalResults["categories"]> {
  return runs.flatMap((r) => {
    const breakdown = categoryBreakdown(null, r, r.example_categories);
    return breakdown ? [{ prompt: r.prompt, version: r.version, breakdown }] : [];
  });
}

export function buildEvalResults(input: {
  version: string;
  provider: string;
  startedAt: Date;
  finishedAt: Date;
  runs: PromptRun[];
  failed: { prompt: string; reason: string }[];
  /** Masked in every string of the results (a server may have echoed a key into an error or answer). */
  secrets?: readonly (string | undefined)[];
}): EvalResults {
  const results: EvalResults = {
    schema_version: RESULTS_SCHEMA_VERSION,
    kind: "eval",
    tool: { name: "agentops", version: input.version },
    provider: input.provider,
    started_at: input.startedAt.toISOString(),
    finished_at: input.finishedAt.toISOString(),
    complete: input.failed.length === 0 && input.runs.every((r) => !r.stopped),
    runs: input.runs,
    failed: input.failed,
  };
  const categories = evalCategories(input.runs);
  if (categories.length > 0) results.categories = categories;
  // Scrubbed as a value, not as JSON text: JSON would hide a key split by a newline as "\n".
  return scrubDeep(results, input.secrets ?? []);
}
