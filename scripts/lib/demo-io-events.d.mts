export const KEY_HOST_PORT: number;
export const DEMO_KEY_PATH: string;
export const DEMO_IO_CLIENT_ID: string;
export interface IoDemoEvent {
  eventid: string;
  event: { body: { type: string; time: string; data: Record<string, unknown> } & Record<string, unknown> };
  recipientclientid: string;
}
type EventOptions = { munchkinId: string; clientId?: string; time?: string };
export function ensureDemoKeyPair(file?: string): Promise<{ publicKey: string; privateKey: string }>;
export function startDemoKeyHost(options?: {
  port?: number;
  keyFile?: string;
}): Promise<import('./adobe-key-host.mjs').AdobeKeyHost>;
export function registerIoEvents(workerUrl: string, adminKey: string, clientId?: string): Promise<string>;
export function postSignedDelivery(
  url: string,
  items: unknown[],
  options?: { keyFile?: string },
): Promise<{ status: number; body: unknown }>;
export function ioEvent(type: string, data: Record<string, unknown>, options: EventOptions): IoDemoEvent;
export function loginFailure(user: string, options: EventOptions): IoDemoEvent;
export function campaignFailure(campaignId: number, user: string, options: EventOptions): IoDemoEvent;
export function everyIoEvent(options: EventOptions): [string, IoDemoEvent][];
