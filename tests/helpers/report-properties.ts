/**
 * What a reviewer must see in a rendered report, checked on its markdown: the properties the golden
 * files must keep whatever their bytes (issue 23). Each check returns the offending lines, so a
 * failure says where.
 */
import { PRE_WIDTH } from "../../src/report/escape.js";

/** The markdown outside <pre> blocks and ``` fences, with each line's number. */
function proseLines(md: string): { line: string; n: number }[] {
  const out: { line: string; n: number }[] = [];
  let inPre = false;
  let inFence = false;
  md.split("\n").forEach((line, i) => {
    if (/^```/.test(line)) inFence = !inFence;
    else if (!inFence && !inPre && line.includes("<pre>")) inPre = !line.includes("</pre>");
    else if (inPre && line.includes("</pre>")) inPre = false;
    else if (!inFence && !inPre) out.push({ line, n: i + 1 });
  });
  return out;
}

/** Code spans whose text would show a markdown escape or an entity literally (a `\|` in a table row is GFM's own). */
export function escapedCodeSpans(md: string): string[] {
  const bad: string[] = [];
  for (const { line, n } of proseLines(md)) {
    if (line.startsWith("<")) continue; // an HTML block: backticks there are text
    const inTable = line.startsWith("|");
    for (const m of line.matchAll(/(?<!`)(`+)(?!`)(.+?)(?<!`)\1(?!`)/g)) {
      const text = inTable ? (m[2] ?? "").replace(/\\\|/g, "|") : (m[2] ?? "");
      if (/\\[!-/:-@[-`{-~]|&(?:[a-z]+|#\d+|#x[0-9a-f]+);/i.test(text)) bad.push(`${n}: ${m[0]}`);
    }
  }
  return bad;
}

/** The line under the headline: what unblocks the verdict, with links to the run and its artifacts. */
export function nextStepUnderHeadline(md: string): boolean {
  const lines = md.split("\n");
  return (
    /^## .* agentops: /.test(lines[0] ?? "") &&
    /^\*\*.+\*\*$/.test(lines[2] ?? "") &&
    /^\*\*Next:\*\* .*\/agentops approve.*\]\(https?:\/\/\S+\/actions\/runs\/\d+\).*\]\(https?:\/\/\S+\/actions\/runs\/\d+#artifacts\)/.test(
      lines[4] ?? "",
    )
  );
}

/** Edit lines of the gate-change section that are not `field: old → new`. */
export function gateChangesWithoutValues(md: string): string[] {
  const section = /^### 🔐 Gate changes[^\n]*\n([\s\S]*?)(?=^### |^<sub>|(?![\s\S]))/m.exec(md)?.[1] ?? "";
  return section
    .split("\n")
    .filter((l) => l.startsWith("  - ") && !l.startsWith("  - … and"))
    .filter((l) => !/^ {2}- `+[\w.-]+: .+ → .+`+$/.test(l));
}

/** Charts whose criterion did not fail in their prompt's section (each chart names its criterion in its title). */
export function chartsOfPassingCriteria(md: string): string[] {
  const bad: string[] = [];
  for (const section of md.split(/^(?=### )/m)) {
    const failing = new Set(
      [...section.matchAll(/^\| ([^|]+?)(?: \(min \d+%\))? +\|.*\| ❌ [^|]*\|/gm)].map((m) =>
        (m[1] ?? "").replace(/\\(.)/g, "$1"),
      ),
    );
    for (const m of section.matchAll(/^ {4}title "(.+?) by category/gm))
      if (!failing.has(m[1] ?? "")) bad.push(m[1] ?? "");
  }
  return bad;
}

/** <pre> lines, as shown (entities decoded), longer than fits the 780 px comment column. */
export function widePreLines(md: string): string[] {
  const bad: string[] = [];
  for (const m of md.matchAll(/<pre>([\s\S]*?)<\/pre>/g))
    for (const line of (m[1] ?? "").split("\n")) {
      const shown = line
        .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
        .replace(/&lt;/g, "<")
        .replace(/&gt;/g, ">")
        .replace(/&amp;/g, "&")
        .replace(/\u200B/g, "");
      if (Array.from(shown).length > PRE_WIDTH) bad.push(shown);
    }
  return bad;
}

/** Headings of passing prompts not folded in a <details> although the report fails. */
export function unfoldedPassingPrompts(md: string): string[] {
  if (/^## ✅/.test(md)) return [];
  const lines = md.split("\n");
  return lines.filter((l, i) => {
    if (!/^### .* — pass$/.test(l)) return false;
    const before = lines.slice(0, i).filter((x) => x.trim() !== "");
    return !/^<details><summary>✅ /.test(before.at(-1) ?? "");
  });
}
