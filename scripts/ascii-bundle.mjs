// Rewrites the bundle files in a folder (dist for the Action, dist/cli for the CLI) to ASCII: every non-ASCII character
// becomes its \uXXXX escape. Node decodes an ASCII file as one-byte text and V8 scans it as such;
// one "…" or "—" anywhere makes the whole 2.5 MB chunk two-byte, which costs a quarter of the
// CLI's start-up (measured with valgrind: `eval` up to its first file read, 712 M instructions
// before, 530 M after). In strings, comments, identifiers and regular expressions the escape means
// the same character; an identity escape ("\é") becomes the one escape. The one place where it
// would not, a tagged template (whose raw text would change), fails the build instead.
//
//   node scripts/ascii-bundle.mjs dist && node scripts/ascii-bundle.mjs dist/cli
import { readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import ts from "typescript";

const NON_ASCII = /[^\x00-\x7f]/;

function refuseTaggedTemplates(file, text) {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, ts.ScriptKind.JS);
  const visit = (node) => {
    if (ts.isTaggedTemplateExpression(node) && NON_ASCII.test(node.template.getText(source))) {
      const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
      throw new Error(
        `${file}:${line + 1}: a tagged template holds non-ASCII text, whose raw form an escape would change`,
      );
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
}

const escape = (text) =>
  // A backslash already before the character (an identity escape, "\é") is the escape's own.
  text.replace(/(\\*)([^\x00-\x7f])/g, (_, slashes, c) => {
    const keep = slashes.length % 2 === 1 ? slashes.slice(1) : slashes;
    return `${keep}\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`;
  });

const dir = process.argv[2];
if (!dir) throw new Error("usage: node scripts/ascii-bundle.mjs <folder>");
for (const name of await readdir(dir)) {
  if (!name.endsWith(".js")) continue;
  const file = join(dir, name);
  const text = await readFile(file, "utf8");
  if (!NON_ASCII.test(text)) continue;
  refuseTaggedTemplates(file, text);
  await writeFile(file, escape(text));
}
