// Runs the local inbox on its own: `node scripts/lib/inbox/main.ts` (INBOX_PORT, INBOX_WEBHOOK_SECRET).
// It prints one JSON line, {"url": ...}, once it listens; tests read it.
import { INBOX_PORT, startInbox } from './server.ts';

const port = process.env.INBOX_PORT === undefined ? INBOX_PORT : Number(process.env.INBOX_PORT);
const inbox = await startInbox({ port, secret: process.env.INBOX_WEBHOOK_SECRET || undefined });
process.stdout.write(`${JSON.stringify({ url: inbox.url })}\n`);
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.on(signal, () => void inbox.close().then(() => process.exit(0)));
