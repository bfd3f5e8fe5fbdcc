// Builds prompts-example/recordings/<prompt>.v<N>.jsonl, the recorded model answers
// the offline demo replays, from the hand-written answers in
// prompts-example/recordings-src/<prompt>.v<N>.jsonl (one line per example:
// {"example": "<id>", "output": "...", "latency_ms": 900}).
//
// A prompt with model-scored criteria gets their answers recorded too, so the demo
// shows them offline:
//   - llm_judge: the judge's verdict on the output. Default {"score": 5}; a line
//     sets another with "judge": {"<criterion>": {"score": 4, "reason": "..."}}.
//   - safety: the moderation verdict, as the mock provider gives it (flagged only
//     for an "[unsafe]" marker in the output; see src/engine/providers/mock-models.ts).
//   - similarity with method: embedding: the embeddings of the output and of the
//     expected text, the mock's hashed bag of words (not semantic, but texts sharing
//     words score higher; a live endpoint gives real ones).
// Judge and embedding models are read as the run reads them: the criterion's, else
// the project config's (judge_model, moderation_model, embedding_model), else the default.
//
// Recordings are content-addressed: the replay provider looks an answer up by
// the sha256 of the exact request (model, messages, temperature, max_tokens).
// Editing a prompt file or an eval set changes those requests, so RERUN THIS
// SCRIPT AFTER EDITING A PROMPT OR AN EVAL SET, or the demo reports "no recorded
// response" for every example whose request changed:
//
//   npx tsc -p tsconfig.build.json && npx node scripts/make-example-recordings.mjs
//
// It imports the compiled project from lib/ (hence the tsc step) so keys are
// computed by the same code that looks them up. The output is deterministic:
// eval-set order, no timestamps, token counts estimated as ceil(characters / 4).
// An agent (a prompt with tools) records one answer per step. Its lines carry "steps": a list of
// steps, each the list of {"name", "arguments"} calls the model makes in that step; the final
// "output" is the answer after the last step. The script runs the agent loop itself
// (src/agent/loop.ts), so each step's request, with the fixtures' results, is keyed exactly as
// a run will look it up.
// An optional argument names another example folder (default: prompts-example).
import { readdir, readFile, writeFile, mkdir } from "node:fs/promises";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { checkEvalSetFitsPrompt, loadEvalSet, loadPromptFile } from "../lib/config/load.js";
import { runSteps } from "../lib/agent/loop.js";
import { buildRequest } from "../lib/engine/build-request.js";
import { requestKey } from "../lib/engine/request.js";
import { buildJudgeRequest, judgeModelOf } from "../lib/engine/judge.js";
import { embeddingKey, moderationKey } from "../lib/engine/providers/keys.js";
import { mockEmbedding, mockModeration } from "../lib/engine/providers/mock-models.js";
import {
  DEFAULT_EMBEDDING_MODEL,
  embeddedText,
  referenceText,
} from "../lib/engine/scorers/model-criteria.js";
import { DEFAULT_MODERATION_MODEL } from "../lib/engine/scorers/safety.js";
import { ProjectConfig } from "../lib/config/schema.js";
import { parseYaml } from "../lib/config/yaml.js";

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const root = resolve(process.argv[2] ?? join(repoRoot, "prompts-example"));
const promptsDir = join(root, "prompts");
const srcDir = join(root, "recordings-src");
const outDir = join(root, "recordings");

const estimateTokens = (chars) => Math.ceil(chars / 4);
const show = (file) => relative(process.cwd(), file) || file;

function fail(message) {
  console.error(`make-example-recordings: ${message}`);
  process.exit(1);
}

/** recordings-src lines, keyed by example id; every line must be complete and unique. */
async function readAuthored(file) {
  let text;
  try {
    text = await readFile(file, "utf8");
  } catch {
    fail(`${show(file)} is missing: write one {"example", "output", "latency_ms"} line per example`);
  }
  const byId = new Map();
  text.split(/\r?\n/).forEach((raw, i) => {
    if (raw.trim() === "") return;
    const where = `${show(file)}:${i + 1}`;
    let entry;
    try {
      entry = JSON.parse(raw);
    } catch (e) {
      fail(`${where}: not valid JSON (${e.message})`);
    }
    if (typeof entry?.example !== "string" || entry.example === "") fail(`${where}: "example" must be an id`);
    if (typeof entry.output !== "string") fail(`${where}: "output" must be a string`);
    if (!Number.isInteger(entry.latency_ms) || entry.latency_ms < 0)
      fail(`${where}: "latency_ms" must be a non-negative integer`);
    if (entry.judge !== undefined) {
      for (const [name, v] of Object.entries(entry.judge ?? {})) {
        if (!Number.isInteger(v?.score) || v.score < 1 || v.score > 5)
          fail(`${where}: judge.${name}.score must be an integer from 1 to 5`);
      }
    }
    if (entry.steps !== undefined) {
      const ok =
        Array.isArray(entry.steps) &&
        entry.steps.every(
          (calls) =>
            Array.isArray(calls) &&
            calls.length > 0 &&
            calls.every((c) => typeof c?.name === "string" && typeof c.arguments === "object"),
        );
      if (!ok) fail(`${where}: "steps" must be a list of non-empty lists of {"name", "arguments"} calls`);
    }
    if (byId.has(entry.example)) fail(`${where}: a second output for example "${entry.example}"`);
    byId.set(entry.example, entry);
  });
  return byId;
}

async function versionFiles(dir) {
  return (await readdir(dir))
    .map((name) => ({ name, m: /^v(\d+)\.ya?ml$/.exec(name) }))
    .filter((f) => f.m)
    .map((f) => ({ version: Number(f.m[1]), file: join(dir, f.name) }))
    .sort((a, b) => a.version - b.version);
}

async function readConfig() {
  const file = join(promptsDir, "config.yaml");
  const text = await readFile(file, "utf8").catch(() => undefined);
  return text === undefined ? {} : ProjectConfig.parse(parseYaml(text, file).value ?? {});
}

/** Judge, moderation and embedding answers for one example's output, deterministic. */
function modelRecordings(prompt, example, output, config, authored, where) {
  const lines = [];
  for (const c of prompt.data.eval_criteria) {
    if (c.type === "llm_judge") {
      if (c.rubric_file !== undefined) fail(`${where}: rubric_file criteria are not recorded by this script`);
      const model = judgeModelOf(c, config.judge_model, prompt.data.model);
      const judgeCase = {
        input: example.input,
        ...(example.expected !== undefined ? { expected: example.expected } : {}),
        output,
      };
      const request = buildJudgeRequest(c, model, judgeCase);
      const verdict = authored.judge?.[c.name] ?? { score: 5, reason: "covers what was asked" };
      const reply = JSON.stringify({ score: verdict.score, reason: verdict.reason ?? "" });
      const promptChars = request.messages.reduce((n, m) => n + m.content.length, 0);
      lines.push({
        key: requestKey(request, 0),
        prompt: prompt.data.name,
        version: prompt.data.version,
        example: example.id,
        model,
        output: reply,
        usage: {
          prompt_tokens: estimateTokens(promptChars),
          completion_tokens: estimateTokens(reply.length),
        },
        latency_ms: 400,
      });
    } else if (c.type === "safety") {
      const model = c.model ?? config.moderation_model ?? DEFAULT_MODERATION_MODEL;
      const m = mockModeration({ model, input: output });
      lines.push({
        key: moderationKey(model, output),
        kind: "moderation",
        model,
        flagged: m.flagged,
        categories: m.categories,
        category_scores: m.scores,
        latency_ms: 120,
      });
    } else if (c.type === "similarity" && c.method === "embedding") {
      const model = c.model ?? config.embedding_model ?? DEFAULT_EMBEDDING_MODEL;
      const texts = [
        output,
        ...(example.expected !== undefined ? [referenceText(example.expected)] : []),
      ].map(embeddedText);
      for (const text of texts) {
        lines.push({
          key: embeddingKey(model, text),
          kind: "embedding",
          model,
          embedding: mockEmbedding(text),
          tokens: estimateTokens(text.length),
          latency_ms: 80,
        });
      }
    }
  }
  return lines;
}

/**
 * One recording per step of an agent: the loop runs against the authored steps, so every
 * step's request (the conversation with the fixtures' results so far) is the run's own.
 */
async function agentRecordings(prompt, example, request, authored, where) {
  const steps = authored.steps ?? [];
  const maxSteps = prompt.data.max_steps ?? 1;
  if (steps.length >= maxSteps)
    fail(`${where}: ${steps.length} tool steps leave no step for the answer (max_steps ${maxSteps})`);
  const lines = [];
  const latency = Math.round(authored.latency_ms / (steps.length + 1));
  const scripted = {
    id: "authored",
    complete(req) {
      const i = lines.length;
      const calls = (steps[i] ?? []).map((c, j) => ({
        id: `call_${j + 1}`,
        name: c.name,
        arguments: JSON.stringify(c.arguments),
      }));
      const output = i < steps.length ? "" : authored.output;
      const promptChars = req.messages.reduce((n, m) => n + m.content.length, 0);
      const usage = {
        prompt_tokens: estimateTokens(promptChars),
        completion_tokens: estimateTokens(
          output.length + JSON.stringify(calls).length * (calls.length > 0 ? 1 : 0),
        ),
      };
      lines.push({
        key: requestKey(req, 0),
        prompt: prompt.data.name,
        version: prompt.data.version,
        example: example.id,
        model: req.model,
        output,
        usage,
        latency_ms: latency,
        ...(calls.length > 0 ? { tool_calls: calls } : {}),
      });
      return Promise.resolve({
        text: output,
        usage,
        latencyMs: latency,
        cached: false,
        ...(calls.length > 0 ? { toolCalls: calls } : {}),
      });
    },
  };
  await runSteps(scripted, request, { maxSteps, fixtures: example.tool_results ?? [] });
  if (lines.length !== steps.length + 1)
    fail(`${where}: the loop made ${lines.length} calls for ${steps.length} authored steps`);
  return lines;
}

async function main() {
  const config = await readConfig();
  const entries = await readdir(promptsDir, { withFileTypes: true }).catch(() =>
    fail(`${show(promptsDir)} not found: pass the example folder (one holding prompts/ and recordings-src/)`),
  );
  const promptNames = entries
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
  if (promptNames.length === 0) fail(`no prompt folders in ${show(promptsDir)}`);
  // Everything is checked before anything is written, so a failed run leaves the old files alone.
  const files = new Map();
  for (const name of promptNames) {
    for (const { version, file } of await versionFiles(join(promptsDir, name))) {
      const prompt = await loadPromptFile(file);
      if (prompt.data.name !== name || prompt.data.version !== version)
        fail(`${show(file)} says name "${prompt.data.name}", version ${prompt.data.version}`);
      if ((prompt.data.repeats ?? 1) !== 1)
        fail(`${show(file)}: repeats > 1 needs one recording per repeat, which this script does not author`);
      const evalSetFile = prompt.data.eval_set
        ? resolve(dirname(file), prompt.data.eval_set)
        : join(dirname(file), "eval_set.jsonl");
      const evalSet = await loadEvalSet(evalSetFile);
      checkEvalSetFitsPrompt(prompt, evalSet);

      const srcFile = join(srcDir, `${name}.v${version}.jsonl`);
      const authored = await readAuthored(srcFile);
      const missing = evalSet.examples.filter((ex) => !authored.has(ex.id)).map((ex) => ex.id);
      if (missing.length > 0)
        fail(`${show(srcFile)} has no output for ${missing.length} example(s): ${missing.join(", ")}`);
      const ids = new Set(evalSet.examples.map((ex) => ex.id));
      const stale = [...authored.keys()].filter((id) => !ids.has(id));
      if (stale.length > 0)
        fail(`${show(srcFile)} has outputs for examples not in the eval set: ${stale.join(", ")}`);

      const agentLines = new Map();
      for (const example of evalSet.examples) {
        const entry = authored.get(example.id);
        if (!prompt.data.tools) {
          if (entry.steps !== undefined)
            fail(`${show(srcFile)} (${example.id}): "steps" is for prompts with tools`);
          continue;
        }
        const request = buildRequest(prompt.data, example, evalSetFile);
        agentLines.set(
          example.id,
          await agentRecordings(prompt, example, request, entry, `${show(srcFile)} (${example.id})`),
        );
      }
      const seen = new Set();
      const lines = evalSet.examples.flatMap((example) => {
        const entry = authored.get(example.id);
        const { output, latency_ms } = entry;
        const request = buildRequest(prompt.data, example, evalSetFile);
        const promptChars = request.messages.reduce((n, m) => n + m.content.length, 0);
        const chat = {
          key: requestKey(request, 0),
          prompt: name,
          version,
          example: example.id,
          model: request.model,
          output,
          usage: {
            prompt_tokens: estimateTokens(promptChars),
            completion_tokens: estimateTokens(output.length),
          },
          latency_ms,
        };
        const extra = modelRecordings(
          prompt,
          example,
          output,
          config,
          entry,
          `${show(srcFile)} (${example.id})`,
        );
        // One line per key: an expected text shared by examples is recorded once.
        return [...(agentLines.get(example.id) ?? [chat]), ...extra]
          .filter((l) => !seen.has(l.key) && seen.add(l.key))
          .map((l) => JSON.stringify(l));
      });
      files.set(`${name}.v${version}.jsonl`, lines);
    }
  }

  // A recordings file nobody regenerates (a deleted prompt or version) would go stale silently.
  const leftovers = (await readdir(outDir).catch(() => [])).filter(
    (n) => n.endsWith(".jsonl") && !files.has(n),
  );
  if (leftovers.length > 0)
    fail(
      `${show(outDir)} holds recordings no prompt version produced: ${leftovers.join(", ")} (delete them)`,
    );

  await mkdir(outDir, { recursive: true });
  for (const [file, lines] of files) {
    await writeFile(join(outDir, file), lines.join("\n") + "\n");
    console.log(`${show(join(outDir, file))}: ${lines.length} recordings`);
  }
}

try {
  await main();
} catch (e) {
  // A UserError from the loaders names the file, line and field; print it as such.
  if (typeof e?.format === "function") fail(e.format());
  throw e;
}
