// Further `jigsaw` commands, one entry each, so new capabilities plug in without touching main.ts.
import { backupCommand } from './commands/backup.js';
import { closeReviewCommand } from './commands/close-review.js';
import { doctorCommand } from './commands/doctor.js';
import { auditCommand, exportCommand } from './commands/export.js';
import { passphraseCommand } from './commands/passphrase.js';
import { restoreCommand } from './commands/restore.js';
import { signalsCommand } from './commands/signals.js';
import { peopleCommand } from './commands/people.js';
import { linksCommand } from './commands/links.js';
import { dashboardCommand, reviewCommand, signOffCommand, silentCommand, templateCommand } from './commands/review.js';

export interface CommandContext {
  positionals: string[];
  values: Record<string, unknown>;
  json: boolean;
  passphrase: string | undefined;
  out: (value: unknown, text: string) => void;
}

export interface Command {
  usage: string;
  run(ctx: CommandContext): Promise<number>;
}

export const commandTable: Record<string, Command> = {
  doctor: doctorCommand,
  backup: backupCommand,
  restore: restoreCommand,
  passphrase: passphraseCommand,
  'close-review': closeReviewCommand,
  review: reviewCommand,
  template: templateCommand,
  dashboard: dashboardCommand,
  'sign-off': signOffCommand,
  silent: silentCommand,
  signals: signalsCommand,
  people: peopleCommand,
  links: linksCommand,
  export: exportCommand,
  audit: auditCommand,
};
