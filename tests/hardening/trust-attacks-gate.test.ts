/**
 * Issue 20, the gate's side: attacks 6 (errors instead of failures), 7 (the PR chooses its
 * yardsticks) and 8 (unrelated prompts dilute α), and issue 21's must-pass examples. Each runs the
 * bundled Action (dist/index.js) against a fake GitHub and a fake model on 127.0.0.1, after a
 * control showing the plain regression is blocked, and must end blocking with a report saying why.
 */
import { afterEach, beforeAll, describe, expect, test, vi } from "vitest";
import { JUDGE_SYSTEM } from "../../src/engine/judge.js";
import { startFakeOpenAI, type FakeOpenAI, type FakeReply } from "../helpers/fake-openai.js";
import {
  BAD,
  BULLETS,
  CONFIG,
  evalSet,
  gatePr,
  GOOD,
  runGate,
  type GatePr,
} from "../helpers/gate-project.js";

// Each test runs the bundled Action on a whole PR; the shared machine can be slow.
vi.setConfig({ testTimeout: 240_000 });

const KEY = "sk-gate-canary-9f8e7d6c5b4a";
let llm: FakeOpenAI;
const prs: GatePr[] = [];
const live = () => ({ "api-key": KEY, "base-url": llm.url });

/** A summarize version whose system prompt carries `marker`, which tells the fake model how to answer. */
const prompt = (version: number, marker: string, criteria = BULLETS, extra = ""): string =>
  `name: summarize\nversion: ${version}\nmodel: gpt-4o-mini\nsystem: "Summarize as bullets. [${marker}]"\ntemplate: "{text}"\n${extra}eval_criteria:\n${criteria}`;

const storyNumber = (text: string): number => Number(/story (\d+)/.exec(text)?.[1] ?? 0);

const toolCall = (args: unknown): FakeReply => ({
  json: {
    id: "chatcmpl-tool",
    object: "chat.completion",
    created: 0,
    model: "gpt-4o-mini",
    choices: [
      {
        index: 0,
        message: {
          role: "assistant",
          content: null,
          tool_calls: [
            {
              id: "call_1",
              type: "function",
              function: { name: "lookup_order", arguments: JSON.stringify(args) },
            },
          ],
        },
        finish_reason: "tool_calls",
      },
    ],
    usage: { prompt_tokens: 10, completion_tokens: 5 },
  },
});

/**
 * The fake model. Markers: [good] answers bullets; [bad] prose; [drop8] prose on stories 1–8
 * (−26.7 points on 30); [bad123] prose on stories 1–3; [drop-one] prose on story 2; [overflow3] bullets, but a 400 context overflow on stories 1–3; [tools-good]
 * and [tools-bad] call lookup_order with valid and schema-breaking arguments. A judge request is
 * strict (5 for bullets, else 1) unless it is addressed to "lenient-judge", which gives 5 to anything.
 */
function answer(body: { model: string; messages: { role: string; content: string }[] }): FakeReply {
  const text = body.messages.map((m) => m.content).join("\n");
  if (body.messages[0]?.content === JUDGE_SYSTEM) {
    const score = body.model === "lenient-judge" || /<RESPONSE>\n- one/.test(text) ? 5 : 1;
    return { text: JSON.stringify({ score, reason: "fake judge" }) };
  }
  const n = storyNumber(text);
  if (text.includes("[bad]")) return { text: BAD };
  if (text.includes("[drop8]")) return { text: n >= 1 && n <= 8 ? BAD : GOOD };
  if (text.includes("[bad123]")) return { text: n >= 1 && n <= 3 ? BAD : GOOD };
  if (text.includes("[drop-one]")) return { text: n === 2 ? BAD : GOOD };
  if (text.includes("[overflow3]") && n >= 1 && n <= 3)
    return {
      status: 400,
      body: {
        error: {
          message:
            "This model's maximum context length is 128000 tokens. However, your messages resulted in 131072 tokens.",
          type: "invalid_request_error",
          param: "messages",
          code: "context_length_exceeded",
        },
      },
    };
  if (text.includes("[tools-good]")) return toolCall({ order_id: "12345" });
  if (text.includes("[tools-bad]")) return toolCall({ order_id: 12345, reason: "anything goes" });
  return { text: GOOD };
}

beforeAll(async () => {
  llm = await startFakeOpenAI((r) => answer(r.body));
  return () => llm.close();
});
afterEach(() => {
  for (const pr of prs.splice(0)) pr.repo.remove();
});
function track(pr: GatePr): GatePr {
  prs.push(pr);
  return pr;
}

/** Base: v1 ([good] unless given) active in production; the PR adds v2 and deploys it. */
function deploy(v2: string, base: Record<string, string> = {}, extra: Record<string, string | null> = {}) {
  return track(
    gatePr(() => ({ "prompts/summarize/v2.yaml": v2, "prompts/config.yaml": CONFIG(2), ...extra }), base),
  );
}

describe("control", () => {
  test("a plain regression (v2 fails every example) is blocked", async () => {
    const r = await runGate(deploy(prompt(2, "bad")), { inputs: live() });
    expect(r.status?.state).toBe("failure");
    expect(r.comment).toMatch(/bullets.*regress|regression/i);
  });
});

describe("attack 6: errors instead of failures", () => {
  const THRESHOLD = `${BULLETS}    threshold: 0.95\n`;
  const base = { "prompts/summarize/v1.yaml": prompt(1, "good", THRESHOLD) };

  test("control: v2 answering prose on the same 3 of 30 examples misses the base's 95% threshold", async () => {
    const r = await runGate(deploy(prompt(2, "bad123", THRESHOLD), base), { inputs: live() });
    expect(r.status?.state).toBe("failure");
    expect(r.comment).toMatch(/below the threshold of 95%/);
  });

  test("v2 overflowing the context window on 3 of 30 examples (10%) fails: the 400s are its failures", async () => {
    const r = await runGate(deploy(prompt(2, "overflow3", THRESHOLD), base), { inputs: live() });
    expect(r.status?.state).toBe("failure");
    expect(r.outputs.verdict).toBe("fail");
    expect(r.comment).toContain("bullets");
    expect(r.comment).toMatch(/below the threshold of 95%/);
    expect(r.comment).toMatch(
      /3 challenger answer\(s\) errored where the champion answered.*counted as failures/,
    );
  });
});

describe("attack 7: the PR chooses its yardsticks", () => {
  const JUDGED = `  - name: quality\n    type: llm_judge\n    rubric: "The answer is exactly three bullet points."\n`;

  test("control: a regression judged by the strict judge is blocked", async () => {
    const r = await runGate(
      deploy(prompt(2, "bad", JUDGED), { "prompts/summarize/v1.yaml": prompt(1, "good", JUDGED) }),
      { inputs: live() },
    );
    expect(r.status?.state).toBe("failure");
    expect(r.comment).toContain("quality");
  });

  test("without judge_model in the base, a challenger on a lenient model is still judged by the gate's judge", async () => {
    const v2 = prompt(2, "bad", JUDGED).replace("model: gpt-4o-mini", "model: lenient-judge");
    const before = llm.requests.length;
    const r = await runGate(deploy(v2, { "prompts/summarize/v1.yaml": prompt(1, "good", JUDGED) }), {
      inputs: live(),
    });
    expect(r.status?.state).toBe("failure");
    expect(r.comment).toMatch(/quality/);
    expect(r.comment).toMatch(/regress/i);
    const judged = llm.requests.slice(before).filter((q) => q.body.messages[0]?.content === JUDGE_SYSTEM);
    expect(judged.length).toBeGreaterThan(0);
    expect(new Set(judged.map((q) => q.body.model))).toEqual(new Set(["gpt-4o-mini"]));
  });

  const TOOLS = (parameters: string, marker: string, version: number): string =>
    prompt(
      version,
      marker,
      "  - name: valid_args\n    type: tool_args_valid\n",
      `tools:\n  - name: lookup_order\n    description: Look an order up\n    parameters: ${parameters}\n`,
    );
  const STRICT =
    '{type: object, properties: {order_id: {type: string, pattern: "^[0-9]+$"}}, required: [order_id], additionalProperties: false}';

  test("control: calls breaking the base's tool schema are blocked", async () => {
    const r = await runGate(
      deploy(TOOLS(STRICT, "tools-bad", 2), { "prompts/summarize/v1.yaml": TOOLS(STRICT, "tools-good", 1) }),
      { inputs: live() },
    );
    expect(r.status?.state).toBe("failure");
    expect(r.comment).toContain("valid\\_args");
  });

  test("a v2 loosening its own tool schema is still held to the base's schema", async () => {
    const r = await runGate(
      deploy(TOOLS("{type: object}", "tools-bad", 2), {
        "prompts/summarize/v1.yaml": TOOLS(STRICT, "tools-good", 1),
      }),
      { inputs: live() },
    );
    expect(r.status?.state).toBe("failure");
    expect(r.outputs.verdict).toBe("fail");
    expect(r.comment).toContain("valid\\_args");
    expect(r.comment).toMatch(/regress/i);
  });
});

describe("attack 8: unrelated prompts dilute α", () => {
  const TWO = `${BULLETS}  - name: has_o\n    type: contains\n    value: "o"\n`;
  const NAMES = Array.from({ length: 20 }, (_, i) => `other${String(i + 1).padStart(2, "0")}`);
  const other = (name: string, comment = ""): string =>
    `${comment}name: ${name}\nversion: 1\nmodel: gpt-4o-mini\nsystem: "Summarize as bullets. [good]"\ntemplate: "{text}"\neval_criteria:\n${TWO}`;
  const config = (v: number): string =>
    `environments:\n  production:\n    summarize: ${v}\n${NAMES.map((n) => `    ${n}: 1\n`).join("")}`;
  const base: Record<string, string> = {
    "prompts/config.yaml": config(1),
    "prompts/summarize/v1.yaml": prompt(1, "good", TWO),
    ...Object.fromEntries(
      NAMES.flatMap((n) => [
        [`prompts/${n}/v1.yaml`, other(n)],
        [`prompts/${n}/eval_set.jsonl`, evalSet(5)],
      ]),
    ),
  };
  const pr = (comment: boolean) =>
    track(
      gatePr(
        () => ({
          "prompts/summarize/v2.yaml": prompt(2, "drop8", TWO),
          "prompts/config.yaml": config(2),
          ...(comment
            ? Object.fromEntries(NAMES.map((n) => [`prompts/${n}/v1.yaml`, other(n, "# reviewed\n")]))
            : {}),
        }),
        base,
      ),
    );

  test("control: a 26.7-point drop fails on its own", async () => {
    const r = await runGate(pr(false), { inputs: live() });
    expect(r.status?.state).toBe("failure");
    expect(r.comment).toMatch(/bullets: dropped −26\.7 pts/);
  });

  test("the same drop beside a comment line added to 20 other prompts still fails", async () => {
    const r = await runGate(pr(true), { inputs: live() });
    expect(r.status?.state).toBe("failure");
    expect(r.outputs.verdict).toBe("fail");
    expect(r.comment).toMatch(/bullets: dropped −26\.7 pts/);
    expect(r.comment).toMatch(/Level: α 0\.01 for this prompt, shared by its 2 tested criteria/);
    // The 20 prompts send byte-identical requests: listed, not tested, not in any family.
    expect(r.comment).toMatch(/other01\*\*: its rendered requests are byte-identical/);
  });
});

describe("must_pass (issue 21)", () => {
  test("a must-pass example the challenger fails fails the gate, listed first, though the statistics pass", async () => {
    const set = evalSet(30).replace('{"id": "e002"', '{"must_pass": true, "id": "e002"');
    // Only story 2 is wrong: one example of 30 cannot fail the statistics.
    const r = await runGate(
      track(
        gatePr(
          () => ({
            "prompts/summarize/v2.yaml": prompt(2, "drop-one"),
            "prompts/config.yaml": CONFIG(2),
          }),
          { "prompts/summarize/eval_set.jsonl": set },
        ),
      ),
      { inputs: live() },
    );
    expect(r.status?.state).toBe("failure");
    expect(r.comment).toContain("must-pass example e002 failed");
    expect(r.comment).toMatch(/Must-pass examples failed \(1\)/);
  });
});
