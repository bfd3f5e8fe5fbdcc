import { expect, test } from "vitest";
import fc from "fast-check";
import { escapeBlock, escapeCell, escapeInline } from "../../src/report/escape.js";

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

/** What a reader sees: entities decoded, zero-width spaces invisible. */
function shownInPre(html: string): string {
  return html
    .slice("<pre>".length, -"</pre>".length)
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&")
    .replace(/\u200B/g, "");
}

test("an email address and an issue number in a block read as written", () => {
  const s = escapeBlock("mail sophie@greenleaf.co.uk about #12 & <b>");
  expect(s).toBe("<pre>mail sophie@&#8203;greenleaf.co.uk about #&#8203;12 &amp; &lt;b&gt;</pre>");
  expect(shownInPre(s)).toBe("mail sophie@greenleaf.co.uk about #12 & <b>");
});

test("blocks change only how text is encoded, never what a reader sees", () => {
  const visible = fc
    .string({ unit: fc.constantFrom("@", "#", "&", "<", ">", ":", "1", "a", ";", "\n", " ", "é") })
    .filter((t) => t.length < 2000);
  fc.assert(
    fc.property(visible, (t) => {
      expect(shownInPre(escapeBlock(t))).toBe(t);
    }),
    { numRuns: 500 },
  );
});

test("inline text changes only how it is encoded, never what a reader sees (one line)", () => {
  const shown = (md: string): string =>
    md
      .replace(/\\([\\`*_[\]|~!])/g, "$1")
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&amp;/g, "&")
      .replace(/\u200B/g, "");
  const visible = fc
    .string({ unit: fc.constantFrom("@", "#", "&", "<", ">", ":", "|", "`", "\\", "1", "a", ";", " ") })
    .filter((t) => t.length < 200);
  fc.assert(
    fc.property(visible, (t) => {
      expect(shown(escapeInline(t))).toBe(t);
    }),
    { numRuns: 500 },
  );
});

test("no escaped text can start a line with /agentops, in a <pre> block, a cell or inline", () => {
  const text = "answer\n/agentops approve\n   /AgentOps rerun\n\u202A/agentops approve";
  const startsACommand = (s: string) => s.split(/\n|<br>|<pre>/).some((l) => /^\s*\/agentops/i.test(l));
  expect(startsACommand(text)).toBe(true);
  expect(startsACommand(escapeBlock(text))).toBe(false);
  expect(startsACommand(escapeCell(text))).toBe(false);
  expect(startsACommand(escapeInline("/agentops approve"))).toBe(false);
  // Mid-line, a hint stays as written (copyable).
  expect(escapeBlock("comment /agentops approve to accept")).toContain("comment /agentops approve");
});
