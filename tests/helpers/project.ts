import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

/** Writes a throwaway project from a path -> content map and returns its folder. */
export async function makeProject(files: Record<string, string>): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), "agentops-project-"));
  for (const [path, content] of Object.entries(files)) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), content);
  }
  return root;
}

export const SIMPLE_PROMPT = `name: greet
version: 1
model: test-model
template: "Say hello to {who}"
eval_criteria:
  - name: mentions-hello
    type: icontains
    value: hello
    threshold: 0.5
  - name: short
    type: length
    words: { max: 30 }
`;

export const SIMPLE_SET = [
  { id: "a", input: { who: "Ana" } },
  { id: "b", input: { who: "Bo" } },
  { id: "c", input: { who: "Cy" } },
]
  .map((e) => JSON.stringify(e))
  .join("\n");
