// Hostile and random input: readRegisterFile answers rows or a RegisterFileError, never anything else.
import { describe, expect, it } from 'vitest';
import { readRegisterFile, RegisterFileError } from '../../../electron/core/registers';
import { realWorldWorkbook } from '../../fixtures/registers/workbooks';

/** A small seeded generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

async function outcome(bytes: Buffer, name: string): Promise<'rows' | string> {
  try {
    await readRegisterFile(bytes, name);
    return 'rows';
  } catch (error) {
    if (error instanceof RegisterFileError) return error.code;
    throw error;
  }
}

const ALPHABET = ['Name', 'Land', 'Rolle', 'Zweck', 'Tätigkeit', ';', ',', '\t', '"', '""', '\n', '\r\n', '\r', '=', "'", 'ä', '\u0000', ' ', 'x', '31.12.2026', 'DE', 'SCC'];

describe('readRegisterFile on random and damaged input', () => {
  it('random CSV-like texts', async () => {
    const next = random(42);
    for (let n = 0; n < 300; n++) {
      const parts = Array.from({ length: Math.floor(next() * 60) }, () => ALPHABET[Math.floor(next() * ALPHABET.length)]!);
      await expect(outcome(Buffer.from(parts.join('')), 'r.csv')).resolves.toMatch(/^(rows|not-ours|empty|corrupt)$/);
    }
  });

  it('random bytes', async () => {
    const next = random(7);
    for (let n = 0; n < 200; n++) {
      const bytes = Buffer.from(Array.from({ length: Math.floor(next() * 200) }, () => Math.floor(next() * 256)));
      await expect(outcome(bytes, 'r.bin')).resolves.toMatch(/^(rows|not-ours|empty|corrupt)$/);
    }
  });

  it('a real workbook with bytes flipped or cut', async () => {
    const good = await realWorldWorkbook();
    const next = random(99);
    for (let n = 0; n < 40; n++) {
      const bytes = Buffer.from(good);
      for (let k = 0; k < 8; k++) bytes[Math.floor(next() * bytes.length)] = Math.floor(next() * 256);
      const cut = n % 2 === 0 ? bytes : bytes.subarray(0, Math.floor(next() * bytes.length));
      await expect(outcome(cut, 'r.xlsx')).resolves.toMatch(/^(rows|not-ours|empty|corrupt|too-large)$/);
    }
  });
});
