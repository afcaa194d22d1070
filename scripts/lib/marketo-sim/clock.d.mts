export function centralDay(ms: number): string;
export function daysBefore(day: string, count: number): string[];
