// axe-core on the overlay, whose shadow root is closed to the page (and so to axe run from it).
// The content script's own world may open it (chrome.dom.openOrClosedShadowRoot), so axe runs
// there, over the DevTools protocol, with the host's shadowRoot made readable in that world only:
// the page's scripts still see null.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

import type { Page } from 'playwright-core';

interface ExecutionContext {
  id: number;
  origin: string;
  name: string;
  auxData?: { type?: string; frameId?: string };
}

const axeSource = readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Every violation axe finds in `<hostSelector>` and its shadow root, of any impact, one line each. */
export async function overlayViolations(
  page: Page,
  extensionId: string,
  hostSelector: string,
): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const contexts: ExecutionContext[] = [];
    cdp.on('Runtime.executionContextCreated', (event: { context: ExecutionContext }) =>
      contexts.push(event.context),
    );
    await cdp.send('Runtime.enable');
    const world = contexts.find((c) => c.auxData?.type === 'isolated' && c.origin.includes(extensionId));
    if (!world) throw new Error(`no content script world of ${extensionId} in ${page.url()}`);
    const evaluate = async (expression: string) => {
      const answer = (await cdp.send('Runtime.evaluate', {
        contextId: world.id,
        expression,
        awaitPromise: true,
        returnByValue: true,
      })) as {
        result: { value?: unknown };
        exceptionDetails?: { exception?: { description?: string }; text: string };
      };
      if (answer.exceptionDetails)
        throw new Error(answer.exceptionDetails.exception?.description ?? answer.exceptionDetails.text);
      return answer.result.value;
    };
    await evaluate(await axeSource);
    const found = await evaluate(`(async () => {
      const host = document.querySelector(${JSON.stringify(hostSelector)});
      if (!host) throw new Error('no ${hostSelector}');
      const root = chrome.dom.openOrClosedShadowRoot(host);
      if (!root) throw new Error('${hostSelector} has no shadow root');
      Object.defineProperty(host, 'shadowRoot', { get: () => root, configurable: true });
      const results = await axe.run({ include: [[${JSON.stringify(hostSelector)}]] });
      if (results.passes.length === 0) throw new Error('axe checked nothing inside ${hostSelector}');
      return results.violations.map((v) =>
        v.impact + ' ' + v.id + ': ' + v.help + ' (' + v.nodes.map((n) => n.target.join(' ')).join(', ') + ')');
    })()`);
    return found as string[];
  } finally {
    await cdp.detach();
  }
}
