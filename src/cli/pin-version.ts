import { writeFile } from "node:fs/promises";
import { basename, join, relative, resolve } from "node:path";
import { readUserFile } from "../config/files.js";
import { parseProjectConfig } from "../config/load.js";
import { listPromptDirs, listVersions, openProject, type Project } from "../config/project.js";
import { UserError } from "../errors.js";
import { activeIn, setActiveVersion } from "../lifecycle/config-edit.js";
import { unifiedDiff } from "../lifecycle/line-diff.js";
import { EXIT, type CliIo } from "./io.js";

/** The project of a promote or rollback: it must have a config file to edit. */
export async function editableProject(
  io: CliIo,
  path: string | undefined,
): Promise<Project & { configFile: string }> {
  const project = await openProject(resolve(io.cwd, path ?? "."));
  if (!project.configFile)
    throw new UserError(
      "no project config found (agentops.yaml, agentops.yml or prompts/config.yaml)",
      { file: path ?? "." },
      "run this inside the project, or pass --project <folder>",
    );
  return { ...project, configFile: project.configFile };
}

/** A prompt's version files; an unknown prompt is an error naming the known ones. */
export async function promptVersions(project: Project, prompt: string): Promise<Map<number, string>> {
  const known = (await listPromptDirs(project.promptsDir)).map((d) => basename(d));
  if (!known.includes(prompt))
    throw new UserError(
      `unknown prompt "${prompt}"`,
      { file: project.promptsDir },
      known.length > 0 ? `use one of: ${known.join(", ")}` : "the prompts folder holds no prompts",
    );
  return listVersions(join(project.promptsDir, prompt));
}

export function requireVersion(versions: ReadonlyMap<number, string>, prompt: string, version: number): void {
  if (!versions.has(version))
    throw new UserError(
      `${prompt} has no version ${version}`,
      {},
      `available: ${[...versions.keys()]
        .sort((a, b) => a - b)
        .map((v) => `v${v}`)
        .join(", ")}`,
    );
}

/** The environment's current pin; an unknown environment is an error naming the known ones. */
export async function currentPin(
  project: Project & { configFile: string },
  environment: string,
  prompt: string,
): Promise<{ text: string; current: number | undefined }> {
  const text = await readUserFile(project.configFile);
  const { config } = parseProjectConfig(text, project.configFile);
  return { text, current: activeIn(config, environment, prompt, project.configFile) };
}

/** Writes (or with dryRun only prints) environments.<env>.<prompt> = version, as a diff. */
export async function pinVersion(
  io: CliIo,
  project: Project & { configFile: string },
  change: { environment: string; prompt: string; version: number; text: string; current: number | undefined },
  opts: { dryRun: boolean; verb: string },
): Promise<number> {
  const label = relative(io.cwd, project.configFile) || project.configFile;
  const { environment, prompt, version, current } = change;
  if (current === version) {
    io.stdout(`${environment} already runs ${prompt} v${version}; ${label} is unchanged\n`);
    return EXIT.ok;
  }
  const edited = setActiveVersion(change.text, project.configFile, environment, prompt, version);
  io.stdout(unifiedDiff(change.text, edited, label));
  const from = current === undefined ? "no pinned version" : `v${current}`;
  if (opts.dryRun) {
    io.stdout(`dry run: would ${opts.verb} ${prompt} in ${environment} from ${from} to v${version}\n`);
    return EXIT.ok;
  }
  await writeFile(project.configFile, edited);
  io.stdout(
    `${opts.verb === "promote" ? "promoted" : "rolled back"} ${prompt} in ${environment}: ${from} → v${version} (${label}); commit it and open a pull request: the gate evaluates the change\n`,
  );
  return EXIT.ok;
}
