import { lstat, mkdir, readdir, writeFile } from "node:fs/promises";
import { basename, dirname, join, relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { MAX_EVAL_SET_BYTES, readUserFile, readUserFileBase64 } from "../config/files.js";
import { UserError } from "../errors.js";
import { projectFiles } from "../import/emit.js";
import { renderSummary, type ImportedProject } from "../import/notes.js";
import { globber, type DirEntry } from "../import/glob.js";
import { importOpenAiEvals } from "../import/openai-evals.js";
import { importPromptfoo, slug } from "../import/promptfoo.js";
import { EXIT, type CliIo } from "./io.js";

export const IMPORT_HELP = `Usage: agentops import promptfoo <promptfooconfig.yaml> [options]
       agentops import openai-evals <samples.jsonl> [options]

Converts a promptfoo project, or OpenAI Evals samples, into an agentops project:
prompts/<name>/v1.yaml (one version per prompt and provider), prompts/<name>/eval_set.jsonl
and agentops.yaml. Prints what could not be imported, and why.

Options:
  --out DIR            where to write (default: the folder of the source file)
  --name NAME          the prompt's name (default: from the config's description or the file)
  --model MODEL        model when the source names none (default: gpt-4o-mini)
  --spec FILE          openai-evals: the eval's registry spec (evals/registry/evals/<name>.yaml);
                       its class (Match, Includes, FuzzyMatch, or ModelBasedClassify with the
                       fact grading spec) decides how answers are scored
  --force              overwrite files that exist
  -h, --help           show this help
`;

const SOURCES = ["promptfoo", "openai-evals"] as const;

async function exists(path: string): Promise<boolean> {
  try {
    await lstat(path);
    return true;
  } catch {
    return false;
  }
}

export async function importCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      out: { type: "string" },
      name: { type: "string" },
      model: { type: "string" },
      spec: { type: "string" },
      force: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    io.stdout(IMPORT_HELP);
    return EXIT.ok;
  }
  const [source, path, ...extra] = positionals;
  if (!source || !(SOURCES as readonly string[]).includes(source) || !path || extra.length)
    throw new UserError(
      `import takes a source (${SOURCES.join(" or ")}) and one file`,
      {},
      "run: agentops import --help",
    );
  if (values.name !== undefined && slug(values.name, "") !== values.name)
    throw new UserError(
      `--name "${values.name}" is not a prompt name`,
      {},
      "use lowercase letters, digits, - and _",
    );
  if (values.spec !== undefined && source !== "openai-evals")
    throw new UserError("--spec is for import openai-evals", {}, "run: agentops import --help");
  const file = resolve(io.cwd, path);
  const folder = dirname(file);
  const shown = relative(io.cwd, file) || basename(file);
  const model = values.model ?? "gpt-4o-mini";
  // Samples files are eval sets: they may be as large as one.
  const text = await readUserFile(file, source === "openai-evals" ? MAX_EVAL_SET_BYTES : undefined);

  let project: ImportedProject;
  if (source === "promptfoo") {
    // Files the config names are read relative to it, with the same checks as agentops' own files.
    // An image or audio var becomes an example's base64 input: as large as the API takes one (20 MB).
    const read = (p: string, as?: "base64"): Promise<string> =>
      as === "base64" ? readUserFileBase64(resolve(folder, p), 20 << 20) : readUserFile(resolve(folder, p));
    // Globs expand inside the config's folder only; symlinks are listed as neither file nor folder.
    const list = async (dir: string): Promise<DirEntry[]> => {
      try {
        const entries = await readdir(resolve(folder, dir), { withFileTypes: true });
        return entries.map((e) => ({ name: e.name, file: e.isFile(), dir: e.isDirectory() }));
      } catch {
        return [];
      }
    };
    project = await importPromptfoo(
      text,
      shown,
      read,
      {
        ...(values.name !== undefined ? { name: values.name } : {}),
        fallbackName: basename(folder),
        defaultModel: model,
      },
      globber(list),
    );
  } else {
    const specFile = values.spec === undefined ? undefined : resolve(io.cwd, values.spec);
    project = importOpenAiEvals(text, shown, {
      name: values.name ?? slug(basename(file).replace(/\.jsonl?$/, "")),
      model,
      ...(specFile
        ? {
            spec: {
              text: await readUserFile(specFile),
              file: relative(io.cwd, specFile) || basename(specFile),
            },
          }
        : {}),
    });
  }

  const files = projectFiles(project, shown);
  const out = resolve(io.cwd, values.out ?? folder);
  if (!values.force) {
    const taken = [];
    for (const rel of files.keys()) if (await exists(join(out, rel))) taken.push(rel);
    if (taken.length)
      throw new UserError(
        `would overwrite ${taken.join(", ")}`,
        { file: join(out, taken[0] ?? "") },
        "pass --force to overwrite, or --out DIR to write elsewhere",
      );
  }
  const written: string[] = [];
  for (const [rel, content] of files) {
    const target = join(out, rel);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, content);
    written.push(relative(io.cwd, target) || rel);
  }
  io.stdout(renderSummary(project, written));
  if (project.nothingChecked) {
    // Written, so the prompts and examples are not lost, but a project that checks nothing must not look fine.
    io.stderr(`nothing checks this project: ${project.nothingChecked}\n`);
    return EXIT.regression;
  }
  io.stdout(
    `\nnext: npx agentops eval ${relative(io.cwd, out) || "."} --provider mock   (a dry run without a key)\n`,
  );
  return EXIT.ok;
}
