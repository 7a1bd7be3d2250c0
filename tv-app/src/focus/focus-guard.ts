// Focus is never lost: if the focused node was destroyed or detached (a list refreshed, a page
// closed), focus moves to the current screen's fallback node.
import type { ElementNode } from '@lightningtv/solid';

let fallback: ElementNode | undefined;
let getActive: () => ElementNode | undefined = () => undefined;

export function installFocusGuard(activeElement: () => ElementNode | undefined): void {
  getActive = activeElement;
}

/** Each screen names the node that takes focus when nothing else can. */
export function setFocusFallback(node: ElementNode | undefined): void {
  fallback = node;
}

type TreeNode = { parent?: TreeNode | undefined; children: unknown[] };

/** Removed nodes keep their parent pointer, so check that each parent still lists its child. */
export function isAttached(node: TreeNode | undefined, root: TreeNode): boolean {
  for (let current = node; current; current = current.parent) {
    if (current === root) return true;
    if (!current.parent || !current.parent.children.includes(current)) return false;
  }
  return false;
}

export function ensureFocus(root: ElementNode): void {
  const active = getActive();
  if (isAttached(active, root)) return;
  const target = fallback && isAttached(fallback, root) ? fallback : root;
  target.setFocus();
}
