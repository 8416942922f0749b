/** Thrown when a browser step did not answer in time: a hung renderer never answers at all. */
export class StepTimeoutError extends Error {
  constructor(step: string, ms: number) {
    super(`${step} did not answer within ${ms} ms`);
    this.name = 'StepTimeoutError';
  }
}

/** `promise`, or a StepTimeoutError after `ms`; the timer never keeps the process alive. */
export function within<T>(promise: Promise<T>, ms: number, step: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new StepTimeoutError(step, ms)), ms);
    timer.unref?.();
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref?.());
