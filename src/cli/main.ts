import { errorMessage, isUserError } from "../errors.js";
import { scrubSecrets, secretsFromEnv } from "../secrets.js";
import { VERSION } from "../version.js";
import { compareCommand } from "./compare-command.js";
import { driftCommand } from "./drift-command.js";
import { evalCommand } from "./eval-command.js";
import { promoteCommand } from "./promote-command.js";
import { rollbackCommand } from "./rollback-command.js";
import { scoreCommand } from "./score-command.js";
import { versionsCommand } from "./versions-command.js";
import { EXIT, type CliIo } from "./io.js";

export const HELP = `agentops ${VERSION} — a quality gate for LLM prompt changes

Usage: agentops <command> [options]

Commands:
  eval <path>      evaluate prompt versions on their eval sets
  compare          evaluate what a git change affects against its baseline and decide the gate
  promote          make a prompt version the active one in an environment (edits the config)
  rollback         put an environment back on an earlier version of a prompt
  versions         list a prompt's versions, where each runs and their last scores
  score <traces>   score logged production traces with a prompt's criteria
  drift            compare two windows of scored traces: PSI, KS and pass-rate tests
  help             show this help

Run "agentops <command> --help" for a command's options.
`;

/** The CLI without the process: returns the exit code. */
export async function runCli(argv: string[], raw: CliIo): Promise<number> {
  // Whatever a command prints (errors, reports, results) passes the scrubber: a server may echo a key.
  const secrets = secretsFromEnv(raw.env);
  const io: CliIo = {
    ...raw,
    stdout: (text) => raw.stdout(scrubSecrets(text, secrets)),
    stderr: (text) => raw.stderr(scrubSecrets(text, secrets)),
  };
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case "eval":
        return await evalCommand(rest, io);
      case "compare":
        return await compareCommand(rest, io);
      case "promote":
        return await promoteCommand(rest, io);
      case "rollback":
        return await rollbackCommand(rest, io);
      case "versions":
        return await versionsCommand(rest, io);
      case "score":
        return await scoreCommand(rest, io);
      case "drift":
        return await driftCommand(rest, io);
      case undefined:
      case "help":
      case "--help":
      case "-h":
        io.stdout(HELP);
        return command === undefined ? EXIT.usage : EXIT.ok;
      case "--version":
      case "-V":
        io.stdout(`${VERSION}\n`);
        return EXIT.ok;
      default:
        io.stderr(`agentops: unknown command "${command}"\n\n${HELP}`);
        return EXIT.usage;
    }
  } catch (e) {
    if (isUserError(e)) {
      io.stderr(`error: ${e.format()}\n`);
      return EXIT.usage;
    }
    // node:util parseArgs reports unknown or malformed flags with this code.
    if (e instanceof Error && "code" in e && String(e.code).startsWith("ERR_PARSE_ARGS")) {
      io.stderr(`error: ${e.message}\n  hint: run agentops ${command ?? ""} --help\n`);
      return EXIT.usage;
    }
    io.stderr(
      `internal error: ${errorMessage(e)}\n${io.env.AGENTOPS_DEBUG && e instanceof Error ? `${e.stack ?? ""}\n` : "  (set AGENTOPS_DEBUG=1 for a stack trace; please report this)\n"}`,
    );
    return EXIT.internal;
  }
}
