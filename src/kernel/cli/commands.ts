// Subcommands domains add to the one CLI (`lumbung import regions`, …). main.ts looks a
// command up here after its own built-ins, so no domain edits main.ts.
import type { DbHandle } from '../db/index.js';

export interface CommandContext {
  /** Opens the configured database, migrated. The command closes it. */
  open(): Promise<DbHandle>;
  stdout(s: string): void;
  stderr(s: string): void;
}

export interface Command {
  /** One usage line, e.g. `import regions [--only 53.09]   load official areas`. */
  usage: string;
  /** Returns the process exit code. */
  run(args: string[], ctx: CommandContext): Promise<number>;
}

const commands = new Map<string, Command>();

/** Registers `name` (may be two words, e.g. "import regions"). */
export function registerCommand(name: string, command: Command): void {
  if (commands.has(name)) throw new Error(`command registered twice: ${name}`);
  commands.set(name, command);
}

/** Finds the command for argv: two-word names first, then one-word. */
export function findCommand(argv: string[]): { command: Command; args: string[] } | null {
  const two = commands.get(argv.slice(0, 2).join(' '));
  if (two) return { command: two, args: argv.slice(2) };
  const one = commands.get(argv[0] ?? '');
  return one ? { command: one, args: argv.slice(1) } : null;
}

export function commandUsages(): string[] {
  return [...commands.values()].map((c) => `  ${c.usage}`);
}

/** Work run after migrations whenever the CLI opens the database (e.g. first-start region import). */
export type StartupTask = (h: DbHandle) => Promise<void>;
const startupTasks: StartupTask[] = [];

export function registerStartupTask(task: StartupTask): void {
  startupTasks.push(task);
}

export async function runStartupTasks(h: DbHandle): Promise<void> {
  for (const task of startupTasks) await task(h);
}
