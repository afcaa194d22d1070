/** Build-time defaults: `WXT_WORKER_URL=... WXT_READ_KEY=... wxt build` ships a configured extension. */
interface ImportMetaEnv {
  readonly WXT_WORKER_URL?: string;
  readonly WXT_READ_KEY?: string;
}
