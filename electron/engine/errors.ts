/** An error meant for the user: its message is shown as it is, its code lets callers branch. */
export class JigsawError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'JigsawError';
  }
}
