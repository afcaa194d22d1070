import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const MARKETO_PAGE = fileURLToPath(new URL('../fixtures/marketo/index.html', import.meta.url));

export interface FixtureServer {
  port: number;
  close: () => Promise<void>;
}

/** Serves the Marketo-like page on every path (Marketo's UI is one page with many routes). */
export async function startMarketoFixture(): Promise<FixtureServer> {
  const html = await readFile(MARKETO_PAGE);
  const server: Server = createServer((req, res) => {
    if (req.method !== 'GET') {
      res.writeHead(405).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('fixture server has no port');
  return {
    port: address.port,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
