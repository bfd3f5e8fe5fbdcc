export type ChangeStatus = "added" | "modified" | "deleted" | "renamed" | "copied" | "type_changed";

export interface ChangedFile {
  status: ChangeStatus;
  path: string;
  /** For renames and copies: where the file came from. */
  previousPath?: string;
}

const LETTER: Record<string, ChangeStatus> = {
  A: "added",
  M: "modified",
  D: "deleted",
  R: "renamed",
  C: "copied",
  T: "type_changed",
};

/**
 * Parses `git diff --name-status -z -M`. With -z, fields are NUL-separated and
 * paths are never quoted, so names with spaces, tabs or non-ASCII survive.
 */
export function parseNameStatusZ(output: string): ChangedFile[] {
  const fields = output.split("\0");
  const out: ChangedFile[] = [];
  let i = 0;
  while (i < fields.length) {
    const code = fields[i++] ?? "";
    if (code === "") continue;
    const status = LETTER[code.charAt(0)];
    if (!status) throw new Error(`unexpected git status "${code}"`);
    if (status === "renamed" || status === "copied") {
      const previousPath = fields[i++] ?? "";
      const path = fields[i++] ?? "";
      out.push({ status, path, previousPath });
    } else {
      out.push({ status, path: fields[i++] ?? "" });
    }
  }
  return out;
}

const API_STATUS: Record<string, ChangeStatus | undefined> = {
  added: "added",
  removed: "deleted",
  modified: "modified",
  renamed: "renamed",
  copied: "copied",
  changed: "type_changed",
  unchanged: undefined,
};

/** Maps the pulls.listFiles API's entries onto the same shape as the git diff. */
export function fromPullFiles(
  files: readonly { filename: string; status: string; previous_filename?: string }[],
): ChangedFile[] {
  const out: ChangedFile[] = [];
  for (const f of files) {
    const status = API_STATUS[f.status];
    if (!status) continue;
    out.push({
      status,
      path: f.filename,
      ...(f.previous_filename ? { previousPath: f.previous_filename } : {}),
    });
  }
  return out;
}
