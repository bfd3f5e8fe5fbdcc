import { checkEvalSetFitsPrompt, type LoadedEvalSet, type LoadedPrompt } from "../config/load.js";
import { judgePresetOf, type Criterion } from "../config/schema.js";
import { UserError } from "../errors.js";
import { sampleById } from "../engine/sample.js";
import type { Trace } from "./traces.js";

/** A criterion the traces could not feed, and why; the report lists them. */
export interface SkippedCriterion {
  criterion: string;
  type: Criterion["type"];
  reason: string;
}

/**
 * What a criterion needs from every trace beyond its input and output, or
 * undefined when the answer alone is enough. Production traffic carries no
 * `expected` and no expected tool calls, and may not log latency or usage.
 */
function missingNeed(c: Criterion, traces: readonly Trace[]): { trace: Trace; field: string } | undefined {
  const lacking = (field: string, has: (t: Trace) => boolean) => {
    const trace = traces.find((t) => !has(t));
    return trace ? { trace, field } : undefined;
  };
  if (c.type === "equals" || c.type === "similarity")
    return lacking("expected", (t) => t.expected !== undefined);
  if (c.type === "llm_judge" && judgePresetOf(c) === "correctness")
    return lacking("expected", (t) => t.expected !== undefined);
  if (c.type === "llm_judge" && judgePresetOf(c) === "faithfulness" && c.context) {
    const field = c.context;
    return lacking(`input.${field}`, (t) => Object.hasOwn(t.input, field));
  }
  if (c.type === "tool_call" && c.calls === undefined) return lacking("expected_tool_calls", () => false);
  if (c.type === "latency") return lacking("latency_ms", (t) => t.latency_ms !== undefined);
  if (c.type === "cost") return lacking("usage", (t) => t.usage !== undefined);
  return undefined;
}

/**
 * What scoring traces evaluates: the prompt version's criteria over an "eval set"
 * made of the traces. The template is replaced by a constant, so a trace need
 * not carry the template's variables (its answer is already there); the judges
 * still see the trace's input, expected and output.
 *
 * A criterion the traces cannot feed (it compares against `expected`, or scores
 * a measurement the traces did not log) is skipped and named, so the others
 * still run; `chosen` (--criteria) picks criteria by name, and a chosen one the
 * traces cannot feed is an error naming the first trace that lacks the field.
 */
export function scoringSuite(
  prompt: LoadedPrompt,
  traces: readonly Trace[],
  file: string,
  sample: number | undefined,
  chosen?: readonly string[],
): {
  prompt: LoadedPrompt;
  evalSet: LoadedEvalSet;
  skipped: SkippedCriterion[];
  sampled?: { kept: number; of: number; method: string };
} {
  const { items, sampled } = sampleById(traces, sample);
  const all = prompt.data.eval_criteria;
  if (chosen) {
    const unknown = chosen.find((n) => !all.some((c) => c.name === n));
    if (unknown !== undefined)
      throw new UserError(
        `--criteria names "${unknown}", which ${prompt.file} does not define`,
        { file: prompt.file, field: "eval_criteria" },
        `choose from: ${all.map((c) => c.name).join(", ")}`,
      );
  }
  const skipped: SkippedCriterion[] = [];
  const kept: Criterion[] = [];
  for (const c of all) {
    if (chosen && !chosen.includes(c.name)) {
      skipped.push({ criterion: c.name, type: c.type, reason: "not chosen by --criteria" });
      continue;
    }
    const missing = missingNeed(c, items);
    if (!missing) {
      kept.push(c);
      continue;
    }
    if (chosen)
      throw new UserError(
        `trace "${missing.trace.id}" has no ${missing.field}, which criterion "${c.name}" (${c.type}) scores`,
        { file, line: missing.trace.line, field: missing.field },
        `log ${missing.field} with every trace, or leave "${c.name}" out of --criteria`,
      );
    const having = items.filter((t) => !missingNeed(c, [t])).length;
    skipped.push({
      criterion: c.name,
      type: c.type,
      reason: `needs ${missing.field}, which ${items.length - having} of ${items.length} traces lack (first: "${missing.trace.id}", line ${missing.trace.line})`,
    });
  }
  if (kept.length === 0)
    throw new UserError(
      `no criterion of ${prompt.file} can score these traces: ${skipped.map((s) => `${s.criterion} (${s.reason})`).join("; ")}`,
      { file, field: "expected" },
      "log the fields those criteria need with every trace, or add a reference-free criterion (e.g. llm_judge, regex, json_schema)",
    );
  const data = { ...prompt.data, template: "(a logged production answer)", repeats: 1, eval_criteria: kept };
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
  return { prompt: scoring, evalSet, skipped, ...(sampled ? { sampled } : {}) };
}
