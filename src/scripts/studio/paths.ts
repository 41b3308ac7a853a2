/**
 * Dotted paths into a script (`steps.2.captures.0.label`), as the checks report them and the editor names its
 * fields: read one value, write one value immutably (every object on the way copied, the rest shared), and
 * turn a path into the id of the control that edits it.
 */
export type Path = string;

const keyOf = (part: string): string | number => (/^\d+$/.test(part) ? Number(part) : part);

export function getAt(root: unknown, path: Path): unknown {
  let node = root;
  for (const part of path.split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[keyOf(part)];
  }
  return node;
}

export function setAt<T>(root: T, path: Path, value: unknown): T {
  const parts = path.split('.').map(keyOf);
  const write = (node: unknown, i: number): unknown => {
    if (i === parts.length) return value;
    const key = parts[i]!;
    if (Array.isArray(node)) {
      const copy = node.slice();
      copy[key as number] = write(node[key as number], i + 1);
      return copy;
    }
    const obj = (node ?? {}) as Record<string | number, unknown>;
    return { ...obj, [key]: write(obj[key], i + 1) };
  };
  return write(root, 0) as T;
}

/** The DOM id of the control that edits `path` (and of the list heading for a list path). */
export function fieldDomId(path: Path): string {
  return `sf-${path.replace(/\./g, '-')}`;
}

/** The nearest path that has a control: a check on `steps.2.captures` focuses that list's heading. */
export function focusTarget(path: Path, exists: (id: string) => boolean): string | null {
  const parts = path.split('.');
  for (let n = parts.length; n > 0; n--) {
    const id = fieldDomId(parts.slice(0, n).join('.'));
    if (exists(id)) return id;
  }
  return null;
}
