import os from 'node:os';

/** Who acts when --by is not given: the auditor named in the environment, else the login name. */
export function defaultActor(env: NodeJS.ProcessEnv): string {
  return env.PRUEFSTAND_AUDITOR?.trim() || os.userInfo().username;
}
