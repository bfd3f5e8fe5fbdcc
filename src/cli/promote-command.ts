import { parseArgs } from "node:util";
import { UserError } from "../errors.js";
import { EXIT, type CliIo } from "./io.js";
import { currentPin, editableProject, pinVersion, promptVersions, requireVersion } from "./pin-version.js";
import { positiveInt } from "./provider-flags.js";

export const PROMOTE_HELP = `Usage: agentops promote <prompt> <version> --env <env> [options]

Makes <version> of <prompt> the active one in <env>: edits environments.<env>.<prompt>
in the project config in place (comments, key order and formatting are kept)
and prints the change as a diff.

Options:
  --env NAME           the environment to change (must exist in the config)
  --project DIR        the project folder (default: the current folder, searched upwards)
  --dry-run            print the diff, change nothing
  -h, --help           show this help

Exit codes: 0 done (or nothing to do), 2 unknown prompt, version or environment, or bad usage.
`;

export async function promoteCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      env: { type: "string" },
      project: { type: "string" },
      "dry-run": { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    io.stdout(PROMOTE_HELP);
    return EXIT.ok;
  }
  const [prompt, versionText, ...extra] = positionals;
  if (!prompt || !versionText || extra.length)
    throw new UserError(
      "promote takes a prompt and a version",
      {},
      "e.g. agentops promote summarize 3 --env production",
    );
  if (!values.env) throw new UserError("promote needs --env", {}, "e.g. --env production");
  const version = positiveInt(versionText.replace(/^v/, ""), "<version>") ?? 0;
  const project = await editableProject(io, values.project);
  const versions = await promptVersions(project, prompt);
  requireVersion(versions, prompt, version);
  const { text, current } = await currentPin(project, values.env, prompt);
  return pinVersion(
    io,
    project,
    { environment: values.env, prompt, version, text, current },
    { dryRun: values["dry-run"] === true, verb: "promote" },
  );
}
