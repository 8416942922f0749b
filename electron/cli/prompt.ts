import { StringDecoder } from 'node:string_decoder';

export interface TtyInput extends NodeJS.ReadableStream {
  isTTY?: boolean;
  setRawMode?(mode: boolean): unknown;
}

export const isTerminal = (input: TtyInput): boolean => Boolean(input.isTTY) && typeof input.setRawMode === 'function';

/**
 * Asks for a secret on the terminal without echoing it (raw mode: we see every key and print nothing back).
 * Enter ends the input, Backspace deletes, Ctrl-C or Ctrl-D on an empty line cancels (null).
 */
export function promptHidden(question: string, input: TtyInput, output: NodeJS.WritableStream): Promise<string | null> {
  return new Promise((resolve) => {
    const decoder = new StringDecoder('utf8');
    let answer = '';
    // Raw mode before the question shows: whoever types as soon as they see it must never be echoed.
    input.setRawMode?.(true);
    output.write(question);
    const finish = (value: string | null) => {
      input.removeListener('data', onData);
      input.setRawMode?.(false);
      input.pause();
      output.write('\n');
      resolve(value);
    };
    const onData = (chunk: Buffer | string) => {
      for (const ch of typeof chunk === 'string' ? chunk : decoder.write(chunk)) {
        if (ch === '\r' || ch === '\n') return finish(answer);
        if (ch === '\u0003' || (ch === '\u0004' && answer === '')) return finish(null);
        if (ch === '\u007f' || ch === '\b') answer = [...answer].slice(0, -1).join('');
        else if (ch >= ' ') answer += ch;
      }
    };
    input.on('data', onData);
    input.resume();
  });
}
