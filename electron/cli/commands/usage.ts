/** A usage mistake: one line on stderr, exit code 2 (as the built-in commands do). */
export function usage(problem: string): number {
  process.stderr.write(`jigsaw: ${problem} (jigsaw help lists the commands)\n`);
  return 2;
}
