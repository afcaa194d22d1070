import type { MessageKey } from './en';

export const nl: Record<MessageKey, string> = {
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
  email_address_none: 'Deze tenant heeft nog geen e-mailadres; POST /v1/email-address maakt er een aan.',
  email_domain_unset: 'E-mail is op deze worker niet ingesteld: de variabele EMAIL_DOMAIN is leeg.',
  io_events_none: 'Deze tenant ontvangt de eventstreams van Marketo niet; POST /v1/io-events stelt ze in.',
  io_url_unknown: 'Op dit adres is geen ontvanger voor eventstreams.',
  io_signature: 'De levering is niet ondertekend door Adobe I/O Events, of geen handtekening klopt.',
  io_recipient: 'De levering is bedoeld voor een andere client-ID.',
  io_envelope: 'De body is geen levering van Adobe I/O Events.',
  io_keys_unavailable:
    'De sleutelserver van Adobe I/O Events antwoordde niet op tijd; probeer het later opnieuw.',
  io_challenge: 'De challenge moet 1 tot 500 tekens hebben.',
  too_large: 'De inhoud mag hooguit {bytes} bytes zijn.',
  media_type: 'Stuur de inhoud als {types}.',
  idempotency_batch:
    'De header Idempotency-Key is voor één gebeurtenis; geef elke gebeurtenis van een batch een eigen id.',
  idempotency_differs: 'De header Idempotency-Key en het id van de gebeurtenis verschillen.',
  differs_from_header: 'verschilt van de header Idempotency-Key',
  form_conflict: 'De formuliervelden beschrijven niet één object.',
  form_field_conflict: 'botst met een ander veld met dezelfde naam',
  cursor_invalid: 'De cursor is niet geldig; begin opnieuw zonder cursor.',
  cursor_field: 'ongeldige cursor',
  ticket_missing: 'Er is een streamticket nodig: eerst POST /v1/stream/ticket.',
  ticket_invalid: 'Het streamticket is niet geldig.',
  upgrade_needed: 'Dit adres verwacht een WebSocket-upgrade.',
  enroll_only:
    'Met een aanmeldsleutel kun je alleen mensen aanmelden (POST /v1/enroll); gebruik hier een lees- of beheersleutel.',
  enrol_cap:
    'Met deze aanmeldsleutel zijn vandaag al {limit} mensen aangemeld, het maximum per dag; ' +
    'probeer het morgen opnieuw of vraag om een andere sleutel.',
  member_exists:
    'Er bestaat al een lid met deze naam. Meld je aan onder je eigen ' +
    'naam of vraag een beheerder om een tweede sleutel voor dat lid.',
  notification_unknown: 'Deze tenant heeft zo’n melding niet.',
  snooze_past: 'De sluimertijd moet in de toekomst eindigen.',
  snooze_too_long: 'Sluimeren kan hooguit 7 dagen.',
  snooze_read: 'Alleen een ongelezen melding kan sluimeren; deze is gelezen of opgelost.',
  refused: 'Het verzoek is geweigerd.',
  host_not_allowed: 'De worker mag deze host niet aanroepen; MARKETO_HOSTS staat {patterns} toe.',
  https_required: 'moet https gebruiken (http alleen voor een loopback-host die in MARKETO_HOSTS staat)',
  rest_url_invalid:
    'moet het REST-eindpunt uit Admin > Web Services zijn, bijvoorbeeld https://123-ABC-456.mktorest.com',
  field_required: 'is verplicht',
  connector_incomplete: 'De eerste verbinding heeft restUrl, clientId en clientSecret nodig.',
  connector_key_missing:
    'De worker heeft geen CONNECTOR_KEY-secret om het clientgeheim te versleutelen; ' +
    'stel het in met wrangler secret put CONNECTOR_KEY.',
  secret_required:
    'Een restUrl op een andere host heeft het clientSecret opnieuw nodig: ' +
    'het opgeslagen geheim gaat alleen naar de host waarvoor het is ingevoerd.',
  connector_unknown: 'Voor deze tenant is geen Marketo-verbinding ingesteld.',
  internal: 'Er ging iets mis op de server; probeer het later opnieuw.',
  form_too_many_fields: 'Een formulier mag hooguit {max} velden hebben.',
  form_name_too_deep: 'Een veldnaam in een formulier mag hooguit {max} delen met punten hebben.',
  method_not_allowed: '{path} accepteert geen {method}; wel {allow}.',
  rate_limited: 'Te veel verzoeken met deze sleutel; probeer het over {seconds} s opnieuw.',
  root_attempts:
    'Te veel mislukte pogingen met het root-token vanaf dit adres; probeer het over {seconds} s opnieuw.',
  root_disabled:
    'Root-toegang staat uit: het geheim ROOT_TOKEN is korter dan 32 tekens of de voorbeeldwaarde.',
  streams_per_key: 'Deze sleutel heeft al {max} open streams; sluit er eerst een.',
  streams_per_tenant: 'Deze tenant heeft al {max} open streams; sluit er eerst een.',
  streams_per_enrolment:
    'De sleutels die met dezelfde aanmeldsleutel zijn aangemeld, ' +
    'hebben samen al {max} open streams; sluit er eerst een.',
  tickets_per_key:
    'Deze sleutel heeft al {max} ongebruikte streamtickets; gebruik er een of wacht tot ze verlopen.',
  tickets_per_tenant:
    'Deze tenant heeft al {max} ongebruikte streamtickets; probeer het over een minuut opnieuw.',
  waits_per_key:
    'Deze sleutel heeft al {max} verzoeken die op een wijziging wachten; wacht tot er een klaar is.',
  channel_unknown: 'Deze tenant heeft dit kanaal niet.',
  too_many_channels: 'Een tenant kan hoogstens {max} kanalen hebben; verwijder er eerst een.',
  channel_url_host:
    'moet een adres van hooks.slack.com (Slack), *.powerplatform.com / *.logic.azure.com (Teams) zijn',
  channel_url_public:
    'moet https op poort 443 van een openbare DNS-naam zijn, zonder gebruikersnaam of wachtwoord',
  channel_url_invalid: 'is geen geldige https-URL',
  channel_field_kind: 'wordt door dit soort kanaal niet gebruikt',
  channel_not_webhook: 'Alleen webhookkanalen hebben een ondertekeningsgeheim.',
  channel_key_missing:
    'De worker heeft geen CONNECTOR_KEY-secret om kanaaladressen te verzegelen; ' +
    'stel het in met wrangler secret put CONNECTOR_KEY.',
};
