export { progressBar, type Progress } from './progress.js';
export {
  registerCommand,
  findCommand,
  commandUsages,
  registerStartupTask,
  runStartupTasks,
  type Command,
  type CommandContext,
  type StartupTask,
} from './commands.js';
