import { describe, expect, test } from "vitest";
import fc from "fast-check";
import {
  codeSpan,
  escapeBlock,
  escapeCell,
  escapeInline,
  PRE_WIDTH,
  wrapLines,
} from "../../src/report/escape.js";

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

describe("code spans show their text as typed", () => {
  test("no markdown escape and no entity inside: escalate_to_human, a & b", () => {
    expect(codeSpan("escalate_to_human")).toBe("`escalate_to_human`");
    expect(codeSpan("a & b <c> *d* [e]")).toBe("`a & b <c> *d* [e]`");
  });
  test("a longer fence when the text holds backticks; padding where a backtick touches the fence", () => {
    expect(codeSpan("a`b")).toBe("``a`b``");
    expect(codeSpan("``x")).toBe("``` ``x ```");
    expect(codeSpan(" x ")).toBe("`  x  `");
  });
  test("in a table cell only the pipe is escaped (GFM takes \\| there and shows |)", () => {
    expect(codeSpan("a|b", { table: true })).toBe("`a\\|b`");
    expect(codeSpan("a|b")).toBe("`a|b`");
  });
  test("one line, no bidi overrides, cut with an ellipsis, never an empty span", () => {
    expect(codeSpan("a\nb\u202E")).toBe("`a ⏎ b`");
    expect(codeSpan("x".repeat(50), { maxLength: 10 })).toBe(`\`${"x".repeat(9)}…\``);
    expect(codeSpan("  ")).toBe("(empty)");
  });
  test("any text: the span is one code span whose content is the text (CommonMark's rules)", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom("a", "`", " ", "_", "&", "\\") }), (s) => {
        if (s.trim() === "") return;
        const span = codeSpan(s);
        const fence = /^`+/.exec(span)?.[0] ?? "";
        expect(span.endsWith(fence)).toBe(true);
        let inner = span.slice(fence.length, span.length - fence.length);
        // No run of backticks inside is as long as the fence, so nothing closes it early.
        expect([...inner.matchAll(/`+/g)].every((m) => m[0].length !== fence.length)).toBe(true);
        if (inner.startsWith(" ") && inner.endsWith(" ") && inner.trim() !== "") inner = inner.slice(1, -1);
        expect(inner).toBe(s);
      }),
    );
  });
});

describe("<pre> lines wrap to the comment's width", () => {
  test("long lines break at a space, continuations marked; short lines are left alone", () => {
    const line = `1. lookup_order({"order_id":"A-1"}) → ${"word ".repeat(40)}`;
    const wrapped = wrapLines(line);
    for (const l of wrapped.split("\n")) expect(Array.from(l).length).toBeLessThanOrEqual(PRE_WIDTH);
    expect(wrapped.split("\n")[1]?.startsWith("  ↪ ")).toBe(true);
    expect(wrapLines("short\nlines")).toBe("short\nlines");
  });
  test("a line without spaces is cut mid-word, and nothing is lost", () => {
    const s = "x".repeat(300);
    const wrapped = wrapLines(s, 80);
    expect(wrapped.replace(/\n {2}↪ /g, "")).toBe(s);
  });
});
