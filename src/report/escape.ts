/**
 * Model output and PR text end up in markdown that GitHub renders. These
 * helpers make such text inert: no table breaks, no HTML, no mentions or
 * issue links that notify people, no workflow commands in logs.
 */

const BIDI = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/g;
// eslint-disable-next-line no-control-regex -- stripping control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

/**
 * A report line that began with "/agentops" would read as a command (it did to
 * the command parser once). A zero-width space after the slash, wherever such
 * text starts a line, keeps it readable and never a command; mid-line it stays
 * as written, so a hint a reader copies still works. Run after invisible
 * characters are stripped, so "/\u202Aagentops" cannot become a command.
 */
const COMMAND_AT_LINE_START = /^(\s*)\/(?=agentops)/gim;
export function defuseCommands(text: string): string {
  return text.replace(COMMAND_AT_LINE_START, "$1/\u200B");
}

/** For text inside a markdown table cell or a heading: one line, no markup. */
export function escapeInline(text: string, maxLength = 200): string {
  let s = defuseCommands(text.replace(BIDI, "").replace(CONTROL, "")).replace(/\s*\r?\n\s*/g, " ⏎ ");
  if (s.length > maxLength) s = `${s.slice(0, maxLength - 1)}…`;
  return s
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/([\\`*_[\]|~!])/g, "\\$1")
    .replace(/@(?=[A-Za-z0-9])/g, "@\u200B")
    .replace(/#(?=\d)/g, "#\u200B")
    .replace(/^::/, ":\u200B:");
}

const BLOCK_ENTITY: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  "@": "@&#8203;",
  "#": "#&#8203;",
  "::": ":&#8203;:",
};

/**
 * Text inside a code span: markdown escapes and entities show literally there
 * (`a\\_b`, `&amp;amp;`), so the text goes in as it is and the fence is one backtick
 * longer than the longest run of backticks in it. In a table cell `|` still ends the
 * cell even inside a code span; GFM takes `\\|` there and shows a bare `|`, so only
 * `table` cells get that one escape. Mentions and issue references are not linked
 * inside code, and the span starts mid-line, so no workflow command can start it.
 */
export function codeSpan(text: string, opts: { maxLength?: number; table?: boolean } = {}): string {
  const maxLength = opts.maxLength ?? 200;
  let s = text
    .replace(BIDI, "")
    .replace(CONTROL, "")
    .replace(/\s*\r?\n\s*/g, " ⏎ ");
  if (s.length > maxLength) s = `${s.slice(0, maxLength - 1)}…`;
  if (s.trim() === "") return "(empty)";
  if (opts.table) s = s.replace(/\|/g, "\\|");
  const longest = Math.max(0, ...[...s.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = "`".repeat(longest + 1);
  // CommonMark strips one space from each end when both have one, and a backtick at an end would join the fence.
  const pad = /^`|`$/.test(s) || (s.startsWith(" ") && s.endsWith(" ")) ? " " : "";
  return `${fence}${pad}${s}${pad}${fence}`;
}

/** A <pre> line longer than this runs past GitHub's 780 px comment column (monospace at 85%, with padding). */
export const PRE_WIDTH = 84;

/**
 * Lines longer than `width` broken at a space where one is near the end (else mid-word),
 * each continuation indented and marked "↪", so a <pre> block never scrolls sideways
 * (GitHub's sanitizer drops the style a wrapping <pre> would need).
 */
export function wrapLines(text: string, width = PRE_WIDTH): string {
  const out: string[] = [];
  for (const line of text.split("\n")) {
    let rest = Array.from(line);
    let prefix = "";
    while (prefix.length + rest.length > width) {
      const room = width - prefix.length;
      const space = rest.lastIndexOf(" ", room);
      const cut = space > room / 2 ? space + 1 : room;
      out.push(prefix + rest.slice(0, cut).join("").trimEnd());
      rest = rest.slice(cut);
      prefix = "  ↪ ";
    }
    out.push(prefix + rest.join(""));
  }
  return out.join("\n");
}

/**
 * For multi-line text shown verbatim (model outputs): an HTML <pre> block with
 * entities escaped, so backticks or fences inside the text cannot break out, and
 * lines wrapped to the comment's width (wrapLines).
 */
export function escapeBlock(text: string, maxLength = 2000, width = PRE_WIDTH): string {
  let s = defuseCommands(text.replace(BIDI, "").replace(CONTROL, ""));
  if (s.length > maxLength) s = `${s.slice(0, maxLength - 1)}…`;
  s = wrapLines(s, width);
  // One pass: chained replaces would rewrite the entities earlier ones insert
  // ("@" → "@&#8203;", whose "#8" the issue-link rule then breaks into "&#&#8203;8203;").
  const body = s.replace(/[&<>]|@(?=[A-Za-z0-9])|#(?=\d)|^::/gm, (m) => BLOCK_ENTITY[m] ?? m);
  return `<pre>${body}</pre>`;
}

/**
 * For text inside an HTML table cell (side-by-side examples): entities escaped as in
 * escapeBlock, newlines as <br> so long lines wrap and the HTML block has no blank
 * line (which would end it and let markdown in), leading spaces kept as &nbsp;.
 */
export function escapeCell(text: string, maxLength = 1000): string {
  let s = defuseCommands(text.replace(BIDI, "").replace(CONTROL, ""));
  if (s.length > maxLength) s = `${s.slice(0, maxLength - 1)}…`;
  return s
    .split(/\r?\n/)
    .map((line) =>
      line
        .replace(/[&<>]|@(?=[A-Za-z0-9])|#(?=\d)|^::/g, (m) => BLOCK_ENTITY[m] ?? m)
        .replace(/^ +/, (sp) => "&nbsp;".repeat(sp.length))
        .replace(/\t/g, "&nbsp;&nbsp;"),
    )
    .join("<br>");
}
