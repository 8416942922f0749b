import { useEffect, useState } from 'react';
import type { ResultOf } from '../../../electron/shared/contract';
import { api } from '../api';

type AppInfo = ResultOf<'app:info'>;
let cached: Promise<AppInfo | null> | null = null;

/** What this app can do here (a file dialog, an OS keychain); asked once, null until known or when it failed. */
export function useAppInfo(): AppInfo | null {
  const [info, setInfo] = useState<AppInfo | null>(null);
  useEffect(() => {
    let live = true;
    cached ??= api['app:info']({}).then((r) => (r.ok ? r.value : null));
    void cached.then((value) => live && setInfo(value));
    return () => {
      live = false;
    };
  }, []);
  return info;
}
