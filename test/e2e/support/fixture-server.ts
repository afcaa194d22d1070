import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const MARKETO_PAGE = fileURLToPath(new URL('../fixtures/marketo/index.html', import.meta.url));

export interface FixtureServer {
  port: number;
  close: () => Promise<void>;
}

/**
 * A throwaway self-signed certificate for *.marketo.com (the browsers are told to accept it): the
 * extension runs on Marketo's https pages only. Made by openssl for each run; nothing is kept.
 */
async function selfSignedCertificate(): Promise<{ key: Buffer; cert: Buffer }> {
  const dir = await mkdtemp(join(tmpdir(), 'marketo-notifier-tls-'));
  try {
    const [key, cert] = [join(dir, 'key.pem'), join(dir, 'cert.pem')];
    await promisify(execFile)('openssl', [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=marketo.com',
      '-addext',
      'subjectAltName=DNS:*.marketo.com',
      '-keyout',
      key,
      '-out',
      cert,
    ]).catch((error: Error) => {
      const hint = 'Debian: apt-get install openssl';
      throw new Error(`openssl makes the Marketo-like page's certificate (${hint}): ${error.message}`);
    });
    return { key: await readFile(key), cert: await readFile(cert) };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Serves the Marketo-like page over https on every path (Marketo's UI is one page with many routes). */
export async function startMarketoFixture(): Promise<FixtureServer> {
  const html = await readFile(MARKETO_PAGE);
  const server: Server = createServer(await selfSignedCertificate(), (req, res) => {
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
