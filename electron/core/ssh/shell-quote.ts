/**
 * Quotes one word for a POSIX shell (and csh/tcsh, which treat single quotes the same way outside an interactive
 * session): everything goes between single quotes, and each single quote becomes '\''. Nothing inside is expanded.
 * NUL cannot travel in a command line at all, so a value containing one is refused rather than cut short.
 */
export function shellQuote(word: string): string {
  if (word.includes('\0')) throw new Error('a shell word cannot contain NUL');
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

/** Joins a path under a root without doubling the slash; `root` may end in '/'. */
export function joinRemote(root: string, relative: string): string {
  return `${root.replace(/\/+$/, '') || ''}/${relative}`;
}
