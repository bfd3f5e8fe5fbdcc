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
  /** 0: the criterion must still pass, but does not count in the example's score (as promptfoo's weight 0). */
  weight: z.number().nonnegative().max(1000).optional(),
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
  /**
   * exact (default): the whole answer; starts_with, includes, fuzzy: against any of the accepted
   * answers (`expected`: a text or a list of texts) — OpenAI Evals' Match, Includes and FuzzyMatch.
   */
  mode: z.enum(["exact", "starts_with", "includes", "fuzzy"]).optional(),
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

/** A tool's name as the chat-completions API allows it. */
const toolName = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "a tool name is 1-64 letters, digits, '_' or '-'");
const toolNames = z.array(toolName).min(1).max(100);
const jsonObject = z.record(z.string(), z.unknown());

/** One expected call: the tool, and (optionally) arguments the call must carry. */
export const ExpectedToolCall = z.strictObject({ name: toolName, arguments: jsonObject.optional() });
export type ExpectedToolCall = z.infer<typeof ExpectedToolCall>;

/** F1 of the calls made against the expected ones (the example's expected_tool_calls, or `calls`). */
export const ToolCallCriterion = z.strictObject({
  ...common,
  ...graded,
  type: z.literal("tool_call"),
  /** Expected calls for every example; without it each example's expected_tool_calls. */
  calls: z.array(ExpectedToolCall).max(100).optional(),
  /** subset: the expected arguments must appear in the call's; exact: they must be all of them. */
  arguments: z.enum(["exact", "subset"]).optional(),
  /** strict: the calls must come in the expected order. */
  order: z.enum(["any", "strict"]).optional(),
});

/** Every call's arguments are JSON that validates against the declared tool's parameters. */
export const ToolArgsValid = z.strictObject({ ...common, type: z.literal("tool_args_valid") });

export const TrajectoryCriterion = z
  .strictObject({
    ...common,
    type: z.literal("trajectory"),
    must_call: toolNames.optional(),
    must_not_call: toolNames.optional(),
    /** Tools that must be called in this order; other calls may come between. */
    sequence: toolNames.optional(),
    /** At most this many model calls (steps). */
    max_steps: z.number().int().positive().max(100).optional(),
    max_tool_calls: z.number().int().nonnegative().max(1000).optional(),
    /** Check only answers that called this tool (e.g. "refund only after a lookup"); others pass as not applicable. */
    when_called: toolName.optional(),
  })
  .refine(
    (c) =>
      [c.must_call, c.must_not_call, c.sequence, c.max_steps, c.max_tool_calls].some((x) => x !== undefined),
    {
      message:
        "trajectory checks nothing: give must_call, must_not_call, sequence, max_steps or max_tool_calls",
    },
  );

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
  "tool_call",
  "tool_args_valid",
  "trajectory",
  "example_checks",
] as const;

/**
 * The example's own `checks` as one criterion of the prompt: an example passes it when all its checks
 * pass; an example without checks passes it as not applicable.
 */
export const ExampleChecksCriterion = z.strictObject({ ...common, type: z.literal("example_checks") });

/** The name the criterion gets when the eval set has checks and the prompt does not declare it. */
export const EXAMPLE_CHECKS = "example checks";

const CHECK_TYPES = [
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
  ToolCallCriterion,
  ToolArgsValid,
  TrajectoryCriterion,
] as const;

/** A check an example carries: any criterion type but example_checks itself. */
export const Check = z.discriminatedUnion("type", CHECK_TYPES);
export type Check = z.infer<typeof Check>;

export const Criterion = z.discriminatedUnion("type", [...CHECK_TYPES, ExampleChecksCriterion]);
export type Criterion = z.infer<typeof Criterion>;
export type CriterionType = Criterion["type"];
export type CriterionOf<T extends CriterionType> = Extract<Criterion, { type: T }>;

/** A function tool: OpenAI's `{type: function, function: {...}}` or the short `{name, description, parameters}`. */
const ShortTool = z.strictObject({
  name: toolName,
  description: z.string().max(10_000).optional(),
  /** A JSON Schema of the arguments. */
  parameters: jsonObject.optional(),
  /** OpenAI structured outputs: the arguments must follow the schema exactly. */
  strict: z.boolean().optional(),
});
export const ToolSpec = z.union([
  z.strictObject({ type: z.literal("function"), function: ShortTool }),
  ShortTool,
]);
export type ToolSpec = z.infer<typeof ToolSpec>;

/**
 * A part of a user turn, in the chat-completions form, with {placeholders} in its strings: an
 * image is a URL or a data URL (`data:image/png;base64,{photo}`), audio base64 data.
 */
export const ContentPartTemplate = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("text"), text: z.string().min(1).max(100_000) }),
  z.strictObject({
    type: z.literal("image_url"),
    image_url: z.strictObject({
      url: z.string().min(1).max(100_000),
      detail: z.enum(["auto", "low", "high"]).optional(),
    }),
  }),
  z.strictObject({
    type: z.literal("input_audio"),
    input_audio: z.strictObject({ data: z.string().min(1).max(100_000), format: z.enum(["wav", "mp3"]) }),
  }),
]);
export type ContentPartTemplate = z.infer<typeof ContentPartTemplate>;

export const MessageTemplate = z
  .strictObject({
    role: z.enum(["system", "user", "assistant"]),
    /** Text, or (a user turn only) a list of parts that can show the model images and audio. */
    content: z.union([z.string().min(1).max(100_000), z.array(ContentPartTemplate).min(1).max(100)]),
  })
  .superRefine((m, ctx) => {
    if (typeof m.content !== "string" && m.role !== "user") {
      ctx.addIssue({
        code: "custom",
        path: ["content"],
        message: `a ${m.role} turn is text; only a user turn can hold parts (images, audio)`,
      });
    }
  });

export const ResponseFormat = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("text") }),
  z.strictObject({ type: z.literal("json_object") }),
  z.strictObject({
    type: z.literal("json_schema"),
    json_schema: z.strictObject({
      name: toolName,
      description: z.string().max(10_000).optional(),
      schema: jsonObject.optional(),
      strict: z.boolean().optional(),
    }),
  }),
]);

/** The tool's name, whichever form it is written in. */
export function toolSpecName(t: ToolSpec): string {
  return "function" in t ? t.function.name : t.name;
}

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
    /**
     * The final user turn; optional when `messages` holds the conversation. Without template and
     * messages, each example's `input.messages` is the whole conversation, sent as it is (an imported
     * OpenAI Evals sample that ends with a system message); load.ts checks every example has one.
     */
    template: z.string().min(1).max(100_000).optional(),
    /** Turns before the final user turn (few-shot, multi-turn set-ups), with {placeholders}. */
    messages: z.array(MessageTemplate).min(1).max(200).optional(),
    tools: z.array(ToolSpec).min(1).max(128).optional(),
    /** auto, none, required, or the name of a declared tool the model must call. */
    tool_choice: z.union([z.enum(["auto", "none", "required"]), toolName]).optional(),
    response_format: ResponseFormat.optional(),
    /** Model calls per example: while the model calls tools and steps remain, fixtures answer and it goes on. */
    max_steps: z.number().int().min(1).max(50).optional(),
    eval_set: z.string().min(1).optional(),
    /** Runs per example, to measure output variance (temperature > 0). */
    repeats: z.number().int().min(1).max(20).optional(),
    eval_criteria: z.array(Criterion).min(1),
  })
  .superRefine((p, ctx) => {
    const declared = new Set<string>();
    (p.tools ?? []).forEach((t, i) => {
      const name = toolSpecName(t);
      if (declared.has(name))
        ctx.addIssue({ code: "custom", path: ["tools", i], message: `duplicate tool name "${name}"` });
      declared.add(name);
    });
    const choice = p.tool_choice;
    if (choice !== undefined && !["auto", "none", "required"].includes(choice) && !declared.has(choice)) {
      ctx.addIssue({
        code: "custom",
        path: ["tool_choice"],
        message: `tool_choice names "${choice}", which tools does not declare`,
      });
    }
    if (choice !== undefined && declared.size === 0) {
      ctx.addIssue({ code: "custom", path: ["tool_choice"], message: "tool_choice without tools" });
    }
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

export const ToolFixture = z.strictObject({
  name: toolName,
  arguments: jsonObject.optional(),
  result: z.unknown(),
});
export type ToolFixture = z.infer<typeof ToolFixture>;

const exampleId = z.union([z.string().min(1).max(200), z.number().int()]).transform(String);

export const EvalExample = z.strictObject({
  id: exampleId,
  input: z.record(z.string(), z.unknown()),
  expected: z.unknown().optional(),
  /** A logged production answer kept by `agentops curate` for a person to turn into `expected`; never scored. */
  reference_output: z.string().max(100_000).optional(),
  labels: z.record(z.string(), z.unknown()).optional(),
  tags: z.array(z.string()).optional(),
  metadata: z.record(z.string(), z.unknown()).optional(),
  /** Samples of this example, overriding the prompt's `repeats` (e.g. more for a flaky case). */
  repeats: z.number().int().min(1).max(20).optional(),
  /** Tool results as data: a call gets the first fixture of its name whose arguments are a subset of its own. */
  tool_results: z.array(ToolFixture).max(1000).optional(),
  /** The calls this example should produce; [] means none. */
  expected_tool_calls: z.array(ExpectedToolCall).max(100).optional(),
  /** The gate fails when the challenger fails this example in any repeat, whatever the statistics say. */
  must_pass: z.boolean().optional(),
  /** This example's own criteria, scored as the prompt's one "example checks" criterion. */
  checks: z.array(Check).min(1).max(100).optional(),
});
export type EvalExample = z.infer<typeof EvalExample>;

const versionRef = z.union([
  z.number().int().positive(),
  // One spelling per version: "v03" or "03" could resolve differently in another tool.
  z.string().regex(/^v?[1-9]\d*$/, 'use a number like 3 or "v3" (no leading zeros)'),
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
    .record(
      z.string(),
      z.strictObject({
        input: z.number().nonnegative(),
        output: z.number().nonnegative(),
        /** Input tokens served from the provider's prompt cache; default the input price. */
        cached_input: z.number().nonnegative().optional(),
      }),
    )
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
      /** Cached answers older than this many days are asked again (default 30). */
      max_answer_age_days: z.number().positive().max(3650).optional(),
    })
    .optional(),
});
export type ProjectConfig = z.infer<typeof ProjectConfig>;

export function parseVersionRef(v: number | string): number {
  return typeof v === "number" ? v : Number(v.replace(/^v/, ""));
}
