import { UserError } from "../errors.js";

/**
 * `{name}` placeholders, filled by plain substitution. `{{` and `}}` stand for
 * literal braces. Anything else in braces (e.g. a JSON example) is left as it is,
 * so templates can show JSON without escaping.
 */
const PLACEHOLDER = /\{\{|\}\}|\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

export function templateVariables(template: string): string[] {
  const names = new Set<string>();
  for (const m of template.matchAll(PLACEHOLDER)) if (m[1]) names.add(m[1]);
  return [...names];
}

export function renderTemplate(
  template: string,
  input: Readonly<Record<string, unknown>>,
  where: { exampleId: string; file?: string; line?: number },
): string {
  return template.replace(PLACEHOLDER, (whole, name: string | undefined) => {
    if (whole === "{{") return "{";
    if (whole === "}}") return "}";
    if (name === undefined) return whole;
    if (!Object.hasOwn(input, name)) {
      throw new UserError(
        `example "${where.exampleId}" has no input "${name}", which the template uses`,
        { ...(where.file ? { file: where.file } : {}), ...(where.line ? { line: where.line } : {}) },
        `add "${name}" to that example's input, or remove {${name}} from the template`,
      );
    }
    const value = input[name];
    return typeof value === "string" ? value : JSON.stringify(value);
  });
}
