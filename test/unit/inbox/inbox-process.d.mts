export function startInboxProcess(): Promise<{ url: string; stop: () => Promise<void> }>;
