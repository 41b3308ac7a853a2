/** Whether `pathname` is one of `pattern`'s paths: `:name` stands for one non-empty segment; a trailing slash is ignored. */
export function matchesPath(pattern: string, pathname: string): boolean {
  const trim = (path: string): string => path.replace(/\/+$/, '') || '/';
  const want = trim(pattern).split('/');
  const got = trim(pathname).split('/');
  return want.length === got.length && want.every((segment, i) => (segment.startsWith(':') ? got[i] !== '' : segment === got[i]));
}
