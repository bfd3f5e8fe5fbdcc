import { isMap, isSeq, LineCounter, parseDocument, type Document, type Node } from "yaml";
import { UserError } from "../errors.js";

export interface ParsedYaml {
  value: unknown;
  /** 1-based line of the node at a zod-style path, or of the nearest ancestor that exists. */
  lineOf: (path: readonly PropertyKey[]) => number | undefined;
}

/**
 * Parses YAML with the core schema only (no custom tags such as !!js/function),
 * a low alias budget against "billion laughs" documents, and duplicate keys refused.
 */
export function parseYaml(text: string, file: string): ParsedYaml {
  const lineCounter = new LineCounter();
  const doc: Document = parseDocument(text, {
    lineCounter,
    schema: "core",
    customTags: [],
    uniqueKeys: true,
    prettyErrors: false,
    strict: true,
  });
  // Warnings include unresolved tags such as !!js/function: refuse them rather than guess.
  const first = doc.errors[0] ?? doc.warnings[0];
  if (first) {
    const line = lineCounter.linePos(first.pos[0]).line;
    throw new UserError(
      `invalid YAML: ${first.message.split("\n")[0] ?? first.message}`,
      { file, ...(line ? { line } : {}) },
      "fix the YAML syntax at that line",
    );
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    throw new UserError(
      `YAML could not be expanded: ${e instanceof Error ? e.message : String(e)}`,
      { file },
      "remove excessive aliases (*name) from the file",
    );
  }
  const lineOf = (path: readonly PropertyKey[]): number | undefined => {
    let node: unknown = doc.contents;
    let found: Node | undefined = isNodeWithRange(node) ? node : undefined;
    for (const key of path) {
      if (isMap(node) || isSeq(node)) {
        const next: unknown = node.get(typeof key === "number" ? key : String(key), true);
        if (!isNodeWithRange(next)) break;
        node = next;
        found = next;
      } else break;
    }
    const offset = found?.range?.[0];
    return offset === undefined ? undefined : lineCounter.linePos(offset).line;
  };
  return { value, lineOf };
}

function isNodeWithRange(n: unknown): n is Node {
  return typeof n === "object" && n !== null && "range" in n;
}
