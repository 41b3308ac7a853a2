/**
 * What every part of the script editor shares: the draft being edited, one way to change a field (recorded
 * for undo, autosaved), the messages of the checks for a field, and whether this user may edit.
 */
import { createContext, useContext, type Accessor } from 'solid-js';
import type { CallScript } from '../../scripts/schema';

export interface ScriptEditor {
  draft: Accessor<CallScript>;
  /** Sets one field (by dotted path) to `value`; lists are replaced whole by their editors. */
  edit(path: string, value: unknown): void;
  /** Translated messages of the checks that point at exactly this path. */
  errorsAt(path: string): string[];
  readOnly: Accessor<boolean>;
}

export const EditorContext = createContext<ScriptEditor>();

export function useEditor(): ScriptEditor {
  const editor = useContext(EditorContext);
  if (!editor) throw new Error('useEditor() outside the script editor');
  return editor;
}
