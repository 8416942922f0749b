/** One call of `mautic:maintenance:cleanup` found in a shell command line, with its options. */
export interface CleanupCall {
  /** The console script as written (bin/console, app/console, /var/www/mautic/bin/console …). */
  console: string;
  /** `--days-old`/`-d` as written; null when absent (Mautic's default: 365). */
  daysOld: string | null;
  dryRun: boolean;
  gdpr: boolean;
  /** `--no-interaction`/`-n`: without it the command asks for confirmation and, under cron, deletes nothing. */
  noInteraction: boolean;
}

const MAX_TOKENS = 500;
const MAX_NESTING = 3;

/** Shell words with quotes and backslashes removed; operators (`&&`, `||`, `;`, `|`, `&`) as separate words. */
export function shellWords(command: string): { words: string[]; operators: Set<number> } {
  const words: string[] = [];
  const operators = new Set<number>();
  let word = '';
  let inWord = false;
  const push = () => {
    if (inWord) words.push(word);
    word = '';
    inWord = false;
  };
  for (let i = 0; i < command.length && words.length < MAX_TOKENS; i++) {
    const c = command[i]!;
    if (c === "'") {
      const end = command.indexOf("'", i + 1);
      word += command.slice(i + 1, end === -1 ? undefined : end);
      inWord = true;
      i = end === -1 ? command.length : end;
    } else if (c === '"') {
      let j = i + 1;
      for (; j < command.length && command[j] !== '"'; j++) {
        if (command[j] === '\\' && j + 1 < command.length && '"\\$`'.includes(command[j + 1]!)) j++;
        word += command[j];
      }
      inWord = true;
      i = j;
    } else if (c === '\\') {
      word += command[i + 1] ?? '';
      inWord = true;
      i++;
    } else if (/\s/.test(c)) {
      push();
    } else if (c === '&' && (command[i - 1] === '>' || command[i - 1] === '<' || command[i + 1] === '>')) {
      word += c; // a redirection (`2>&1`, `&>file`), not the background operator
      inWord = true;
    } else if (c === ';' || c === '|' || c === '&') {
      push();
      const op = command[i + 1] === c && c !== ';' ? c + c : c;
      i += op.length - 1;
      operators.add(words.length);
      words.push(op);
    } else {
      word += c;
      inWord = true;
    }
  }
  push();
  return { words, operators };
}

const PART = (full: string) => (p: string) => p.length > 0 && full.startsWith(p.toLowerCase());
/** Symfony accepts any unambiguous abbreviation of each part: `mautic:maint:cleanup`, `m:m:c`. */
export function isCleanupCommandName(word: string): boolean {
  const parts = word.toLowerCase().split(':');
  return parts.length === 3 && PART('mautic')(parts[0]!) && PART('maintenance')(parts[1]!) && PART('cleanup')(parts[2]!);
}

const isConsole = (w: string) => /(^|\/)console$/.test(w);
const SHELLS = /(^|\/)(sh|bash|dash|zsh)$/;

function readOptions(args: string[], call: CleanupCall): void {
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') break;
    if (/^[0-9]*[<>]/.test(a)) {
      if (/^[0-9]*[<>]+$/.test(a)) i++; // `> file`: the next word is the file
      continue;
    }
    const long = /^--([a-z-]+)(?:=(.*))?$/i.exec(a);
    if (long) {
      const [, name, value] = long;
      if (name === 'days-old') {
        const next = args[i + 1];
        if (value !== undefined) call.daysOld = value;
        else if (next !== undefined && !next.startsWith('-') && !/^[0-9]*[<>]/.test(next)) call.daysOld = args[++i]!;
        else call.daysOld = '';
      } else if (name === 'dry-run') call.dryRun = true;
      else if (name === 'gdpr') call.gdpr = true;
      else if (name === 'no-interaction') call.noInteraction = true;
      continue;
    }
    // Short options may be bundled (-nq) and -d takes the rest of the word or the next one as its value.
    if (/^-[a-z]/i.test(a)) {
      for (let k = 1; k < a.length; k++) {
        const flag = a[k]!;
        if (flag === 'n') call.noInteraction = true;
        else if (flag === 'r') call.dryRun = true;
        else if (flag === 'g') call.gdpr = true;
        else if (flag === 'd' || flag === 'e') {
          const rest = a.slice(k + 1);
          const value = rest || (args[i + 1] !== undefined && !args[i + 1]!.startsWith('-') ? args[++i]! : '');
          if (flag === 'd') call.daysOld = value;
          break;
        }
      }
    }
  }
}

/**
 * Finds `… console mautic:maintenance:cleanup …` in a command line: any php binary or none, after `cd … &&`,
 * `sudo -u …`, `docker exec …`, or inside `sh -c '…'` (up to three levels). Options are read up to the next
 * shell operator.
 */
export function findCleanupCalls(command: string, depth = 0): CleanupCall[] {
  if (depth > MAX_NESTING) return [];
  const { words, operators } = shellWords(command);
  const calls: CleanupCall[] = [];
  let start = 0;
  for (let i = 0; i <= words.length; i++) {
    if (i < words.length && !operators.has(i)) continue;
    const simple = words.slice(start, i);
    start = i + 1;
    const shell = simple.findIndex((w) => SHELLS.test(w));
    const dashC = shell >= 0 ? simple.indexOf('-c', shell + 1) : -1;
    if (dashC >= 0 && simple[dashC + 1] !== undefined) calls.push(...findCleanupCalls(simple[dashC + 1]!, depth + 1));
    const name = simple.findIndex((w) => isCleanupCommandName(w));
    if (name < 0) continue;
    const consoleAt = simple.slice(0, name).findLastIndex((w) => isConsole(w));
    if (consoleAt < 0) continue;
    const call: CleanupCall = { console: simple[consoleAt]!, daysOld: null, dryRun: false, gdpr: false, noInteraction: false };
    // Console options may come before the command name, too (`bin/console -n mautic:…`).
    readOptions([...simple.slice(consoleAt + 1, name), ...simple.slice(name + 1)], call);
    calls.push(call);
  }
  return calls;
}
