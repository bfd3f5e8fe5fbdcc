import type { ToolFixture } from "../config/schema.js";
import type { CallOptions, Completion, Provider } from "../engine/providers/types.js";
import type { ChatMessage, ChatRequest, ToolCall } from "../engine/request.js";
import { matchFixture, parseArguments, resultText } from "./fixtures.js";
import type { Trajectory, TrajectoryCall } from "./trajectory.js";

export interface StepOptions extends CallOptions {
  /** Model calls allowed for the example (the prompt's max_steps, default 1). */
  maxSteps: number;
  fixtures: readonly ToolFixture[];
  /** Told about every step's answer as it arrives, so what a step cost is counted even if a later one fails. */
  onStep?: (completion: Completion) => void;
}

export interface AgentAnswer {
  /** The final step's answer, with usage and latency summed over every step; cached when all were. */
  completion: Completion;
  /** Present when the request declares tools. */
  trajectory?: Trajectory;
}

/**
 * Call ids are renumbered per step and call: the model's own ids are random, and the next
 * step's request (hence its cache key and recording) must depend only on what was called.
 */
const callId = (step: number, index: number): string => `call_${step + 1}_${index + 1}`;

/**
 * The agent loop. While the model answers with tool calls and steps remain, every call is
 * answered from the example's fixtures (data, never a tool run) and the conversation goes on.
 */
export async function runSteps(
  provider: Provider,
  request: ChatRequest,
  opts: StepOptions,
): Promise<AgentAnswer> {
  const callOptions: CallOptions = {
    ...(opts.signal ? { signal: opts.signal } : {}),
    ...(opts.repeat !== undefined ? { repeat: opts.repeat } : {}),
    ...(opts.exampleId !== undefined ? { exampleId: opts.exampleId } : {}),
  };
  if (!request.tools) {
    const completion = await provider.complete(request, callOptions);
    opts.onStep?.(completion);
    return { completion };
  }
  const messages: ChatMessage[] = [...request.messages];
  const trajectory: Trajectory = { steps: [], final: "" };
  const usage = { prompt_tokens: 0, completion_tokens: 0 };
  let latencyMs = 0;
  let cached = true;
  let last: Completion | undefined;
  for (let step = 0; step < Math.max(1, opts.maxSteps); step++) {
    last = await provider.complete({ ...request, messages: [...messages] }, callOptions);
    opts.onStep?.(last);
    usage.prompt_tokens += last.usage.prompt_tokens;
    usage.completion_tokens += last.usage.completion_tokens;
    latencyMs += last.latencyMs;
    cached &&= last.cached;
    const asked = last.toolCalls ?? [];
    const answer = step + 1 < opts.maxSteps;
    const calls: TrajectoryCall[] = asked.map((c) => ({ name: c.name, arguments: c.arguments }));
    trajectory.steps.push({ tool_calls: calls });
    if (asked.length === 0) break;
    if (!answer) {
      trajectory.stopped = "max_steps";
      break;
    }
    const renumbered: ToolCall[] = asked.map((c, i) => ({ ...c, id: callId(step, i) }));
    messages.push({ role: "assistant", content: last.text, tool_calls: renumbered });
    calls.forEach((call, i) => {
      const match = matchFixture(opts.fixtures, call.name, parseArguments(call.arguments));
      if ("unmatched" in match) call.unmatched = true;
      else call.fixture = match.index;
      call.result = match.result;
      messages.push({ role: "tool", tool_call_id: callId(step, i), content: resultText(match.result) });
    });
  }
  if (!last) throw new Error("the agent loop made no call");
  trajectory.final = last.text;
  const completion: Completion = {
    text: last.text,
    usage,
    latencyMs,
    cached,
    ...(cached && last.answeredAt !== undefined ? { answeredAt: last.answeredAt } : {}),
    ...(last.finishReason !== undefined ? { finishReason: last.finishReason } : {}),
  };
  return { completion, trajectory };
}
