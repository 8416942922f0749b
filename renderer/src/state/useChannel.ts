import { useEffect, useState } from 'react';
import type { ArgsOf, Channel, ResultOf } from '../../../electron/shared/contract';
import type { Failure } from '../components/ErrorBox';
import { api } from '../api';

export interface ChannelState<C extends Channel> {
  data: ResultOf<C> | null;
  error: Failure | null;
  /** Asks again (after an error). */
  retry(): void;
}

/**
 * One contract call for a view: asked again when `key` changes or on retry, its answer dropped once the view has
 * moved on (a late answer never lands in a view that asks about something else).
 */
export function useChannel<C extends Channel>(channel: C, args: ArgsOf<C>, key: string): ChannelState<C> {
  const [data, setData] = useState<ResultOf<C> | null>(null);
  const [error, setError] = useState<Failure | null>(null);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let live = true;
    const call = api[channel] as (a: ArgsOf<C>) => Promise<{ ok: true; value: ResultOf<C> } | { ok: false; error: Failure }>;
    void call(args).then((result) => {
      if (!live) return;
      if (result.ok) {
        setData(result.value);
        setError(null);
      } else setError(result.error);
    });
    return () => {
      live = false;
    };
    // `key` stands for `args`, which callers build anew on every render.
  }, [channel, key, attempt]);
  return { data, error, retry: () => setAttempt((n) => n + 1) };
}
