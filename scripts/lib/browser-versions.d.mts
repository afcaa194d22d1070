export interface Browser {
  name: string;
  path: string;
  minimum: number;
}
export interface BrowserCheck {
  state: 'ok' | 'missing' | 'older' | 'unknown';
  version: number | null;
  message: string;
}
export declare const FIREFOX: string;
export declare const BROWSERS: { chromium: Browser; 'firefox-esr': Browser };
export declare function majorVersion(text: string): number | null;
export declare function checkBrowser(browser: Browser): Promise<BrowserCheck>;
export declare function requireBrowser(pkg: 'chromium' | 'firefox-esr'): Promise<void>;
