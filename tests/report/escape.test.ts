import { expect, test } from "vitest";
import { escapeBlock, escapeInline } from "../../src/report/escape.js";

test("inline text cannot break a table, open HTML, mention, link an issue or run a workflow command", () => {
  const s = escapeInline("a|b <img src=x> @everyone #123 `code` ::set-output name=x::y\nnext");
  expect(s).not.toMatch(/(?<!\\)\|/);
  expect(s).not.toContain("<img");
  expect(s).not.toMatch(/@everyone/);
  expect(s).not.toMatch(/#123/);
  expect(s).not.toMatch(/(?<!\\)`/);
  expect(s).not.toContain("\n");
  expect(s.startsWith("::")).toBe(false);
});

test("bidi overrides and control characters are removed", () => {
  expect(escapeInline("safe\u202Eevil\u0007")).toBe("safeevil");
});

test("long inline text is cut with an ellipsis", () => {
  expect(escapeInline("x".repeat(500), 10)).toBe(`${"x".repeat(9)}…`);
});

test("blocks keep newlines inside <pre> but escape HTML, so nothing breaks out", () => {
  const s = escapeBlock("line1\n</pre><script>x</script>\n```\n@octocat #5");
  expect(s.startsWith("<pre>")).toBe(true);
  expect(s.endsWith("</pre>")).toBe(true);
  expect(s.slice(5, -6)).not.toContain("<");
  expect(s).toContain("line1\n");
  expect(s).not.toMatch(/@octocat/);
  expect(s).not.toMatch(/#5/);
});
