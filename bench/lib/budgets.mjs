// Size budgets: gzipped JavaScript each part loads (a shared chunk counts for every page that
// loads it). Checked by test/conformance/sizes.test.ts in `npm test`; shown in bench/RESULTS.md.
export const BUDGETS_KIB = {
  popup: 25,
  options: 30,
  'content script': 15,
  background: 30,
  // Without giving up a schema: every zod schema of the API stays in the worker.
  'worker bundle': 150,
};

/**
 * Parts over their budget today, held at the figure measured instead: the check still fails when
 * they grow. Measured on 2026-11-23 once the Marketo connector, the e-mail reader (postal-mime),
 * team triage and the key listing were all in: worker 160.9 KiB, popup 26.4 KiB, content script
 * 15.6 KiB.
 */
export const CEILINGS_KIB = {
  popup: 26.5,
  'content script': 15.7,
  'worker bundle': 161,
};
