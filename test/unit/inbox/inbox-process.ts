// Starts the local inbox as `npm start` runs it: Node itself, on the TypeScript of
// scripts/lib/inbox (type stripping), on a free port. In the Node project (tsconfig.node.json), so the
// test stays free of Node types.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

const MAIN = fileURLToPath(new URL('../../../scripts/lib/inbox/main.ts', import.meta.url));

export async function startInboxProcess(): Promise<{ url: string; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, [MAIN], {
    env: { ...process.env, INBOX_PORT: '0' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const [chunk] = await once(child.stdout, 'data');
  const { url } = JSON.parse(chunk.toString('utf8').split('\n')[0]);
  return {
    url,
    stop: async () => {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await once(child, 'exit');
    },
  };
}
