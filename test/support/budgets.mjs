// Size budgets: gzipped JavaScript each part loads (a shared chunk counts for every page that
// loads it). Checked by test/conformance/sizes.test.ts in `npm test`; shown in bench/RESULTS.md.
export const BUDGETS_KIB = {
  popup: 25,
  // The connections list, the streams section, the escalation setting and three more types' settings
  // (the Channels section and its schemas load only for admins, on demand).
  options: 31,
  'content script': 15,
  background: 30,
  // Without giving up a schema: every zod schema of the API stays in the worker. From v3 on it also
  // renders Slack, Teams, webhook and e-mail messages in 12 languages and verifies Adobe's signed
  // events (about 55 KiB); Cloudflare's own limit is 3 MiB compressed on the Free plan.
  'worker bundle': 225,
};
