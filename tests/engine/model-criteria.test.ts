/** safety and similarity method: embedding, scored by the runner with the mock and with test doubles. */
import { describe, expect, test } from "vitest";
import { parseEvalSet, parsePromptFile } from "../../src/config/load.js";
import { ProjectConfig } from "../../src/config/schema.js";
import { Budget } from "../../src/engine/budget.js";
import { buildRequest } from "../../src/engine/build-request.js";
import { buildJudgeRequest, createJudge, JUDGE_SYSTEM } from "../../src/engine/judge.js";
import { createReplayProvider } from "../../src/engine/providers/replay.js";
import { requestKey } from "../../src/engine/request.js";
import { costUsd } from "../../src/engine/pricing.js";
import { createMockProvider } from "../../src/engine/providers/mock.js";
import { ProviderError, type EmbeddingRequest, type Provider } from "../../src/engine/providers/types.js";
import { runSuite, type RunOptions } from "../../src/engine/runner.js";
import { createModelScorer, MAX_EMBEDDED_CHARS } from "../../src/engine/scorers/model-criteria.js";

const promptWith = (criteria: string) =>
  parsePromptFile(
    `name: s\nversion: 1\nmodel: m\nmax_tokens: 50\ntemplate: "{text}"\neval_criteria:\n${criteria}`,
    "v1.yaml",
  );

const SAFETY = "  - name: safe\n    type: safety\n";
const EMBEDDING = "  - name: close\n    type: similarity\n    method: embedding\n    min_score: 0.6\n";

const set = parseEvalSet(
  [
    { id: "ok", input: { text: "the cat sat on the mat" }, expected: "the cat sat on the mat" },
    { id: "bad", input: { text: "[unsafe:hate] rant" }, expected: "a calm answer about weather" },
  ]
    .map((e) => JSON.stringify(e))
    .join("\n"),
  "e.jsonl",
);

/** The mock answering with the input text itself. */
const parrot = (): Provider => {
  const judging = createMockProvider();
  return createMockProvider((req, o) =>
    req.messages[0]?.content === JUDGE_SYSTEM
      ? judging.complete(req, o).then((c) => c.text)
      : (req.messages.at(-1)?.content ?? ""),
  );
};

function options(provider: Provider, extra: Partial<RunOptions> = {}): RunOptions {
  const judge = createJudge(provider, "judge-model");
  return {
    provider,
    concurrency: 2,
    judge,
    models: createModelScorer(provider, judge),
    price: (model, usage) => costUsd(model, usage),
    ...extra,
  };
}

describe("type: safety", () => {
  test("the mock's moderation flags only marked text, with its categories; pass = not flagged, score 1 or 0", async () => {
    const run = await runSuite(promptWith(SAFETY), set, options(parrot()));
    const [ok, bad] = run.results;
    expect(ok?.criteria.safe).toEqual({
      score: 1,
      passed: true,
      detail: "not flagged (omni-moderation-latest)",
      via: "moderation",
      categories: [],
    });
    expect(bad?.criteria.safe).toMatchObject({
      score: 0,
      passed: false,
      via: "moderation",
      categories: ["hate"],
    });
    expect(bad?.criteria.safe?.detail).toBe("flagged: hate 0.99 (omni-moderation-latest)");
    // Moderation is free: the cost stays known (the mock model m has no price, so only usage is compared).
    expect(ok?.usage).toEqual({ prompt_tokens: 6, completion_tokens: 6 });
  });

  test("a provider without moderation falls back to the judge's safety preset (score < 4 of 5 is unsafe)", async () => {
    const base = parrot();
    const judged: string[] = [];
    const provider: Provider = {
      id: "no-moderation",
      complete: async (req, o) => {
        if (req.messages[0]?.content === JUDGE_SYSTEM) {
          judged.push(req.messages.at(-1)?.content ?? "");
          const unsafe = (req.messages.at(-1)?.content ?? "").includes("[unsafe");
          return {
            text: JSON.stringify({ score: unsafe ? 2 : 5, reason: "r" }),
            usage: { prompt_tokens: 100, completion_tokens: 10 },
            latencyMs: 1,
            cached: false,
          };
        }
        return base.complete(req, o);
      },
    };
    const run = await runSuite(promptWith(SAFETY), set, options(provider));
    expect(run.results.map((r) => [r.id, r.criteria.safe?.passed, r.criteria.safe?.via])).toEqual([
      ["ok", true, "judge"],
      ["bad", false, "judge"],
    ]);
    expect(run.results[0]?.criteria.safe?.detail).toMatch(
      /^safe by judge judge-model: 5\/5 r \(the no-moderation provider has no moderation API\)$/,
    );
    expect(judged).toHaveLength(2);
    expect(judged[0]).toContain("harmful");
    // The judge's tokens count in the example's usage.
    expect(run.results[0]?.usage?.prompt_tokens).toBeGreaterThan(100);
  });

  test("an endpoint that answers 'unsupported' once is not asked again in the run", async () => {
    const base = parrot();
    let moderations = 0;
    const provider: Provider = {
      id: "p",
      complete: (req, o) => base.complete(req, o),
      moderate: () => {
        moderations++;
        return Promise.reject(new ProviderError("moderation is not available: 404", { kind: "unsupported" }));
      },
    };
    const run = await runSuite(promptWith(SAFETY), set, options(provider, { concurrency: 1 }));
    expect(run.results.every((r) => r.criteria.safe?.via === "judge")).toBe(true);
    expect(moderations).toBe(1);
  });

  test("other moderation failures are the example's error, never a pass", async () => {
    const base = parrot();
    const provider: Provider = {
      id: "p",
      complete: (req, o) => base.complete(req, o),
      moderate: () => Promise.reject(new ProviderError("server error (500)", { kind: "server_error" })),
    };
    const run = await runSuite(promptWith(SAFETY), set, options(provider));
    expect(run.results.map((r) => r.status)).toEqual(["error", "error"]);
    expect(run.results[0]?.error?.kind).toBe("server_error");
  });
});

describe("similarity method: embedding", () => {
  function counting(): { provider: Provider; batches: EmbeddingRequest[] } {
    const base = parrot();
    const batches: EmbeddingRequest[] = [];
    const embed = base.embed?.bind(base);
    return {
      batches,
      provider: {
        id: "mock",
        complete: (req, o) => base.complete(req, o),
        embed: (req, o) => {
          batches.push(req);
          if (!embed) throw new Error("the mock embeds");
          return embed(req, o);
        },
      },
    };
  }

  test("cosine of output and expected against min_score; the same text scores 1", async () => {
    const { provider } = counting();
    const run = await runSuite(promptWith(EMBEDDING), set, options(provider));
    const [same, other] = run.results;
    expect(same?.criteria.close?.score).toBeCloseTo(1, 3);
    expect(same?.criteria.close?.passed).toBe(true);
    expect(same?.criteria.close?.detail).toMatch(
      /^embedding cosine 1\.00 \(min 0\.6, text-embedding-3-small\)$/,
    );
    expect(other?.criteria.close?.score).toBeLessThan(0.3);
    expect(other?.criteria.close?.passed).toBe(false);
  });

  test("the suite's expected texts go out in one batch before the examples; each text is embedded once", async () => {
    const { provider, batches } = counting();
    await runSuite(promptWith(EMBEDDING), set, options(provider, { concurrency: 4 }));
    expect(batches[0]?.input).toEqual(["the cat sat on the mat", "a calm answer about weather"]);
    const all = batches.flatMap((b) => b.input);
    // "the cat sat on the mat" is also an output: served from the run's memory, not sent again.
    expect(all).toEqual(["the cat sat on the mat", "a calm answer about weather", "[unsafe:hate] rant"]);
  });

  test("embeddings are priced (input only) and held in the budget before the call", async () => {
    const { provider } = counting();
    const run = await runSuite(promptWith(EMBEDDING), set, options(provider));
    // Output and expected embedding tokens are in the example's usage as prompt tokens.
    const u = run.results[1]?.usage;
    expect(u?.prompt_tokens).toBe(
      Math.ceil("[unsafe:hate] rant".length / 4) * 2 + Math.ceil("a calm answer about weather".length / 4),
    );
    expect(costUsd("text-embedding-3-small", { prompt_tokens: 1_000_000, completion_tokens: 5 })).toBe(0.02);
    // A token budget with room for the answer (and the expected texts) but not its embeddings at
    // max_tokens: the call goes out only with a smaller max_tokens whose embeddings fit too.
    const calls: string[] = [];
    const allowed: (number | undefined)[] = [];
    const watched: Provider = {
      ...provider,
      complete: (r, o) => (calls.push(r.model), allowed.push(r.max_tokens), provider.complete(r, o)),
    };
    const tightBudget = new Budget({ maxTokensTotal: 90 });
    const tight = await runSuite(promptWith(EMBEDDING), set, options(watched, { budget: tightBudget }));
    expect(tight.results.some((r) => r.status === "ok")).toBe(true);
    expect(tightBudget.spend.tokens).toBeLessThanOrEqual(90);
    expect(allowed.length).toBeGreaterThan(0);
    for (const a of allowed) expect(a).toBeLessThan(50);
    calls.length = 0;
    const roomy = await runSuite(
      promptWith("  - name: any\n    type: length\n    words: { max: 99 }\n"),
      set,
      options(watched, { budget: new Budget({ maxTokensTotal: 90 }) }),
    );
    expect(roomy.results.some((r) => r.status === "ok")).toBe(true);
  });

  test("only the first MAX_EMBEDDED_CHARS characters of a long answer are embedded", async () => {
    const { provider, batches } = counting();
    const long = parseEvalSet(
      JSON.stringify({ id: "l", input: { text: "word ".repeat(5000) }, expected: "word" }),
      "e.jsonl",
    );
    const run = await runSuite(promptWith(EMBEDDING), long, options(provider));
    expect(run.results[0]?.status).toBe("ok");
    expect(batches.flatMap((b) => b.input).map((t) => t.length)).toEqual([4, MAX_EMBEDDED_CHARS]);
  });

  test("model: belongs to method: embedding only", () => {
    expect(() => promptWith("  - name: c\n    type: similarity\n    model: x\n")).toThrow(
      /model is for method: embedding only/,
    );
  });
});

describe("replay", () => {
  test("a text with no recorded moderation is judged with the safety preset, from the recorded judge verdict", async () => {
    const prompt = promptWith(SAFETY);
    const example = set.examples[0];
    if (!example) throw new Error("the set has examples");
    const request = buildRequest(prompt.data, example, set.file);
    const output = "a calm summary";
    const judgeRequest = buildJudgeRequest(
      { name: "safe", type: "llm_judge", preset: "safety" },
      "judge-model",
      {
        input: example.input,
        output,
      },
    );
    const usage = { prompt_tokens: 1, completion_tokens: 1 };
    const replay = createReplayProvider([
      { key: requestKey(request, 0), output, usage, latency_ms: 1 },
      {
        key: requestKey(judgeRequest, 0),
        output: '{"score": 5, "reason": "harmless"}',
        usage,
        latency_ms: 1,
      },
    ]);
    const one = parseEvalSet(JSON.stringify({ id: example.id, input: example.input }), set.file);
    const run = await runSuite(prompt, one, options(replay));
    expect(run.results[0]?.status).toBe("ok");
    expect(run.results[0]?.criteria.safe).toMatchObject({ passed: true, score: 1, via: "judge" });
    expect(run.results[0]?.criteria.safe?.detail).toContain("no recorded moderation for this text");
  });
});

test("type: safety takes a model and the common fields only; the config takes moderation_model and embedding_model", () => {
  expect(
    promptWith("  - name: s\n    type: safety\n    model: omni-moderation-2024-09-26\n    threshold: 0.99\n")
      .data.eval_criteria[0],
  ).toEqual({
    name: "s",
    type: "safety",
    model: "omni-moderation-2024-09-26",
    threshold: 0.99,
  });
  expect(() => promptWith("  - name: s\n    type: safety\n    categories: [hate]\n")).toThrow(/categories/);
  expect(ProjectConfig.parse({ moderation_model: "m", embedding_model: "e" })).toEqual({
    moderation_model: "m",
    embedding_model: "e",
  });
});
