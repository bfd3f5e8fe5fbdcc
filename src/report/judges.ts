import type { PromptRun } from "../engine/evaluate.js";

/**
 * Who judged what, one line per llm_judge criterion; a judge that is the model
 * under test is called out, since a model tends to rate its own answers highly.
 */
export function judgeLines(run: PromptRun): string[] {
  return (run.judges ?? []).map((j) => {
    const rubric = j.preset ? ` (built-in rubric: ${j.preset})` : "";
    if (j.model === null) return `${j.criterion}: no judge model${rubric}`;
    return j.self
      ? `⚠️ ${j.criterion} is judged by ${j.model}, the model under test${rubric}: set judge_model in the config to a different model for a fair judge`
      : `${j.criterion} judged by ${j.model}${rubric}`;
  });
}
