import { ZodError } from 'zod';
import { CONTRACT, type Channel, type ErrorCode, type Result } from '../../shared/contract';
import { StoreError } from '../store';
import type { Handlers } from './types';

const STORE_CODES: Record<string, ErrorCode> = { 'not-found': 'not-found', 'in-use': 'in-use', conflict: 'conflict', invalid: 'invalid' };

function isChannel(name: string): name is Channel {
  return Object.prototype.hasOwnProperty.call(CONTRACT, name);
}

function describeZod(error: ZodError): string {
  return error.issues.map((i) => `${i.path.length ? i.path.join('.') + ': ' : ''}${i.message}`).join('; ');
}

/** Converts any failure into the error half of a Result; internal details stay out of the message. */
export function toErrorResult(error: unknown): Result<never> {
  if (error instanceof ZodError) return { ok: false, error: { code: 'invalid-args', message: describeZod(error) } };
  if (error instanceof StoreError) return { ok: false, error: { code: STORE_CODES[error.code] ?? 'unavailable', message: error.message } };
  if (error instanceof ServiceError) return { ok: false, error: { code: error.code, message: error.message } };
  return { ok: false, error: { code: 'internal', message: error instanceof Error ? error.message : String(error) } };
}

export class ServiceError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ServiceError';
  }
}

/**
 * Validates the arguments of one call against the contract, runs its handler and wraps the outcome. Never
 * throws: main's ipc.ts and the loopback bridge both hand its Result straight back to the renderer.
 */
export async function dispatch(handlers: Handlers, channel: string, rawArgs: unknown): Promise<Result<unknown>> {
  if (!isChannel(channel)) return { ok: false, error: { code: 'invalid-args', message: `unknown channel "${channel.slice(0, 100)}"` } };
  try {
    const args = CONTRACT[channel].args.parse(rawArgs ?? {});
    const handler = handlers[channel] as (a: unknown) => unknown;
    return { ok: true, value: await handler(args) };
  } catch (error) {
    return toErrorResult(error);
  }
}
