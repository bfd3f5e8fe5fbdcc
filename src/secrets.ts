/**
 * The one scrubber for secrets (the API key, the GitHub token) in any text we
 * build from what a server answered, before it reaches a log, comment, status,
 * summary or results file.
 */
export function scrubSecrets(text: string, secrets: readonly (string | undefined)[]): string {
  let out = text;
  for (const secret of secrets) if (secret) out = out.split(secret).join("***");
  return out;
}
