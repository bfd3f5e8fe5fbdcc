import { lstat, readFile, realpath } from "node:fs/promises";
import { UserError } from "../errors.js";

/** Prompt files, configs and rubrics are small; anything larger is almost certainly a mistake. */
export const MAX_CONFIG_BYTES = 1024 * 1024;
/** Eval sets can be large (10,000 examples), but not unbounded. */
export const MAX_EVAL_SET_BYTES = 64 * 1024 * 1024;

const utf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * Reads a user file as UTF-8 with a size cap. Symlinks are refused so that a
 * config cannot point the tool at files outside the repository (e.g. /proc/self/environ).
 */
export async function readUserFile(path: string, maxBytes: number = MAX_CONFIG_BYTES): Promise<string> {
  const bytes = await readCheckedBytes(path, maxBytes);
  try {
    return stripBom(utf8.decode(bytes));
  } catch {
    throw new UserError("is not valid UTF-8 text", { file: path }, "save the file as UTF-8");
  }
}

/** A user's binary file (an image, audio) as base64, with readUserFile's checks. */
export async function readUserFileBase64(path: string, maxBytes: number): Promise<string> {
  return (await readCheckedBytes(path, maxBytes)).toString("base64");
}

async function readCheckedBytes(path: string, maxBytes: number): Promise<Buffer> {
  let stat;
  try {
    stat = await lstat(path);
  } catch {
    throw new UserError(
      "file not found",
      { file: path },
      "check the path, relative to the current directory",
    );
  }
  if (stat.isSymbolicLink()) {
    throw new UserError("is a symbolic link; agentops only reads regular files", { file: path });
  }
  if (!stat.isFile()) throw new UserError("is not a regular file", { file: path });
  if (stat.size > maxBytes) {
    throw new UserError(`is ${stat.size} bytes, over the limit of ${maxBytes} bytes`, { file: path });
  }
  return readFile(path);
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** True when `path` resolves (after symlinks) inside `root`. */
export async function isInside(root: string, path: string): Promise<boolean> {
  const [r, p] = await Promise.all([realpath(root), realpath(path)]);
  return p === r || p.startsWith(r.endsWith("/") ? r : `${r}/`);
}
