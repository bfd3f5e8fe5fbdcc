import { stringify } from "yaml";
import { checkEvalSetFitsPrompt, parseEvalSet, parseProjectConfig, parsePromptFile } from "../config/load.js";
import { isUserError, UserError } from "../errors.js";
import type { ImportedProject } from "./notes.js";

const yaml = (value: unknown): string => stringify(value, { lineWidth: 0 });

/**
 * The files of an imported project, by path relative to the output folder. Each is
 * read back with the loaders `agentops eval` uses, so an import never writes a file
 * that eval would refuse.
 */
export function projectFiles(project: ImportedProject, source: string): Map<string, string> {
  try {
    return readBack(project, source);
  } catch (e) {
    if (!isUserError(e)) throw e;
    // The file it names was never written: say what the conversion produced, and where it came from.
    const { file, field } = e.location;
    throw new UserError(
      `the conversion produced something agentops would refuse, so nothing was written: ${field ? `${field}: ` : ""}${e.message} (in the ${file ?? "file"} it would have written)`,
      { file: source },
      "remove or rewrite that part of the source; the rest can then be imported",
    );
  }
}

function readBack(project: ImportedProject, source: string): Map<string, string> {
  const files = new Map<string, string>();
  const header = `# imported from ${source} by agentops import\n`;
  for (const p of project.prompts) {
    const setPath = `prompts/${p.name}/eval_set.jsonl`;
    const setText = p.examples.map((e) => JSON.stringify(e)).join("\n") + "\n";
    const evalSet = parseEvalSet(setText, setPath);
    files.set(setPath, setText);
    p.versions.forEach((v) => {
      const path = `prompts/${p.name}/v${v.version}.yaml`;
      const text = header + yaml(v);
      checkEvalSetFitsPrompt(parsePromptFile(text, path), evalSet);
      files.set(path, text);
    });
  }
  const configText = header + yaml(project.config);
  parseProjectConfig(configText, "agentops.yaml");
  files.set("agentops.yaml", configText);
  return files;
}
