// The overlay lives in a closed shadow root: page scripts (and Playwright's selectors) cannot see
// into it. People see it on screen and assistive technology through the browser's accessibility
// tree, so the tests read it there (Chromium's, over the DevTools protocol) and click it with the mouse.
import type { Page } from 'playwright-core';

export interface AccessibleNode {
  role: string;
  name: string;
  /** aria-live of a live region's root. */
  live?: string;
  children: AccessibleNode[];
  backendNodeId?: number;
}

interface RawNode {
  nodeId: string;
  ignored: boolean;
  role?: { value: string };
  name?: { value: string };
  properties?: { name: string; value: { value: unknown } }[];
  childIds?: string[];
  parentId?: string;
  backendDOMNodeId?: number;
}

/** The page's accessibility tree; ignored nodes give way to their children. */
export async function accessibilityTree(page: Page): Promise<AccessibleNode> {
  const cdp = await page.context().newCDPSession(page);
  let raw: RawNode[];
  try {
    raw = ((await cdp.send('Accessibility.getFullAXTree')) as { nodes: RawNode[] }).nodes;
  } finally {
    await cdp.detach();
  }
  const byId = new Map(raw.map((node) => [node.nodeId, node]));
  const build = (node: RawNode): AccessibleNode[] => {
    const children = (node.childIds ?? []).flatMap((id) => (byId.has(id) ? build(byId.get(id)!) : []));
    if (node.ignored) return children;
    const live = node.properties?.find((p) => p.name === 'live')?.value.value;
    return [
      {
        role: node.role?.value ?? '',
        name: node.name?.value ?? '',
        ...(typeof live === 'string' ? { live } : {}),
        children,
        backendNodeId: node.backendDOMNodeId,
      },
    ];
  };
  const root = raw.find((node) => !node.parentId)!;
  return { role: 'root', name: '', children: build(root), backendNodeId: undefined };
}

/** The node and all below it, in document order. */
export function descendants(node: AccessibleNode): AccessibleNode[] {
  return [node, ...node.children.flatMap(descendants)];
}

/** The text a screen reader reads inside a node. */
export function textOf(node: AccessibleNode): string {
  return descendants(node)
    .filter((n) => n.role === 'StaticText')
    .map((n) => n.name)
    .join(' ');
}

/** Clicks the middle of a node with the mouse, as a person would. */
export async function clickAccessible(page: Page, node: AccessibleNode): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { model } = (await cdp.send('DOM.getBoxModel', { backendNodeId: node.backendNodeId })) as {
      model: { content: number[] };
    };
    const [x1, y1, , , x3, y3] = model.content;
    await page.mouse.click((x1 + x3) / 2, (y1 + y3) / 2);
  } finally {
    await cdp.detach();
  }
}
