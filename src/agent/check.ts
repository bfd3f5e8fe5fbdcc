import type { LoadedEvalSet } from "../config/load.js";
import type { PromptFile } from "../config/schema.js";
import { UserError } from "../errors.js";

type LineOf = (path: readonly PropertyKey[]) => number | undefined;

const TOOL_CRITERIA = new Set(["tool_call", "tool_args_valid", "trajectory"]);

/** Tool criteria on a prompt without tools can never be met: a wrong setup, said before any call. */
export function checkToolCriteria(data: PromptFile, file: string, lineOf: LineOf): void {
  if (data.tools) return;
  data.eval_criteria.forEach((c, i) => {
    if (!TOOL_CRITERIA.has(c.type)) return;
    const line = lineOf(["eval_criteria", i, "type"]);
    throw new UserError(
      `criterion "${c.name}" (${c.type}) scores tool calls, but the prompt declares no tools`,
      { file, ...(line ? { line } : {}), field: `eval_criteria[${i}].type` },
      "declare the prompt's tools (tools: [{name, description, parameters}]) or remove the criterion",
    );
  });
}

/** tool_call without inline `calls` compares with each example's expected_tool_calls: every example needs them. */
export function checkExpectedToolCalls(data: PromptFile, promptFile: string, evalSet: LoadedEvalSet): void {
  const c = data.eval_criteria.find((k) => k.type === "tool_call" && k.calls === undefined);
  if (!c) return;
  const missing = evalSet.examples.find((ex) => ex.expected_tool_calls === undefined);
  if (!missing) return;
  throw new UserError(
    `example "${missing.id}" has no "expected_tool_calls", which criterion "${c.name}" (tool_call) of ${promptFile} compares against`,
    { file: evalSet.file, line: missing.line, field: "expected_tool_calls" },
    'add "expected_tool_calls": [{"name": "…", "arguments": {…}}] (or [] for no call) to every example, or give the criterion calls:',
  );
}
