/**
 * `rel` resolved against the folder of the repository file `file` ("/"-separated);
 * undefined when it is absolute or climbs out of the repository.
 */
export function repoPath(file: string, rel: string): string | undefined {
  if (rel.startsWith("/")) return undefined;
  const parts = file.split("/").slice(0, -1);
  for (const seg of rel.split("/")) {
    if (seg === "" || seg === ".") continue;
    if (seg === "..") {
      if (parts.length === 0) return undefined;
      parts.pop();
    } else parts.push(seg);
  }
  return parts.join("/");
}
