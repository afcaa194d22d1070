export function campaignRecord(facts: {
  id: number;
  name: string;
  type?: 'batch' | 'default' | 'trigger';
  isActive?: boolean;
  status?: string;
  folderId?: number;
  host?: string;
  updatedAt?: string;
}): Record<string, unknown>;
export function demoCampaigns(host?: string): Array<Record<string, unknown>>;
