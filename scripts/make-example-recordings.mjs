// Builds prompts-example/recordings/*.jsonl from the authored outputs in
// prompts-example/recordings-src/. Recordings are content-addressed (sha256 of
// the exact request), so rerun this after editing a prompt or an eval set:
//
//   npx tsc -p tsconfig.build.json && npx node scripts/make-example-recordings.mjs
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { loadEvalSet, loadPromptFile } from "../lib/config/load.js";
import { listVersions } from "../lib/config/project.js";
import { buildRequest } from "../lib/engine/build-request.js";
import { estimateTokens } from "../lib/engine/providers/mock.js";
import { requestKey } from "../lib/engine/request.js";

const root = new URL("../prompts-example/", import.meta.url).pathname;
const promptsDir = join(root, "prompts");
const srcDir = join(root, "recordings-src");
const outDir = join(root, "recordings");
await mkdir(outDir, { recursive: true });

for (const name of (await readdir(promptsDir, { withFileTypes: true }))
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort()) {
  const evalSet = await loadEvalSet(join(promptsDir, name, "eval_set.jsonl"));
  for (const [version, file] of [...(await listVersions(join(promptsDir, name)))].sort(
    (a, b) => a[0] - b[0],
  )) {
    const prompt = await loadPromptFile(file);
    const srcFile = join(srcDir, `${name}.v${version}.jsonl`);
    const authored = new Map(
      (await readFile(srcFile, "utf8"))
        .split("\n")
        .filter((l) => l.trim())
        .map((l) => JSON.parse(l))
        .map((e) => [e.example, e]),
    );
    const lines = evalSet.examples.map((example) => {
      const a = authored.get(example.id);
      if (!a) throw new Error(`${srcFile}: no authored output for example ${example.id}`);
      const request = buildRequest(prompt.data, example);
      return JSON.stringify({
        key: requestKey(request, 0),
        prompt: name,
        version,
        example: example.id,
        model: request.model,
        output: a.output,
        usage: {
          prompt_tokens: request.messages.reduce((n, m) => n + estimateTokens(m.content), 0),
          completion_tokens: estimateTokens(a.output),
        },
        latency_ms: a.latency_ms,
      });
    });
    await writeFile(join(outDir, `${name}.v${version}.jsonl`), lines.join("\n") + "\n");
    console.log(`${name} v${version}: ${lines.length} recordings`);
  }
}
