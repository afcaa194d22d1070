// `npm start`: the local worker with a demo tenant, and the extension built to talk to it.
import { mkdir } from 'node:fs/promises';
import { relative } from 'node:path';

import { buildExtension } from './lib/build-extension.mjs';
import { ensureDemoChannels } from './lib/demo-channels.mjs';
import { DEMO_FILE, ensureDevVars, readDemoConfig, STATE_DIR, writeDemoConfig } from './lib/demo-config.mjs';
import { startDemoKeyHost } from './lib/demo-io-events.ts';
import { connectToSimulator, startDemoMarketo } from './lib/demo-marketo.ts';
import { INBOX_PORT, startInbox } from './lib/inbox/server.ts';
import {
  DEMO_TENANT,
  ensureEmailAddress,
  keysStillWork,
  provisionTenant,
  startWorker,
} from './lib/local-worker.mjs';
import { projectRoot } from './lib/project.mjs';

const PORT = 8787;

function printHowTo({ workerUrl, extensionDir, tenant, emailAddress, marketo, inbox, keyHost }) {
  const ext = relative(projectRoot, extensionDir);
  console.log(`
Marketo Notifier is running locally.

  Worker:     ${workerUrl}  (tenant ${tenant}; keys in ${relative(projectRoot, DEMO_FILE)})
  API spec:   ${workerUrl}/v1/openapi.json
  E-mail:     ${emailAddress}  (subscribe it in Marketo; locally: npm run demo -- --email)
  Extension:  ${ext}
  Marketo:    ${marketo.url}  (a SIMULATED Marketo, not Adobe Marketo Engage: the demo tenant's
              connector polls it; its usage climbs, it has a few errors and some campaigns)
  Inbox:      ${inbox.url}  (a SIMULATED Slack, Teams and webhook receiver: what the worker sends
              to channels pointing at it shows there; nothing reaches Slack or Teams)
  Key host:   ${keyHost.url}  (a local stand-in for Adobe I/O Events' key host: ADOBE_IO_KEYS_URL)

Load the extension: open chrome://extensions, switch on Developer mode,
"Load unpacked" and pick ${ext}. It is already connected to this worker.

Post one event of every type: npm run demo   (in another terminal)
Send Marketo notification e-mails through the local e-mail trigger: npm run demo -- --email
Post signed events of Marketo's own streams (Adobe I/O Events): npm run demo -- --io-events
Stop with Ctrl-C; state is kept in ${relative(projectRoot, STATE_DIR)} for the next start.
`);
}

/**
 * Keys from an earlier run survive with the state; when they stopped working (state deleted),
 * create the tenant if missing and new keys.
 */
async function ensureDemoKeys(workerUrl, rootToken) {
  const previous = await readDemoConfig();
  if (previous?.tenant === DEMO_TENANT && (await keysStillWork(workerUrl, DEMO_TENANT, previous.keys))) {
    const config = { ...previous, workerUrl };
    await writeDemoConfig(config);
    console.log('Demo keys from .local/demo.json still work; keeping them.');
    return config;
  }
  const { keys } = await provisionTenant(workerUrl, rootToken, DEMO_TENANT, {
    label: 'demo',
    name: 'Demo instance',
  });
  const config = { workerUrl, tenant: DEMO_TENANT, keys };
  await writeDemoConfig(config);
  console.log('Created ingest, read and admin keys for the demo tenant (.local/demo.json).');
  return config;
}

async function main() {
  const { token: rootToken, created } = await ensureDevVars();
  if (created.length > 0) console.log(`Wrote ${created.join(', ')} to .dev.vars (it is not committed).`);
  console.log('Starting the simulated Marketo (a simulation for the demo, not Adobe Marketo Engage) ...');
  const marketo = await startDemoMarketo();
  const keyHost = await startDemoKeyHost();
  const inboxPort = process.env.INBOX_PORT ? Number(process.env.INBOX_PORT) : INBOX_PORT;
  console.log(
    `Starting the local inbox (a simulation of Slack, Teams and webhook receivers) on port ${inboxPort} ...`,
  );
  const inbox = await startInbox({ port: inboxPort, secret: process.env.INBOX_WEBHOOK_SECRET || undefined });
  await mkdir(STATE_DIR, { recursive: true });

  console.log(`Starting the worker on http://127.0.0.1:${PORT} ...`);
  // No --var for ROOT_TOKEN: wrangler reads it from .dev.vars, as a developer running it by hand would;
  // the channels may post to the local inbox over http.
  const worker = await startWorker({
    port: PORT,
    persistTo: STATE_DIR,
    logLevel: 'info',
    vars: { ADOBE_IO_KEYS_URL: keyHost.url, OUTBOUND_DEV_HOSTS: `127.0.0.1:${inboxPort}` },
    onOutput: (text) => process.stdout.write(text),
  });

  let stopping = false;
  const stop = async (code) => {
    if (stopping) return;
    stopping = true;
    console.log('\nStopping the worker ...');
    await worker.stop();
    await marketo.close();
    await inbox.close();
    await keyHost.close();
    process.exit(code);
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => void stop(0));
  void worker.exited.then((reason) => {
    if (!stopping) {
      console.error(`The worker stopped on its own (${reason}).`);
      process.exit(1);
    }
  });

  try {
    const config = await ensureDemoKeys(worker.url, rootToken);
    const status = await connectToSimulator(config.workerUrl, config.keys.admin, marketo);
    console.log(
      `Connected the demo tenant to the simulated Marketo: ${status.state}, API user ${status.apiUser}.`,
    );
    const channels = await ensureDemoChannels(config.workerUrl, config.keys.admin, inbox);
    console.log(`Outbound channels of the demo tenant, all to the local inbox: ${channels.join(', ')}.`);
    console.log('Building the extension ...');
    const extensionDir = await buildExtension({ workerUrl: config.workerUrl, readKey: config.keys.read });
    const emailAddress = await ensureEmailAddress(config.workerUrl, config.keys.admin);
    const { workerUrl, tenant } = config;
    printHowTo({ workerUrl, extensionDir, tenant, emailAddress, marketo, inbox, keyHost });
  } catch (error) {
    console.error(error.message);
    await stop(1);
  }
}

main().catch((error) => {
  console.error(error.message);
  process.exit(1);
});
