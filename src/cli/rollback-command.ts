import { dirname, relative } from "node:path";
import { parseArgs } from "node:util";
import { UserError } from "../errors.js";
import { previousVersion } from "../lifecycle/history.js";
import { createGit } from "../plan/git.js";
import { EXIT, type CliIo } from "./io.js";
import { currentPin, editableProject, pinVersion, promptVersions, requireVersion } from "./pin-version.js";
import { positiveInt } from "./provider-flags.js";

export const ROLLBACK_HELP = `Usage: agentops rollback <prompt> --env <env> [--to N] [options]

Puts <env> back on an earlier version of <prompt>: without --to, the version the
environment ran before the current one, found in the config file's git history.
Edits the project config in place (comments, key order and formatting are kept)
and prints the change as a diff.

Options:
  --env NAME           the environment to change (must exist in the config)
  --to N               roll back to version N instead of the previous one
  --project DIR        the project folder (default: the current folder, searched upwards)
  --dry-run            print the diff, change nothing
  -h, --help           show this help

Exit codes: 0 done (or nothing to do), 2 unknown prompt, version or environment,
no earlier version in the history, or bad usage.
`;

export async function rollbackCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      env: { type: "string" },
      to: { type: "string" },
      project: { type: "string" },
      "dry-run": { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    io.stdout(ROLLBACK_HELP);
    return EXIT.ok;
  }
  const [prompt, ...extra] = positionals;
  if (!prompt || extra.length)
    throw new UserError("rollback takes one prompt", {}, "e.g. agentops rollback summarize --env production");
  if (!values.env) throw new UserError("rollback needs --env", {}, "e.g. --env production");
  const environment = values.env;
  const project = await editableProject(io, values.project);
  const versions = await promptVersions(project, prompt);
  const { text, current } = await currentPin(project, environment, prompt);
  let version = positiveInt(values.to?.replace(/^v/, ""), "--to");
  if (version === undefined) {
    // git at the edge: the config's history says what ran before.
    const git = createGit(dirname(project.configFile));
    let top: string;
    try {
      top = (await git.run(["rev-parse", "--show-toplevel"])).trim();
    } catch {
      throw new UserError(
        "the config is not in a git repository, so its history cannot say what ran before",
        { file: project.configFile },
        "pass --to N to choose the version",
      );
    }
    const path = relative(top, project.configFile).split("\\").join("/");
    const previous = await previousVersion(git, path, environment, prompt, current);
    if (!previous)
      throw new UserError(
        `the git history of the config has no earlier version of ${prompt} in ${environment}`,
        { file: project.configFile, field: `environments.${environment}.${prompt}` },
        "pass --to N to choose the version",
      );
    io.stderr(`${environment} ran ${prompt} v${previous.version} at ${previous.commit.slice(0, 12)}\n`);
    version = previous.version;
  }
  requireVersion(versions, prompt, version);
  return pinVersion(
    io,
    project,
    { environment, prompt, version, text, current },
    { dryRun: values["dry-run"] === true, verb: "roll back" },
  );
}
