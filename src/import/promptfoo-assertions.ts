import { compilePattern } from "../config/pattern.js";
import type { Criterion } from "../config/schema.js";
import { parseYaml } from "../config/yaml.js";
import { renderValue } from "./nunjucks.js";
import { mapJavascript } from "./promptfoo-javascript.js";

/** A promptfoo assertion as written in YAML (`assert:` entries), or parsed from a CSV `__expected` cell. */
export interface Assertion {
  type: string;
  value?: unknown;
  threshold?: number;
  weight?: number;
  metric?: string;
  transform?: unknown;
  provider?: unknown;
  /** The value was read from a `file://` JSON, YAML or text file: promptfoo does not render it. */
  fromFile?: boolean;
}

/** A criterion before it gets its name in the prompt file. */
export type CriterionSpec = Criterion extends infer C
  ? C extends Criterion
    ? Omit<C, "name">
    : never
  : never;

export type Mapped =
  | {
      ok: true;
      spec: CriterionSpec;
      /** The criterion's name when the assertion has no `metric`. */
      baseName: string;
      /** The example's `expected`, for criteria that compare with one. */
      expected?: unknown;
      /** How the criterion differs from the assertion, if it does. */
      difference?: string;
    }
  | { ok: false; reason: string };

const CODE_TYPES = new Set(["javascript", "python", "ruby", "webhook"]);
/** Assertions that are not about one answer: their true reason. */
const NOT_ONE_ANSWER: Record<string, string> = {
  "assert-set":
    "a group of assertions that passes by its own threshold (or weight); agentops has no group criterion, list its assertions in the test instead",
  "select-best":
    "picks the best of the outputs for the same test (one per prompt and provider); agentops scores each answer on its own and compares versions with compare",
  "max-score":
    "picks the output with the highest score among those for the same test; agentops scores each answer on its own and compares versions with compare",
};
/** promptfoo's assertion types (BaseAssertionTypesSchema and the special ones, src/types/index.ts at 6d2b815). */
const PROMPTFOO_TYPES = new Set([
  ...["answer-relevance", "bleu", "classifier", "contains", "contains-all", "contains-any", "contains-html"],
  ...["contains-json", "contains-sql", "contains-xml", "context-faithfulness", "context-recall"],
  ...["context-relevance", "conversation-relevance", "cost", "equals", "factuality", "finish-reason"],
  ...["g-eval", "gleu", "guardrails", "icontains", "icontains-all", "icontains-any", "is-html", "is-json"],
  ...["is-refusal", "is-sql", "is-valid-function-call", "is-valid-openai-function-call"],
  ...["is-valid-openai-tools-call", "is-xml", "javascript", "latency", "levenshtein", "llm-rubric", "pi"],
  ...["meteor", "model-graded-closedqa", "model-graded-factuality", "moderation", "perplexity"],
  ...["perplexity-score", "python", "regex", "rouge-n", "ruby", "similar", "starts-with"],
  ...["trace-error-spans", "trace-span-count", "trace-span-duration", "webhook"],
  ...["select-best", "human", "max-score", "assert-set"],
]);
const CONTAINS = { contains: "contains", icontains: "icontains" } as const;
const NOT_CONTAINS = { contains: "not_contains", icontains: "not_icontains" } as const;

const escapeRegex = (s: string): string => s.replace(/[\\^$.*+?()[\]{}|]/g, "\\$&");
const fail = (reason: string): Mapped => ({ ok: false, reason });

function strings(value: unknown): string[] | undefined {
  if (typeof value === "string" && value !== "") return [value];
  if (typeof value === "number") return [String(value)];
  if (
    Array.isArray(value) &&
    value.length > 0 &&
    value.every((v) => typeof v === "string" || typeof v === "number")
  )
    return value.map(String);
  return undefined;
}

/** Renders `{{var}}` in string values from the test's vars, as promptfoo does before asserting. */
function rendered(
  value: unknown,
  vars: Readonly<Record<string, unknown>>,
): { value: unknown } | { reason: string } {
  if (typeof value === "string") {
    if (value.startsWith("file://")) return { reason: `the value is read from ${value}; inline it first` };
    const r = renderValue(value, vars);
    return r.ok ? { value: r.text } : { reason: r.reason };
  }
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    for (const v of value) {
      const r = rendered(v, vars);
      if ("reason" in r) return r;
      out.push(r.value);
    }
    return { value: out };
  }
  return { value };
}

/**
 * Maps one promptfoo assertion, with the test's vars, to an agentops criterion, or says why not.
 * `textOutput`: every provider answers with text (no tools, no JSON-schema response format), so a
 * `javascript` assertion's `output` is the answer's text and its simplest expressions can be read.
 */
export function mapAssertion(
  a: Assertion,
  vars: Readonly<Record<string, unknown>>,
  textOutput = false,
): Mapped {
  const negated = a.type.startsWith("not-");
  const base = negated ? a.type.slice(4) : a.type;
  // promptfoo's runAssertion (src/assertions/index.ts) forces a weight-0 assertion to pass: a metric
  // that is reported but never fails a test. An agentops check always can, so it is not one.
  if (a.weight === 0)
    return fail(
      "weight 0: promptfoo reports it as a metric but forces it to pass, so it never fails a test; agentops has no check that cannot fail",
    );
  if (base === "javascript" && typeof a.value === "string" && !a.value.startsWith("file://")) {
    // promptfoo renders the code with the test's vars before running it.
    const r = rendered(a.value, vars);
    if ("reason" in r) return fail(r.reason);
    const js = mapJavascript(r.value, negated, textOutput && a.transform === undefined);
    if (!js.ok) return fail(js.reason);
    const weight = a.weight !== undefined && a.weight >= 0 && a.weight <= 1000 ? { weight: a.weight } : {};
    return {
      ok: true,
      spec: { ...js.spec, ...weight },
      baseName: js.baseName,
      ...(js.difference ? { difference: js.difference } : {}),
    };
  }
  if (CODE_TYPES.has(base) || base.startsWith("file://"))
    return fail("runs code (or calls a service) to decide; agentops never executes code from a repository");
  const other = NOT_ONE_ANSWER[base];
  if (other !== undefined) return fail(other);
  const r = a.fromFile ? { value: a.value } : rendered(a.value, vars);
  if ("reason" in r) return fail(r.reason);
  const value = r.value;
  const weight = a.weight !== undefined && a.weight >= 0 && a.weight <= 1000 ? { weight: a.weight } : {};
  const ok = (spec: CriterionSpec, baseName: string, extra: Partial<Mapped & { ok: true }> = {}): Mapped => ({
    ok: true,
    spec: { ...spec, ...weight },
    baseName,
    ...extra,
  });
  const list = strings(value);

  switch (base) {
    case "equals":
      if (negated) {
        // promptfoo: the output is not exactly this text. RE2's ^ and $ (no m flag) anchor the whole text.
        if (typeof value !== "string" || value === "")
          return fail(
            "not-equals of anything but a text: agentops has no not-equals criterion for JSON values",
          );
        const pattern = `^${escapeRegex(value)}$`;
        if (pattern.length > 1000) return fail("not-equals of a text longer than a regex criterion holds");
        return ok({ type: "regex", pattern, match: false }, "not-equals");
      }
      if (value === undefined) return fail("equals without a value");
      return ok(typeof value === "string" ? { type: "equals" } : { type: "equals", json: true }, "equals", {
        expected: value,
      });
    case "contains":
    case "icontains": {
      const v = typeof value === "number" ? String(value) : value;
      if (typeof v !== "string" || v === "") return fail(`${a.type} needs a text value`);
      return ok({ type: negated ? NOT_CONTAINS[base] : CONTAINS[base], value: v }, a.type);
    }
    case "contains-all":
    case "icontains-all":
      if (!list) return fail(`${a.type} needs a list of texts`);
      if (negated) return fail("agentops has no criterion for 'at least one of these is missing'");
      return ok({ type: base === "contains-all" ? "contains" : "icontains", value: list }, a.type);
    case "contains-any":
    case "icontains-any": {
      if (!list) return fail(`${a.type} needs a list of texts`);
      const fold = base === "icontains-any";
      if (negated) return ok({ type: fold ? "not_icontains" : "not_contains", value: list }, a.type);
      return ok(
        { type: "regex", pattern: list.map(escapeRegex).join("|"), ...(fold ? { flags: "i" } : {}) },
        a.type,
      );
    }
    case "starts-with":
      if (typeof value !== "string" || value === "") return fail("starts-with needs a text value");
      return ok(
        { type: "regex", pattern: `^${escapeRegex(value)}`, ...(negated ? { match: false } : {}) },
        a.type,
      );
    case "regex": {
      if (typeof value !== "string" || value === "") return fail("regex needs a pattern");
      try {
        compilePattern(value);
      } catch (e) {
        return fail(
          `the pattern is not RE2 syntax (${e instanceof Error ? e.message : String(e)}); agentops matches in linear time, without lookarounds or backreferences`,
        );
      }
      return ok({ type: "regex", pattern: value, ...(negated ? { match: false } : {}) }, a.type);
    }
    case "is-json":
    case "contains-json": {
      if (negated) return fail(`agentops has no criterion for output that is not JSON`);
      const loose =
        base === "contains-json"
          ? "the whole output must be JSON (one ```json fence allowed); promptfoo accepted JSON anywhere in the text"
          : undefined;
      const extra = loose ? { difference: loose } : {};
      if (value === undefined || value === null || value === "")
        return ok({ type: "format_check", json: true }, base, extra);
      // promptfoo (src/assertions/json.ts) reads a text value as YAML (JSON is YAML too): the schema.
      let schema: unknown = value;
      if (typeof value === "string") {
        try {
          schema = parseYaml(value, a.type).value;
        } catch (e) {
          return fail(`the schema is neither JSON nor YAML (${e instanceof Error ? e.message : String(e)})`);
        }
      }
      if (typeof schema === "object" && schema !== null && !Array.isArray(schema))
        return ok({ type: "json_schema", schema: schema as Record<string, unknown> }, base, extra);
      return fail("the schema is not a JSON Schema object (a mapping)");
    }
    case "is-valid-openai-tools-call":
      if (negated) return fail("agentops has no criterion for output that is not a tools call");
      return ok({ type: "tool_args_valid" }, "tools-call", {
        difference:
          "the calls' arguments are validated against the tools the provider's config declares (tool_args_valid); a version whose provider declares no tools checks the output is JSON instead (format_check json: true)",
      });
    case "similar": {
      if (negated) return fail("agentops has no criterion for output that is not similar");
      if (typeof value !== "string" || value === "") return fail("similar needs the reference text as value");
      const embedder = providerModel(a.provider);
      return ok(
        {
          type: "similarity",
          method: "embedding",
          min_score: a.threshold ?? 0.75,
          ...(embedder ? { model: embedder } : {}),
        },
        "similar",
        { expected: value },
      );
    }
    case "llm-rubric":
      if (negated) return fail("agentops has no negated judge criterion");
      if (typeof value !== "string" || value === "") return fail("llm-rubric needs the rubric text as value");
      return ok({ type: "llm_judge", rubric: value, ...judgeOptions(a) }, "rubric", {
        difference:
          "scored 1-5 by the agentops judge against the rubric ((s-1)/4, passing at min_score); promptfoo's grader answered pass/fail",
      });
    case "g-eval":
      if (negated) return fail("agentops has no negated judge criterion");
      if (typeof value !== "string" || value === "")
        return fail(
          "g-eval with a list of criteria (promptfoo averages their scores): agentops judges one rubric",
        );
      return ok(
        { type: "llm_judge", rubric: value, ...judgeOptions({ ...a, threshold: a.threshold ?? 0.7 }) },
        "g-eval",
        {
          difference:
            "scored 1-5 by the agentops judge against the criteria ((s-1)/4, passing at min_score, promptfoo's threshold, default 0.7); promptfoo's G-Eval wrote evaluation steps first and scored 0-10",
        },
      );
    case "factuality":
      if (negated) return fail("agentops has no negated judge criterion");
      if (typeof value !== "string" || value === "")
        return fail("factuality needs the reference answer as value");
      return ok({ type: "llm_judge", preset: "correctness", ...judgeOptions(a) }, "factuality", {
        expected: value,
        difference: "judged with the built-in correctness preset against the example's expected answer",
      });
    case "answer-relevance":
      if (negated) return fail("agentops has no negated judge criterion");
      return ok({ type: "llm_judge", preset: "relevance", ...judgeOptions(a) }, "answer-relevance", {
        difference:
          "judged with the built-in relevance preset; promptfoo compared embeddings of questions generated from the answer",
      });
    case "moderation":
      if (negated) return fail("agentops has no criterion for output that must be flagged");
      return ok({ type: "safety" }, "moderation");
    case "cost":
      if (negated)
        return fail(
          "not-cost passes an answer that costs more than the threshold; agentops has no minimum-cost criterion",
        );
      if (a.threshold === undefined || a.threshold <= 0) return fail("cost needs a threshold (USD per test)");
      return ok({ type: "cost", max_usd: a.threshold }, "cost");
    case "latency":
      if (negated)
        return fail(
          "not-latency passes an answer slower than the threshold; agentops has no minimum-latency criterion",
        );
      if (a.threshold === undefined || a.threshold <= 0)
        return fail("latency needs a threshold (milliseconds)");
      return ok({ type: "latency", max_ms: a.threshold }, "latency");
    default:
      // Not among promptfoo's assertion types: its runAssertion (src/assertions/index.ts) throws
      // "Unknown assertion type", so the test errors in promptfoo rather than checking anything.
      if (!PROMPTFOO_TYPES.has(base) && !base.startsWith("promptfoo:redteam:"))
        return fail(
          `not a promptfoo assertion type: promptfoo stops the test with "Unknown assertion type: ${a.type}", so it checked nothing`,
        );
      return fail(`agentops has no criterion like promptfoo's ${a.type}`);
  }
}

function judgeOptions(a: Assertion): { min_score?: number; model?: string } {
  const model = providerModel(a.provider);
  return {
    ...(a.threshold !== undefined && a.threshold >= 0 && a.threshold <= 1 ? { min_score: a.threshold } : {}),
    ...(model ? { model } : {}),
  };
}

/** The model of a promptfoo provider reference (`openai:gpt-4.1`, `{id: …}`), if it names one. */
export function providerModel(provider: unknown): string | undefined {
  const id =
    typeof provider === "string"
      ? provider
      : typeof provider === "object" &&
          provider !== null &&
          typeof (provider as { id?: unknown }).id === "string"
        ? (provider as { id: string }).id
        : undefined;
  if (!id || !id.includes(":") || id.startsWith("file://")) return undefined;
  const parts = id.split(":");
  const model = parts
    .slice(
      /^(chat|completion|messages|responses|realtime|embedding|embeddings)$/.test(parts[1] ?? "") ? 2 : 1,
    )
    .join(":");
  return model || undefined;
}

const CSV_TYPES =
  /^(not-)?(equals|contains-any|contains-all|icontains-any|icontains-all|contains-json|is-json|is-valid-openai-tools-call|regex|icontains|contains|starts-with|similar|llm-rubric|factuality|answer-relevance|moderation|cost|latency|levenshtein|rouge-n|javascript|python|webhook)(?:\((\d+(?:\.\d+)?)\))?(?::([\s\S]*))?$/;

/** A CSV `__expected` cell as promptfoo reads it: `type(threshold):value`, `grade:…`, `fn:…`, else equals. */
export function assertionFromCell(cell: string): Assertion {
  if (/^(javascript|fn|eval):/.test(cell)) return { type: "javascript", value: cell.replace(/^\w+:/, "") };
  if (/^python:/.test(cell)) return { type: "python", value: cell.slice(7) };
  if (/^(grade|llm-rubric):/.test(cell)) return { type: "llm-rubric", value: cell.replace(/^[\w-]+:/, "") };
  const m = CSV_TYPES.exec(cell);
  if (!m) return { type: "equals", value: cell };
  const [, not = "", type = "", threshold, value] = m;
  const t = threshold === undefined ? undefined : Number(threshold);
  const listType = /^i?contains-(any|all)$/.test(type);
  return {
    type: `${not}${type}`,
    ...(value !== undefined
      ? { value: listType ? value.split(",").map((s) => s.trim()) : value.trim() }
      : {}),
    ...(t !== undefined ? { threshold: t } : type === "similar" ? { threshold: 0.8 } : {}),
  };
}
