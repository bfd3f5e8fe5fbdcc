/*
 * What an agent did on one example, as the results JSON keeps it: one step per model call,
 * each with the tool calls it made and what answered them, and the final answer.
 */

export interface TrajectoryCall {
  name: string;
  /** The arguments as the model wrote them (JSON text, possibly invalid). */
  arguments: string;
  /** 0-based index into the example's tool_results of the fixture that answered. */
  fixture?: number;
  /** No fixture matched: the model got {"error": "no fixture for <name>"}. */
  unmatched?: true;
  /** What the model was given back; absent when no steps were left to give it. */
  result?: unknown;
}

export interface TrajectoryStep {
  /** Empty for the step that answered in text. */
  tool_calls: TrajectoryCall[];
}

export interface Trajectory {
  steps: TrajectoryStep[];
  /** The final assistant message, which every text criterion scores. */
  final: string;
  /** Set when the model still called tools at the last allowed step. */
  stopped?: "max_steps";
}

export function callsOf(t: Trajectory): TrajectoryCall[] {
  return t.steps.flatMap((s) => s.tool_calls);
}

/** Tool names in call order. */
export function toolPath(t: Trajectory): string[] {
  return callsOf(t).map((c) => c.name);
}

export function unmatchedCalls(t: Trajectory): number {
  return callsOf(t).filter((c) => c.unmatched).length;
}
