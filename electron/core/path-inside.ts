import path from 'node:path';

/** True when `target` is strictly inside `root` (both absolute). */
export function isInside(root: string, target: string, pathApi: path.PlatformPath = path): boolean {
  const rel = pathApi.relative(root, target);
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${pathApi.sep}`) && !pathApi.isAbsolute(rel);
}
