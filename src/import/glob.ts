/** One entry of a folder of the config's tree, as the command's edge lists it (symlinks are neither). */
export interface DirEntry {
  name: string;
  file: boolean;
  dir: boolean;
}

/** Lists a folder given relative to the config's folder ("" is that folder); [] when there is none. */
export type ListDir = (dir: string) => Promise<DirEntry[]>;

/** The matching files, relative to the config's folder, or why the pattern cannot be expanded. */
export type GlobFiles = (pattern: string) => Promise<{ files: string[] } | { reason: string }>;

const MAGIC = /[*?[\]{}]/;
/** Beyond this many matches a pattern is surely not a list of test or prompt files. */
const MAX_MATCHES = 10_000;

export const isGlob = (path: string): boolean => MAGIC.test(path);

/** `{a,b}` alternatives expanded first, as the glob package does (nested braces too). */
export function expandBraces(pattern: string): string[] {
  let depth = 0;
  let start = -1;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === "\\") i++;
    else if (c === "{") {
      if (depth === 0) start = i;
      depth++;
    } else if (c === "}" && depth > 0) {
      depth--;
      if (depth === 0) {
        const body = pattern.slice(start + 1, i);
        const parts: string[] = [];
        let d = 0;
        let from = 0;
        for (let j = 0; j < body.length; j++) {
          const b = body[j];
          if (b === "\\") j++;
          else if (b === "{") d++;
          else if (b === "}") d--;
          else if (b === "," && d === 0) {
            parts.push(body.slice(from, j));
            from = j + 1;
          }
        }
        parts.push(body.slice(from));
        // `{a}` (no comma) is no alternative: kept as written, as the glob package does.
        if (parts.length < 2) continue;
        const head = pattern.slice(0, start);
        const tail = pattern.slice(i + 1);
        return parts.flatMap((p) => expandBraces(head + p + tail));
      }
    }
  }
  return [pattern];
}

/** One path segment's pattern (`*`, `?`, `[…]`, `[!…]`) as a regular expression. */
export function segmentRegExp(segment: string): RegExp {
  let out = "";
  for (let i = 0; i < segment.length; i++) {
    const c = segment[i] ?? "";
    if (c === "\\" && i + 1 < segment.length) out += escape(segment[++i] ?? "");
    else if (c === "*") out += "[^/]*";
    else if (c === "?") out += "[^/]";
    else if (c === "[") {
      const end = segment.indexOf("]", i + 2);
      if (end < 0) out += "\\[";
      else {
        let body = segment.slice(i + 1, end);
        const negate = body.startsWith("!") || body.startsWith("^");
        if (negate) body = body.slice(1);
        out += `[${negate ? "^" : ""}${body.replace(/[\\\]]/g, "\\$&")}]`;
        i = end;
      }
    } else out += escape(c);
  }
  try {
    return new RegExp(`^${out}$`, "u");
  } catch {
    // A class no regular expression takes ([z-a]): the glob package matches nothing with it either.
    return /(?!)/;
  }
}

const escape = (s: string): string => s.replace(/[\\^$.*+?()[\]{}|/]/g, "\\$&");

/**
 * Expands a glob relative to the config's folder as promptfoo's glob package (`globSync`) matches:
 * `*` and `?` within a name, `[…]`, `{a,b}`, `**` for any folders; names starting with a dot only
 * when the pattern's segment does. Symlinks are not followed. The glob package returns matches in
 * the order it reads folders, which the file system decides: here they are sorted by path, so an
 * import is the same on every machine. A pattern that leaves the folder (`..`, an absolute path) is
 * refused, as every file an import reads stays inside it.
 */
export function globber(list: ListDir): GlobFiles {
  return async (pattern) => {
    const segments = pattern.split("/").filter((s, i) => s !== "." && !(s === "" && i > 0));
    if (pattern.startsWith("/") || /^[A-Za-z]:/.test(pattern) || segments.includes(".."))
      return { reason: "reaches outside the config's folder; agentops reads only files inside it" };
    const found = new Set<string>();
    for (const alt of expandBraces(segments.join("/"))) {
      await walk(list, "", alt.split("/"), found);
      if (found.size > MAX_MATCHES) return { reason: `matches more than ${MAX_MATCHES} files` };
    }
    return { files: [...found].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)) };
  };
}

const join = (dir: string, name: string): string => (dir ? `${dir}/${name}` : name);

async function walk(list: ListDir, dir: string, segs: string[], found: Set<string>): Promise<void> {
  const [seg, ...rest] = segs;
  if (seg === undefined || found.size > MAX_MATCHES) return;
  if (seg === "**" && rest.length === 0) return walk(list, dir, ["**", "*"], found);
  if (seg === "**") {
    // Zero folders, then every folder below (not hidden ones), as globstar matches.
    await walk(list, dir, rest, found);
    for (const e of await list(dir))
      if (e.dir && !e.name.startsWith(".")) await walk(list, join(dir, e.name), segs, found);
    return;
  }
  const re = MAGIC.test(seg) ? segmentRegExp(seg) : undefined;
  for (const e of await list(dir)) {
    const hit = re ? re.test(e.name) && (!e.name.startsWith(".") || seg.startsWith(".")) : e.name === seg;
    if (!hit) continue;
    if (rest.length === 0) {
      if (e.file) found.add(join(dir, e.name));
    } else if (e.dir) await walk(list, join(dir, e.name), rest, found);
  }
}
