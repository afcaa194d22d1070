// postal-mime's table of every named HTML entity (about 12 KiB of the gzipped bundle), put in its
// place by wrangler.toml [alias]. Only postal-mime's own HTML-to-text uses it, and the worker never
// reads that text: read.ts turns an HTML part into text itself (html-text.ts decodes the entities
// notification e-mails use). With an empty table, postal-mime's text keeps named entities as written.
export const htmlEntities: Record<string, string> = {};
