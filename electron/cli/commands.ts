// Further `jigsaw` commands, one entry each, so new capabilities plug in without touching main.ts.
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

export const commandTable: Record<string, Command> = {};
