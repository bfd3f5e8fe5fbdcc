/**
 * The yardsticks of the gate that a prompt file could otherwise pick for itself:
 * the judge model and the tool schemas `tool_args_valid` holds calls to. Both
 * come from the base (or the trusted inputs), never from the challenger. Pure.
 */
import { toolDefinition } from "../agent/tools.js";
import type { LoadedPrompt } from "../config/load.js";
import type { ToolDefinition } from "../engine/request.js";
import type { GateChange } from "../plan/trust.js";

/**
 * The judge of both sides when neither the criterion (the base's) nor the base config's
 * `judge_model` nor the `judge-model` input names one. Never the model under test: a challenger
 * would choose its own judge by its `model:` line. README "Judges" documents it.
 */
export const DEFAULT_JUDGE_MODEL = "gpt-4o-mini";

/**
 * The schemas the challenger's tool calls are validated against: for each tool the challenger
 * declares, the base's schema of that name when the base declares it, else (a tool the change adds)
 * its own, which is then a gate change needing approval when a tool_args_valid criterion judges it.
 * A call to a tool the challenger does not declare stays invalid.
 */
export function toolYardstick(
  name: string,
  champion: LoadedPrompt | null,
  challenger: LoadedPrompt,
  judgedByToolArgs: boolean,
): { tools: ToolDefinition[] | undefined; gateChanges: GateChange[] } {
  const own = challenger.data.tools?.map(toolDefinition);
  if (!own || !champion) return { tools: own, gateChanges: [] };
  const base = new Map((champion.data.tools ?? []).map(toolDefinition).map((t) => [t.function.name, t]));
  const added = own.filter((t) => !base.has(t.function.name)).map((t) => t.function.name);
  return {
    tools: own.map((t) => base.get(t.function.name) ?? t),
    gateChanges:
      judgedByToolArgs && added.length > 0
        ? [
            {
              kind: "criterion",
              prompt: name,
              path: challenger.file,
              summary: `tool${added.length === 1 ? "" : "s"} ${added.join(", ")} added; tool_args_valid held ${added.length === 1 ? "its calls to the schema" : "their calls to the schemas"} this change gives, so the change judges itself there`,
            },
          ]
        : [],
  };
}
