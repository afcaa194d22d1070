export interface AdobeKeyHost {
  url: string;
  port: number;
  close(): Promise<void>;
}
export function startAdobeKeyHost(options: {
  publicKeys: Record<string, string>;
  port?: number;
  host?: string;
  slowMs?: number;
}): Promise<AdobeKeyHost>;
