import { z } from 'zod';

/** Marketo notification e-mails (DESIGN: "Marketo notification e-mails"). */
export const MAX_EMAIL_BYTES = 1024 * 1024;
/** Characters of the mail's text kept with a notification. */
export const EMAIL_EXCERPT_CHARS = 500;
export const MAX_EMAIL_SUBJECT_CHARS = 998;

/** A mail that matched no seed type: kept as it came, as facts. */
export const MarketoEmailFact = z.strictObject({
  subject: z.string().max(MAX_EMAIL_SUBJECT_CHARS),
  from: z.string().max(320),
  excerpt: z.string().max(EMAIL_EXCERPT_CHARS),
  /** The first link of the mail to a Marketo host, if any (shared/marketo-hosts.ts). */
  url: z
    .url({ protocol: /^https$/ })
    .max(2000)
    .optional(),
});
export type MarketoEmailFact = z.infer<typeof MarketoEmailFact>;

/** What every notification made from an e-mail carries in `data`, besides its type's facts. */
export const EmailOrigin = z.strictObject({
  source: z.literal('email'),
  subject: z.string().max(MAX_EMAIL_SUBJECT_CHARS),
  excerpt: z.string().max(EMAIL_EXCERPT_CHARS),
});
export type EmailOrigin = z.infer<typeof EmailOrigin>;

/** The tenant's address for Marketo's notification e-mails: `<tenant lower case>.<24 random>@<EMAIL_DOMAIN>`. */
export const EmailAddress = z.object({ address: z.email().max(254) });
export type EmailAddress = z.infer<typeof EmailAddress>;
