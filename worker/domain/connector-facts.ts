/** What the connector remembers of each smart campaign between runs. */
export interface CampaignFacts {
  id: number;
  name: string;
  type: string;
  isActive: boolean;
  status: string | null;
  url: string | null;
}

/** One poll's reading of today's API usage. */
export interface UsageSample {
  atMs: number;
  used: number;
}
