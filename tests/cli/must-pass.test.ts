// Issue 21: `agentops eval` exits 1 when a must_pass example fails, whatever the averages say.
import { expect, test } from "vitest";
import { cli } from "../helpers/cli.js";
import { makeProject } from "../helpers/project.js";

const PROMPT = `name: greet
version: 1
model: test-model
template: "Say hello to {who}"
eval_criteria:
  - name: names-ana
    type: icontains
    value: ana
`;
const set = (mustPass: string): string =>
  ["a", "b", "c"]
    .map((id, i) =>
      JSON.stringify({
        id,
        input: { who: ["Ana", "Bo", "Ana Cy"][i] },
        ...(id === mustPass ? { must_pass: true } : {}),
      }),
    )
    .join("\n");

test("eval passes with no threshold, and exits 1 naming the must-pass example it fails", async () => {
  const plain = await makeProject({
    "prompts/greet/v1.yaml": PROMPT,
    "prompts/greet/eval_set.jsonl": set(""),
  });
  expect((await cli(["eval", "prompts/greet", "--provider", "mock"], { cwd: plain })).code).toBe(0);

  const marked = await makeProject({
    "prompts/greet/v1.yaml": PROMPT,
    "prompts/greet/eval_set.jsonl": set("b"),
  });
  const r = await cli(["eval", "prompts/greet", "--provider", "mock"], { cwd: marked });
  expect(r.code).toBe(1);
  expect(r.stderr + r.stdout).toContain("greet v1: must-pass example b failed");

  // A must-pass example that passes changes nothing.
  const passing = await makeProject({
    "prompts/greet/v1.yaml": PROMPT,
    "prompts/greet/eval_set.jsonl": set("a"),
  });
  expect((await cli(["eval", "prompts/greet", "--provider", "mock"], { cwd: passing })).code).toBe(0);
});
