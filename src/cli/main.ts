import { errorMessage, isUserError } from "../errors.js";
import { scrubSecrets, secretsFromEnv } from "../secrets.js";
import { VERSION } from "../version.js";
import { compareCommand } from "./compare-command.js";
import { curateCommand } from "./curate-command.js";
import { driftCommand } from "./drift-command.js";
import { evalCommand } from "./eval-command.js";
import { historyCommand } from "./history-command.js";
import { importCommand } from "./import-command.js";
import { initCommand } from "./init-command.js";
import { promoteCommand } from "./promote-command.js";
import { rollbackCommand } from "./rollback-command.js";
import { scoreCommand } from "./score-command.js";
import { versionsCommand } from "./versions-command.js";
import { EXIT, type CliIo } from "./io.js";
import { mergeCommand } from "./merge-command.js";

type Command = (args: string[], io: CliIo) => Promise<number>;

/** Every command, in the order the help lists them. */
const COMMANDS: readonly { name: string; usage: string; summary: string; run: Command }[] = [
  {
    name: "init",
    usage: "init",
    summary: "write a small working project: a prompt, its eval set, the config and the workflow",
    run: initCommand,
  },
  {
    name: "eval",
    usage: "eval <path>",
    summary: "evaluate prompt versions on their eval sets",
    run: evalCommand,
  },
  {
    name: "compare",
    usage: "compare",
    summary: "evaluate what a git change affects against its baseline and decide the gate",
    run: compareCommand,
  },
  {
    name: "promote",
    usage: "promote",
    summary: "make a prompt version the active one in an environment (edits the config)",
    run: promoteCommand,
  },
  {
    name: "rollback",
    usage: "rollback",
    summary: "put an environment back on an earlier version of a prompt",
    run: rollbackCommand,
  },
  {
    name: "versions",
    usage: "versions",
    summary: "list a prompt's versions, where each runs and their last scores",
    run: versionsCommand,
  },
  {
    name: "score",
    usage: "score <traces>",
    summary: "score logged production traces with a prompt's criteria",
    run: scoreCommand,
  },
  {
    name: "curate",
    usage: "curate <file>",
    summary: "propose eval examples from scored production traces (failing, flagged, disputed)",
    run: curateCommand,
  },
  {
    name: "drift",
    usage: "drift",
    summary: "compare two windows of scored traces: PSI, KS and pass-rate tests",
    run: driftCommand,
  },
  {
    name: "history",
    usage: "history <files>",
    summary: "each prompt version's criteria over time, from results files (tables, charts)",
    run: historyCommand,
  },
  {
    name: "merge",
    usage: "merge <files>",
    summary: "merge the results of compare --shard runs into one verdict and report",
    run: mergeCommand,
  },
  {
    name: "import",
    usage: "import <source>",
    summary: "convert a promptfoo config or OpenAI Evals samples into prompts and an eval set",
    run: importCommand,
  },
];

const USAGE_WIDTH = 17;

export const HELP = `agentops ${VERSION} — a quality gate for LLM prompt changes

Usage: agentops <command> [options]

Commands:
${COMMANDS.map((c) => `  ${c.usage.padEnd(USAGE_WIDTH)}${c.summary}\n`).join("")}  ${"help".padEnd(USAGE_WIDTH)}show this help

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
      default: {
        const known = COMMANDS.find((c) => c.name === command);
        if (known) return await known.run(rest, io);
        io.stderr(`agentops: unknown command "${command}"\n\n${HELP}`);
        return EXIT.usage;
      }
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
