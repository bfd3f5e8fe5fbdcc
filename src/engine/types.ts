import type { CriterionOf, CriterionType } from "../config/schema.js";
import type { Trajectory } from "../agent/trajectory.js";
import type { LoadedExample } from "../config/load.js";
import type { ToolDefinition } from "./request.js";

/** One criterion's verdict on one output. `score` is in [0, 1]. */
export interface CriterionScore {
  score: number;
  passed: boolean;
  /** Short human explanation, e.g. "3 bullets, expected 4-6". */
  detail?: string;
  /** safety: how it was checked, the endpoint's moderation API or the judge's safety preset. */
  via?: "moderation" | "judge";
  /** safety via moderation: the categories the endpoint flagged (empty when none). */
  categories?: string[];
}

export interface ScoreContext {
  output: string;
  example: LoadedExample;
  latencyMs: number;
  /** Cost of the call in USD; undefined when the model has no known price. */
  costUsd?: number;
  /** What an agent did (prompts with tools); `output` is its final answer. */
  trajectory?: Trajectory;
  /** The tools the request declared. */
  tools?: readonly ToolDefinition[];
}

/** A scorer is a pure function of the criterion's settings and one output. */
export type Scorer<T extends CriterionType> = (
  criterion: CriterionOf<T>,
  ctx: ScoreContext,
) => CriterionScore | Promise<CriterionScore>;
