import { access, mkdir, writeFile } from "node:fs/promises";
import { dirname, join, relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { UserError } from "../errors.js";
import { DEFAULT_PROMPT_NAME, initFiles, PROJECT_MARKERS, PROMPT_NAME } from "../lifecycle/init-project.js";
import { EXIT, type CliIo } from "./io.js";

export const INIT_HELP = `Usage: agentops init [options]

Writes a small working project: prompts/<name>/v1.yaml (a prompt with two
criteria), prompts/<name>/eval_set.jsonl (three examples), prompts/config.yaml
and .github/workflows/agentops.yml (the example workflow, uploading the
results as an artifact). Overwrites nothing: when any of these files, or a
project config, exists it writes none of them and says which (exit 2).

Options:
  --name NAME          the prompt's name (default ${DEFAULT_PROMPT_NAME})
  --dir DIR            the project folder (default: the current folder)
  -h, --help           show this help
`;

const exists = (path: string): Promise<boolean> =>
  access(path).then(
    () => true,
    () => false,
  );

export async function initCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      name: { type: "string" },
      dir: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    io.stdout(INIT_HELP);
    return EXIT.ok;
  }
  if (positionals.length)
    throw new UserError(
      `init takes no arguments, got "${positionals.join(" ")}"`,
      {},
      "e.g. agentops init --name triage",
    );
  const name = values.name ?? DEFAULT_PROMPT_NAME;
  if (!PROMPT_NAME.test(name))
    throw new UserError(
      `--name "${name}" is not a prompt name`,
      {},
      "use lower-case letters, digits, - and _ (up to 64), starting with a letter or digit",
    );
  const root = resolve(io.cwd, values.dir ?? ".");
  const files = initFiles(name);
  const taken: string[] = [];
  for (const path of [...new Set([...PROJECT_MARKERS, ...Object.keys(files)])])
    if (await exists(join(root, path))) taken.push(path);
  const shown = (p: string) => relative(io.cwd, join(root, p)) || p;
  if (taken.length) {
    io.stderr(
      `error: nothing written: ${taken.map(shown).join(", ")} already exist${taken.length === 1 ? "s" : ""}\n` +
        "  hint: agentops init overwrites nothing; run it in a folder without a project, or pick another --name\n",
    );
    return EXIT.usage;
  }
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    // wx: a file that appeared since the check above is still not overwritten.
    await writeFile(join(root, path), text, { flag: "wx" });
  }
  const at = values.dir ? `cd ${values.dir} && ` : "";
  io.stdout(
    `wrote ${Object.keys(files).map(shown).join(", ")}\n\n` +
      "Next:\n" +
      `  ${at}npx agentops eval prompts --provider mock      # a dry run: no key, no network\n` +
      `  ${at}OPENAI_API_KEY=sk-… npx agentops eval prompts   # the real thing: exits 1 when a threshold is missed\n` +
      `  ${at}git add prompts .github && git commit -m "agentops: first prompt" && git push   # then gh secret set OPENAI_API_KEY\n`,
  );
  return EXIT.ok;
}
