import { isMap, isScalar, LineCounter, parseDocument, Scalar, type YAMLMap } from "yaml";
import { parseProjectConfig } from "../config/load.js";
import { parseVersionRef } from "../config/schema.js";
import { UserError } from "../errors.js";

/**
 * Sets environments.<env>.<prompt> to a version in a config file's text. The
 * text is spliced, not re-serialised: every byte outside the changed (or added)
 * line stays as it was, comments, key order, quoting and blank lines included.
 * The yaml Document API only locates the nodes.
 */
export function setActiveVersion(
  text: string,
  file: string,
  environment: string,
  prompt: string,
  version: number,
): string {
  // Validates the whole file first, with the project's safe loader: no edit of a file that does not load.
  parseProjectConfig(text, file);
  const doc = parseDocument(text, { keepSourceTokens: false, lineCounter: new LineCounter() });
  const envs = doc.get("environments", true);
  if (!isMap(envs)) throw unknownEnvironment(environment, [], file);
  const env = envs.get(environment, true);
  if (!isMap(env)) throw unknownEnvironment(environment, envNames(envs), file);

  const current = env.get(prompt, true);
  let edited: string;
  if (isScalar(current) && current.range) {
    const [start, end] = current.range;
    edited = text.slice(0, start) + versionText(current, version) + text.slice(end);
  } else {
    edited = insertPair(text, env, prompt, version);
  }
  // The splice must say what we meant, in a file that still loads.
  const check = parseProjectConfig(edited, file).config.environments?.[environment]?.[prompt];
  if (check === undefined || parseVersionRef(check) !== version)
    throw new Error(`editing ${file} did not set environments.${environment}.${prompt} to ${version}`);
  return edited;
}

/** The active version of a prompt in an environment, or undefined; the environment must exist. */
export function activeIn(
  config: { environments?: Record<string, Record<string, number | string>> | undefined },
  environment: string,
  prompt: string,
  file: string,
): number | undefined {
  const env = config.environments?.[environment];
  if (!env) throw unknownEnvironment(environment, Object.keys(config.environments ?? {}), file);
  const v = env[prompt];
  return v === undefined ? undefined : parseVersionRef(v);
}

function envNames(envs: YAMLMap): string[] {
  return envs.items.flatMap((p) => (isScalar(p.key) ? [String(p.key.value)] : []));
}

function unknownEnvironment(environment: string, known: string[], file: string): UserError {
  return new UserError(
    `unknown environment "${environment}"`,
    { file, field: "environments" },
    known.length > 0
      ? `use one of: ${known.join(", ")}`
      : "the config defines no environments; add environments: {<name>: {<prompt>: <version>}}",
  );
}

/** The new version written the way the old one was: 3, v3, "v3" or 'v3'. */
function versionText(old: Scalar, version: number): string {
  const asString = typeof old.value === "string";
  const body = asString && String(old.value).startsWith("v") ? `v${version}` : String(version);
  if (old.type === Scalar.QUOTE_DOUBLE) return `"${body}"`;
  if (old.type === Scalar.QUOTE_SINGLE) return `'${body}'`;
  return body;
}

/** A YAML plain key when the name is safe as one, else a double-quoted key. */
function keyText(name: string): string {
  return /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/.test(name) ? name : JSON.stringify(name);
}

/** Adds `prompt: version` to an environment's map: a line of its own (block) or an entry before "}" (flow). */
function insertPair(text: string, env: YAMLMap, prompt: string, version: number): string {
  const range = env.range;
  if (!range) throw new Error("the environment's map has no source range");
  const pair = `${keyText(prompt)}: ${version}`;
  if (env.flow) {
    const close = text.lastIndexOf("}", range[1] - 1); // range[1] is exclusive
    if (close < range[0]) throw new Error("the environment's flow map has no closing brace");
    const inside = text.slice(range[0] + 1, close);
    const sep = inside.trim() === "" ? "" : inside.trimEnd().endsWith(",") ? " " : ", ";
    const at = range[0] + 1 + inside.trimEnd().length;
    return text.slice(0, at) + sep + pair + text.slice(at);
  }
  const last = env.items[env.items.length - 1];
  const firstKey = env.items[0]?.key;
  if (!last || !isScalar(firstKey) || !firstKey.range) throw new Error("the environment's map is empty");
  const lineStart = text.lastIndexOf("\n", firstKey.range[0] - 1) + 1;
  const indent = text.slice(lineStart, firstKey.range[0]);
  const lastEnd = isScalar(last.value) && last.value.range ? last.value.range[1] : range[1];
  const eol = text.indexOf("\n", lastEnd);
  const at = eol === -1 ? text.length : eol;
  return text.slice(0, at) + `\n${indent}${pair}` + text.slice(at);
}
