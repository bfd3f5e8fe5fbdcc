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
 * For multi-line text shown verbatim (model outputs): an HTML <pre> block with
 * entities escaped, so backticks or fences inside the text cannot break out.
 */
export function escapeBlock(text: string, maxLength = 2000): string {
  let s = defuseCommands(text.replace(BIDI, "").replace(CONTROL, ""));
  if (s.length > maxLength) s = `${s.slice(0, maxLength - 1)}…`;
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
