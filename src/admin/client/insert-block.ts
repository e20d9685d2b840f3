/**
 * Inserting a block (a figure, an embed) where the cursor is. When a block is selected, as the figure just
 * inserted is, the new one goes after it: inserting over a node selection would replace the selected block.
 */
import type { Editor, JSONContent } from '@tiptap/core';
import { NodeSelection } from '@tiptap/pm/state';

export function insertBlock(editor: Editor, content: JSONContent): boolean {
  const { selection } = editor.state;
  const chain = editor.chain().focus();
  return (selection instanceof NodeSelection ? chain.insertContentAt(selection.to, content) : chain.insertContent(content)).run();
}
