import type { Context } from 'hono';

/** The worker's own messages, in every language the extension speaks; chosen by Accept-Language. */
export const LANGUAGES = ['en', 'nl', 'sv', 'fr'] as const;
export type Language = (typeof LANGUAGES)[number];

type Catalog = Record<string, string>;

const en = {
  invalid_body: 'The request body is not valid.',
  invalid_query: 'The query string is not valid.',
  invalid_param: 'The address is not valid.',
  invalid_header: 'A request header is not valid.',
  invalid_json: 'The body is not valid JSON.',
  key_missing: 'A key is required: send Authorization: Bearer <key>.',
  key_unknown: 'The key is unknown or was revoked.',
  root_not_tenant_key: 'The root token manages tenants and keys; use a tenant key here.',
  role_needed: 'This needs a key with the {role} role; this key has the {has} role.',
  root_only: 'Only the root token may do this.',
  own_tenant_only: "A key may only manage its own tenant's keys.",
  route_unknown: 'There is nothing at {method} {path}.',
  tenant_unknown: 'There is no tenant {id}; create it first.',
  key_id_unknown: 'There is no such key for this tenant.',
  too_large: 'The body may be at most {bytes} bytes.',
  media_type: 'Send the body as {types}.',
  idempotency_batch: 'The Idempotency-Key header is for a single event; give each event of a batch its own id.',
  idempotency_differs: 'The Idempotency-Key header and the event id differ.',
  differs_from_header: 'differs from the Idempotency-Key header',
  form_conflict: 'The form fields do not describe one object.',
  form_field_conflict: 'conflicts with another field of the same name',
  cursor_invalid: 'The cursor is not valid; start again without it.',
  cursor_field: 'invalid cursor',
  ticket_missing: 'A stream ticket is required: POST /v1/stream/ticket first.',
  ticket_invalid: 'The stream ticket is not valid.',
  upgrade_needed: 'This address expects a WebSocket upgrade request.',
  enroll_only: 'An enroll key can only enrol people (POST /v1/enroll); use a read or admin key here.',
  enrol_cap: 'This enroll key enrolled {limit} people today, its daily limit; try again tomorrow or ask for another key.',
  notification_unknown: 'There is no such notification for this tenant.',
  snooze_past: 'The snooze must end in the future.',
  snooze_too_long: 'A snooze may last at most 7 days.',
  snooze_read: 'Only an unread notification can be snoozed; this one is read or resolved.',
  refused: 'The request was refused.',
  internal: 'Something went wrong on the server; try again later.',
} satisfies Catalog;
export type MessageKey = keyof typeof en;

const nl: Record<MessageKey, string> = {
  invalid_body: 'De inhoud van het verzoek is niet geldig.',
  invalid_query: 'De zoekparameters zijn niet geldig.',
  invalid_param: 'Het adres is niet geldig.',
  invalid_header: 'Een header van het verzoek is niet geldig.',
  invalid_json: 'De inhoud is geen geldige JSON.',
  key_missing: 'Er is een sleutel nodig: stuur Authorization: Bearer <sleutel>.',
  key_unknown: 'De sleutel is onbekend of ingetrokken.',
  root_not_tenant_key: 'Het root-token beheert tenants en sleutels; gebruik hier een sleutel van een tenant.',
  role_needed: 'Hiervoor is een sleutel met de rol {role} nodig; deze sleutel heeft de rol {has}.',
  root_only: 'Alleen het root-token mag dit.',
  own_tenant_only: 'Een sleutel mag alleen de sleutels van zijn eigen tenant beheren.',
  route_unknown: 'Er is niets op {method} {path}.',
  tenant_unknown: 'Tenant {id} bestaat niet; maak die eerst aan.',
  key_id_unknown: 'Deze tenant heeft zo’n sleutel niet.',
  too_large: 'De inhoud mag hooguit {bytes} bytes zijn.',
  media_type: 'Stuur de inhoud als {types}.',
  idempotency_batch: 'De header Idempotency-Key is voor één gebeurtenis; geef elke gebeurtenis van een batch een eigen id.',
  idempotency_differs: 'De header Idempotency-Key en het id van de gebeurtenis verschillen.',
  differs_from_header: 'verschilt van de header Idempotency-Key',
  form_conflict: 'De formuliervelden beschrijven niet één object.',
  form_field_conflict: 'botst met een ander veld met dezelfde naam',
  cursor_invalid: 'De cursor is niet geldig; begin opnieuw zonder cursor.',
  cursor_field: 'ongeldige cursor',
  ticket_missing: 'Er is een streamticket nodig: eerst POST /v1/stream/ticket.',
  ticket_invalid: 'Het streamticket is niet geldig.',
  upgrade_needed: 'Dit adres verwacht een WebSocket-upgrade.',
  enroll_only: 'Met een aanmeldsleutel kun je alleen mensen aanmelden (POST /v1/enroll); gebruik hier een lees- of beheersleutel.',
  enrol_cap: 'Met deze aanmeldsleutel zijn vandaag al {limit} mensen aangemeld, het maximum per dag; probeer het morgen opnieuw of vraag om een andere sleutel.',
  notification_unknown: 'Deze tenant heeft zo’n melding niet.',
  snooze_past: 'De sluimertijd moet in de toekomst eindigen.',
  snooze_too_long: 'Sluimeren kan hooguit 7 dagen.',
  snooze_read: 'Alleen een ongelezen melding kan sluimeren; deze is gelezen of opgelost.',
  refused: 'Het verzoek is geweigerd.',
  internal: 'Er ging iets mis op de server; probeer het later opnieuw.',
};

const sv: Record<MessageKey, string> = {
  invalid_body: 'Begärans innehåll är inte giltigt.',
  invalid_query: 'Frågeparametrarna är inte giltiga.',
  invalid_param: 'Adressen är inte giltig.',
  invalid_header: 'En rubrik i begäran är inte giltig.',
  invalid_json: 'Innehållet är inte giltig JSON.',
  key_missing: 'En nyckel krävs: skicka Authorization: Bearer <nyckel>.',
  key_unknown: 'Nyckeln är okänd eller har återkallats.',
  root_not_tenant_key: 'Root-token hanterar klienter och nycklar; använd en klientnyckel här.',
  role_needed: 'Detta kräver en nyckel med rollen {role}; den här nyckeln har rollen {has}.',
  root_only: 'Endast root-token får göra detta.',
  own_tenant_only: 'En nyckel får bara hantera sin egen klients nycklar.',
  route_unknown: 'Det finns inget på {method} {path}.',
  tenant_unknown: 'Klienten {id} finns inte; skapa den först.',
  key_id_unknown: 'Klienten har ingen sådan nyckel.',
  too_large: 'Innehållet får vara högst {bytes} byte.',
  media_type: 'Skicka innehållet som {types}.',
  idempotency_batch: 'Rubriken Idempotency-Key gäller en enda händelse; ge varje händelse i en batch ett eget id.',
  idempotency_differs: 'Rubriken Idempotency-Key och händelsens id skiljer sig åt.',
  differs_from_header: 'skiljer sig från rubriken Idempotency-Key',
  form_conflict: 'Formulärfälten beskriver inte ett enda objekt.',
  form_field_conflict: 'krockar med ett annat fält med samma namn',
  cursor_invalid: 'Markören är inte giltig; börja om utan den.',
  cursor_field: 'ogiltig markör',
  ticket_missing: 'En strömbiljett krävs: gör först POST /v1/stream/ticket.',
  ticket_invalid: 'Strömbiljetten är inte giltig.',
  upgrade_needed: 'Den här adressen väntar sig en WebSocket-uppgradering.',
  enroll_only: 'En registreringsnyckel kan bara registrera personer (POST /v1/enroll); använd en läs- eller administratörsnyckel här.',
  enrol_cap: 'Den här registreringsnyckeln har registrerat {limit} personer i dag, gränsen per dag; försök igen i morgon eller be om en annan nyckel.',
  notification_unknown: 'Klienten har ingen sådan avisering.',
  snooze_past: 'Snoozningen måste sluta i framtiden.',
  snooze_too_long: 'En snoozning får vara högst 7 dagar.',
  snooze_read: 'Bara en oläst avisering kan snoozas; den här är läst eller löst.',
  refused: 'Begäran avvisades.',
  internal: 'Något gick fel på servern; försök igen senare.',
};

const fr: Record<MessageKey, string> = {
  invalid_body: "Le corps de la requête n'est pas valide.",
  invalid_query: "Les paramètres de la requête ne sont pas valides.",
  invalid_param: "L'adresse n'est pas valide.",
  invalid_header: "Un en-tête de la requête n'est pas valide.",
  invalid_json: "Le corps n'est pas du JSON valide.",
  key_missing: 'Une clé est requise : envoyez Authorization: Bearer <clé>.',
  key_unknown: 'La clé est inconnue ou a été révoquée.',
  root_not_tenant_key: 'Le jeton root gère les locataires et les clés ; utilisez ici une clé de locataire.',
  role_needed: 'Il faut une clé avec le rôle {role} ; cette clé a le rôle {has}.',
  root_only: 'Seul le jeton root peut faire cela.',
  own_tenant_only: 'Une clé ne peut gérer que les clés de son propre locataire.',
  route_unknown: "Il n'y a rien à {method} {path}.",
  tenant_unknown: "Le locataire {id} n'existe pas ; créez-le d'abord.",
  key_id_unknown: "Ce locataire n'a pas de telle clé.",
  too_large: 'Le corps ne peut pas dépasser {bytes} octets.',
  media_type: 'Envoyez le corps en {types}.',
  idempotency_batch: "L'en-tête Idempotency-Key vaut pour un seul événement ; donnez à chaque événement d'un lot son propre id.",
  idempotency_differs: "L'en-tête Idempotency-Key et l'id de l'événement diffèrent.",
  differs_from_header: "diffère de l'en-tête Idempotency-Key",
  form_conflict: 'Les champs du formulaire ne décrivent pas un seul objet.',
  form_field_conflict: 'entre en conflit avec un autre champ du même nom',
  cursor_invalid: "Le curseur n'est pas valide ; recommencez sans curseur.",
  cursor_field: 'curseur non valide',
  ticket_missing: "Un ticket de flux est requis : faites d'abord POST /v1/stream/ticket.",
  ticket_invalid: "Le ticket de flux n'est pas valide.",
  upgrade_needed: 'Cette adresse attend une mise à niveau WebSocket.',
  enroll_only: "Une clé d'inscription sert uniquement à inscrire des personnes (POST /v1/enroll) ; utilisez ici une clé de lecture ou d'administration.",
  enrol_cap: "Cette clé d'inscription a inscrit {limit} personnes aujourd'hui, sa limite quotidienne ; réessayez demain ou demandez une autre clé.",
  notification_unknown: "Ce locataire n'a aucune notification avec cet identifiant.",
  snooze_past: 'La mise en veille doit se terminer dans le futur.',
  snooze_too_long: 'Une mise en veille dure au plus 7 jours.',
  snooze_read: 'Seule une notification non lue peut être mise en veille ; celle-ci est lue ou résolue.',
  refused: 'La requête a été refusée.',
  internal: "Une erreur s'est produite sur le serveur ; réessayez plus tard.",
};

export const MESSAGES: Record<Language, Record<MessageKey, string>> = { en, nl, sv, fr };

export type MessageParams = Record<string, string | number>;

export function message(language: Language, key: MessageKey, params: MessageParams = {}): string {
  return MESSAGES[language][key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** The first supported language of Accept-Language, by quality then order; English otherwise. */
export function languageOf(acceptLanguage: string | undefined): Language {
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part, index) => {
      const [tag = '', ...attributes] = part.trim().split(';');
      const q = attributes.map((a) => /^\s*q=([\d.]+)\s*$/.exec(a)?.[1]).find((v) => v !== undefined);
      return { primary: tag.trim().toLowerCase().split('-')[0]!, q: q === undefined ? 1 : Number(q), index };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  const found = ranked.find((entry) => (LANGUAGES as readonly string[]).includes(entry.primary));
  return (found?.primary as Language | undefined) ?? 'en';
}

export const requestLanguage = (c: Context): Language => languageOf(c.req.header('Accept-Language'));
