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
