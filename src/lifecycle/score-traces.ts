import { checkEvalSetFitsPrompt, type LoadedEvalSet, type LoadedPrompt } from "../config/load.js";
import { UserError } from "../errors.js";
import { sampleById } from "../engine/sample.js";
import type { Trace } from "./traces.js";

/**
 * What scoring traces evaluates: the prompt version's criteria over an "eval set"
 * made of the traces. The template is replaced by a constant, so a trace need
 * not carry the template's variables (its answer is already there); the judges
 * still see the trace's input, expected and output.
 */
export function scoringSuite(
  prompt: LoadedPrompt,
  traces: readonly Trace[],
  file: string,
  sample: number | undefined,
): { prompt: LoadedPrompt; evalSet: LoadedEvalSet; sampled?: { kept: number; of: number; method: string } } {
  const { items, sampled } = sampleById(traces, sample);
  const data = { ...prompt.data, template: "(a logged production answer)", repeats: 1 };
  delete data.system;
  const scoring: LoadedPrompt = { ...prompt, data };
  const evalSet: LoadedEvalSet = {
    file,
    examples: items.map((t) => ({
      id: t.id,
      line: t.line,
      input: t.input,
      ...(t.expected !== undefined ? { expected: t.expected } : {}),
      ...(t.tags ? { tags: t.tags } : {}),
      ...(t.metadata ? { metadata: t.metadata } : {}),
    })),
  };
  checkEvalSetFitsPrompt(scoring, evalSet);
  // A latency or cost criterion over traces that did not log it would pass on a zero: refuse instead.
  for (const c of prompt.data.eval_criteria) {
    const need = c.type === "latency" ? "latency_ms" : c.type === "cost" ? "usage" : undefined;
    if (!need) continue;
    const missing = items.find((t) => t[need] === undefined);
    if (missing)
      throw new UserError(
        `trace "${missing.id}" has no ${need}, which criterion "${c.name}" (${c.type}) scores`,
        { file, line: missing.line, field: need },
        `log ${need} with every trace, or score with a version whose criteria do not need it`,
      );
  }
  return { prompt: scoring, evalSet, ...(sampled ? { sampled } : {}) };
}
