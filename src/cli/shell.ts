/** Shell words, quoted once here for every command the CLI prints (curl, resume hints). */

/** A word a POSIX shell reads back as itself: left bare when it is safe, else single-quoted. */
export function quote(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** A command line from words, every word quoted as it needs. */
export const commandLine = (words: readonly string[]) => words.map(quote).join(" ");
