import { z } from "zod";

/** Inclusive bounds; either side may be omitted. */
const Bounds = z
  .strictObject({
    min: z.number().int().nonnegative().optional(),
    max: z.number().int().nonnegative().optional(),
  })
  .refine((b) => b.min === undefined || b.max === undefined || b.min <= b.max, {
    message: "min must not be greater than max",
  });
export type Bounds = z.infer<typeof Bounds>;

const fraction = z.number().min(0).max(1);

/** Fields every criterion accepts. */
const common = {
  name: z.string().min(1).max(100),
  /** Minimum share of examples that must pass this criterion (0..1). Missing it fails the gate. */
  threshold: fraction.optional(),
  /** Relative weight in the per-example overall score. */
  weight: z.number().positive().max(1000).optional(),
  description: z.string().max(2000).optional(),
};

/** Graded criteria pass an example when its score reaches `min_score`. */
const graded = { min_score: fraction.optional() };

const stringOrList = z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]);

export const FormatCheck = z
  .strictObject({
    ...common,
    type: z.literal("format_check"),
    /** Exactly this many bullet points: the short form of `bullets: {min: N, max: N}`. */
    expected: z.number().int().nonnegative().max(1000).optional(),
    bullets: Bounds.optional(),
    lines: Bounds.optional(),
    json: z.boolean().optional(),
  })
  .refine((c) => c.expected !== undefined || c.bullets || c.lines || c.json === true, {
    message:
      "format_check checks nothing: give expected (the exact number of bullets), bullets: {min, max}, lines: {min, max} or json: true",
  });
export const Contains = z.strictObject({
  ...common,
  type: z.enum(["contains", "not_contains", "icontains", "not_icontains"]),
  value: stringOrList,
});
export const Regex = z.strictObject({
  ...common,
  type: z.literal("regex"),
  pattern: z.string().min(1).max(1000),
  flags: z
    .string()
    .regex(/^[imsu]*$/, "only the flags i, m, s and u are allowed")
    .optional(),
  /** false: the output must NOT match. */
  match: z.boolean().optional(),
});
export const Equals = z.strictObject({
  ...common,
  type: z.literal("equals"),
  ignore_case: z.boolean().optional(),
  /** Compare as JSON values (key order and whitespace ignored). */
  json: z.boolean().optional(),
});
export const JsonSchemaCriterion = z.strictObject({
  ...common,
  type: z.literal("json_schema"),
  schema: z.record(z.string(), z.unknown()),
});
export const OneOf = z.strictObject({
  ...common,
  type: z.literal("one_of"),
  labels: z.array(z.string().min(1)).min(1),
  case_sensitive: z.boolean().optional(),
});
export const Length = z.strictObject({
  ...common,
  type: z.literal("length"),
  chars: Bounds.optional(),
  words: Bounds.optional(),
});
export const SIMILARITY_METHODS = ["rouge_l", "token_f1", "embedding"] as const;

export const Similarity = z
  .strictObject({
    ...common,
    ...graded,
    type: z.literal("similarity"),
    method: z.enum(SIMILARITY_METHODS).optional(),
    /** embedding: the embedding model; default the project's embedding_model. */
    model: z.string().min(1).max(200).optional(),
  })
  .refine((c) => c.model === undefined || c.method === "embedding", {
    message: "model is for method: embedding only",
    path: ["model"],
  });

/**
 * The output must not be flagged by the endpoint's moderation API (or, where it
 * has none, by the judge's safety preset).
 */
export const Safety = z.strictObject({
  ...common,
  type: z.literal("safety"),
  /** The moderation model; default the project's moderation_model. */
  model: z.string().min(1).max(200).optional(),
});
export const Latency = z.strictObject({
  ...common,
  type: z.literal("latency"),
  max_ms: z.number().positive(),
});

export const Cost = z.strictObject({
  ...common,
  type: z.literal("cost"),
  /** Per-example ceiling in USD; with threshold 0.95 this gates the 95th percentile. */
  max_usd: z.number().positive(),
});

const JudgeShot = z.strictObject({
  output: z.string(),
  score: z.number().int().min(1).max(5),
  reason: z.string().max(500).optional(),
});

/** Built-in rubrics (text in src/engine/judge-presets.ts and docs/judges.md). */
export const JUDGE_PRESETS = [
  "relevance",
  "correctness",
  "faithfulness",
  "safety",
  "helpfulness",
  "conciseness",
] as const;
export type JudgePreset = (typeof JUDGE_PRESETS)[number];

export function isJudgePreset(name: string): name is JudgePreset {
  return (JUDGE_PRESETS as readonly string[]).includes(name);
}

export const LlmJudge = z
  .strictObject({
    ...common,
    ...graded,
    type: z.literal("llm_judge"),
    /** What a good answer looks like; the judge scores 1 (bad) to 5 (excellent) against it. */
    rubric: z.string().min(1).max(20_000).optional(),
    /** A file holding the rubric, relative to the prompt file (inside the repository). */
    rubric_file: z.string().min(1).optional(),
    /** A built-in rubric; without rubric, rubric_file or preset, a criterion named after a preset uses it. */
    preset: z.enum(JUDGE_PRESETS).optional(),
    /** faithfulness: the input field holding the context the answer must be supported by. */
    context: z.string().min(1).max(200).optional(),
    /** Overrides the project's judge_model for this criterion. */
    model: z.string().min(1).optional(),
    /** Scored examples that calibrate the judge (few-shot). */
    examples: z.array(JudgeShot).max(10).optional(),
  })
  .refine((c) => [c.rubric, c.rubric_file, c.preset].filter((x) => x !== undefined).length <= 1, {
    message: "give one of rubric, rubric_file or preset, not several",
    path: ["rubric"],
  })
  .refine(
    (c) =>
      c.rubric !== undefined ||
      c.rubric_file !== undefined ||
      c.preset !== undefined ||
      isJudgePreset(c.name),
    {
      message: `no rubric: give rubric, rubric_file or preset (one of ${JUDGE_PRESETS.join(", ")}), or name the criterion after a preset`,
      path: ["rubric"],
    },
  )
  .refine((c) => judgePresetOf(c) !== "faithfulness" || c.context !== undefined, {
    message: "the faithfulness preset needs context: the input field holding the source text",
    path: ["context"],
  });

/** The built-in rubric a judge criterion uses, if any: its preset, or its name when nothing else is given. */
export function judgePresetOf(c: {
  name: string;
  rubric?: string | undefined;
  rubric_file?: string | undefined;
  preset?: JudgePreset | undefined;
}): JudgePreset | undefined {
  if (c.preset) return c.preset;
  if (c.rubric !== undefined || c.rubric_file !== undefined) return undefined;
  return isJudgePreset(c.name) ? c.name : undefined;
}

export const CRITERION_TYPES = [
  "format_check",
  "contains",
  "not_contains",
  "icontains",
  "not_icontains",
  "regex",
  "equals",
  "json_schema",
  "one_of",
  "length",
  "similarity",
  "latency",
  "cost",
  "llm_judge",
  "safety",
] as const;

export const Criterion = z.discriminatedUnion("type", [
  FormatCheck,
  Contains,
  Regex,
  Equals,
  JsonSchemaCriterion,
  OneOf,
  Length,
  Similarity,
  Latency,
  Cost,
  LlmJudge,
  Safety,
]);
export type Criterion = z.infer<typeof Criterion>;
export type CriterionType = Criterion["type"];
export type CriterionOf<T extends CriterionType> = Extract<Criterion, { type: T }>;

export const PromptFile = z
  .strictObject({
    name: z
      .string()
      .regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, "use lowercase letters, digits, '-' and '_' (at most 64)"),
    version: z.number().int().positive(),
    description: z.string().max(2000).optional(),
    model: z.string().min(1).max(200),
    temperature: z.number().min(0).max(2).optional(),
    max_tokens: z.number().int().positive().max(1_000_000).optional(),
    system: z.string().max(100_000).optional(),
    template: z.string().min(1).max(100_000),
    eval_set: z.string().min(1).optional(),
    /** Runs per example, to measure output variance (temperature > 0). */
    repeats: z.number().int().min(1).max(20).optional(),
    eval_criteria: z.array(Criterion).min(1),
  })
  .superRefine((p, ctx) => {
    const seen = new Set<string>();
    p.eval_criteria.forEach((c, i) => {
      if (seen.has(c.name)) {
        ctx.addIssue({
          code: "custom",
          path: ["eval_criteria", i, "name"],
          message: `duplicate criterion name "${c.name}"`,
        });
      }
      seen.add(c.name);
    });
  });
export type PromptFile = z.infer<typeof PromptFile>;

const exampleId = z.union([z.string().min(1).max(200), z.number().int()]).transform(String);

export const EvalExample = z.strictObject({
  id: exampleId,
  input: z.record(z.string(), z.unknown()),
  expected: z.unknown().optional(),
  labels: z.record(z.string(), z.unknown()).optional(),
  tags: z.array(z.string()).optional(),
  metadata: z.record(z.string(), z.unknown()).optional(),
  /** Samples of this example, overriding the prompt's `repeats` (e.g. more for a flaky case). */
  repeats: z.number().int().min(1).max(20).optional(),
});
export type EvalExample = z.infer<typeof EvalExample>;

const versionRef = z.union([
  z.number().int().positive(),
  z.string().regex(/^v?\d+$/, 'use a number like 3 or "v3"'),
]);

const positiveInt = z.number().int().positive();

export const Budgets = z.strictObject({
  max_examples: positiveInt.optional(),
  max_cost_usd: z.number().positive().optional(),
  max_tokens_total: positiveInt.optional(),
});
export type Budgets = z.infer<typeof Budgets>;

export const ProviderConfig = z.strictObject({
  type: z.enum(["replay", "mock", "openai"]),
  /** replay: folder (relative to the config file) holding recorded responses as *.jsonl. */
  recordings: z.string().min(1).optional(),
});
export type ProviderConfig = z.infer<typeof ProviderConfig>;

export const ProjectConfig = z.strictObject({
  /** Folder holding one sub-folder per prompt, relative to the config file. */
  prompts_dir: z.string().min(1).optional(),
  /** Which environment's active version is the baseline for the gate. */
  gate_environment: z.string().min(1).optional(),
  /** environment -> prompt name -> active version */
  environments: z.record(z.string(), z.record(z.string(), versionRef)).optional(),
  provider: ProviderConfig.optional(),
  judge_model: z.string().min(1).optional(),
  /** Model for safety criteria's moderation calls (default omni-moderation-latest). */
  moderation_model: z.string().min(1).max(200).optional(),
  /** Model for similarity criteria with method: embedding (default text-embedding-3-small). */
  embedding_model: z.string().min(1).max(200).optional(),
  /** USD per million tokens, for models the built-in table lacks or whose price changed. */
  pricing: z
    .record(z.string(), z.strictObject({ input: z.number().nonnegative(), output: z.number().nonnegative() }))
    .optional(),
  concurrency: positiveInt.max(256).optional(),
  budgets: Budgets.optional(),
  thresholds: z
    .strictObject({
      /** Largest tolerated drop of a criterion's pass rate or mean score, in points (0..100). */
      regression_tolerance: z.number().min(0).max(100).optional(),
      /** Share of examples that may error before a verdict becomes "inconclusive" (0..1). */
      max_error_rate: fraction.optional(),
      /** Family-wise chance of failing a PR that is not worse beyond the tolerance, over every criterion of every prompt. */
      alpha: z.number().gt(0).max(0.5).optional(),
      /** Looks of the sequential test: the first pass plus up to this many minus one further rounds of repeats. */
      max_sampling_rounds: z.number().int().min(1).max(50).optional(),
      /** Percent the challenger's cost per answer may rise against the champion before the gate fails. */
      max_cost_increase: z.number().min(0).max(100_000).optional(),
      /** Percent the challenger's p95 latency may rise against the champion before the gate fails. */
      max_latency_increase: z.number().min(0).max(100_000).optional(),
    })
    .optional(),
});
export type ProjectConfig = z.infer<typeof ProjectConfig>;

export function parseVersionRef(v: number | string): number {
  return typeof v === "number" ? v : Number(v.replace(/^v/, ""));
}
