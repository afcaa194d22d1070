export declare const CHROMIUM: string;
export declare function chromiumAvailable(): boolean;
export declare function chromiumArgs(extensionDir: string, extra?: string[]): string[];
