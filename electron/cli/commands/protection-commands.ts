/** Commands whose first argument is always a case (or a backup of one), whatever its file name. */
export const PROTECTION_COMMANDS = ['doctor', 'backup', 'restore', 'passphrase', 'close-review'];
