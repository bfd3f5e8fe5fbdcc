export type ChangeStatus = "added" | "modified" | "deleted" | "renamed" | "copied" | "type_changed";

export interface ChangedFile {
  status: ChangeStatus;
  /** Repository-root-relative, "/"-separated. */
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
 * paths are never quoted, so names with spaces, tabs, newlines or non-ASCII
 * characters come through as they are. Renames and copies ("R087", "C100") carry
 * two paths: the old one first.
 */
export function parseNameStatusZ(output: string): ChangedFile[] {
  const fields = output.split("\0");
  const out: ChangedFile[] = [];
  let i = 0;
  const next = (code: string): string => {
    const field = fields[i++];
    // A missing path means the output was cut or is not -z output; guessing would mis-attribute files.
    if (field === undefined || field === "")
      throw new Error(`git diff output ends inside the "${code}" entry`);
    return field;
  };
  while (i < fields.length) {
    const code = fields[i++] ?? "";
    if (code === "") continue;
    const status = LETTER[code.charAt(0)];
    if (!status || !/^[A-Z]\d*$/.test(code)) {
      throw new Error(`unexpected status "${code}" in git diff --name-status -z output`);
    }
    if (status === "renamed" || status === "copied") {
      const previousPath = next(code);
      out.push({ status, path: next(code), previousPath });
    } else {
      out.push({ status, path: next(code) });
    }
  }
  return out;
}

const API_STATUS: Record<string, ChangeStatus | null> = {
  added: "added",
  removed: "deleted",
  modified: "modified",
  renamed: "renamed",
  copied: "copied",
  changed: "type_changed",
  unchanged: null,
};

/**
 * Maps the pulls.listFiles API's entries onto the same shape as the git diff.
 * A status GitHub adds later counts as "modified": evaluating one prompt too many
 * is better than letting a change through unevaluated.
 */
export function fromPullFiles(
  files: readonly { filename: string; status: string; previous_filename?: string | undefined }[],
): ChangedFile[] {
  const out: ChangedFile[] = [];
  for (const f of files) {
    const status = Object.hasOwn(API_STATUS, f.status) ? API_STATUS[f.status] : "modified";
    if (!status) continue;
    out.push({
      status,
      path: f.filename,
      ...(f.previous_filename ? { previousPath: f.previous_filename } : {}),
    });
  }
  return out;
}
